"""The README's two commands stay true: CI runs the test command verbatim, and the main job's
command is one drafter understands."""

from __future__ import annotations

import re

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return [line.strip() for line in README.splitlines() if line.startswith("    python3 -m venv .venv")]


def test_ci_runs_the_readme_test_command():
    main_job, tests = _commands()
    assert "pytest" in tests
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_main_job_uses_the_bundled_library():
    main_job, _ = _commands()
    assert re.search(r"drafter new --session \d+ --base 58/208$", main_job)
    assert (ROOT / "clause_library" / "library.yaml").is_file()
