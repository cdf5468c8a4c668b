"""drafter installed as a user installs it: the wheel, in a fresh venv, run from an empty folder.

Cost, measured here: about 12 s on an idle machine, 30-70 s when its two cores are shared by seven
busy sessions. pip builds the wheel in an isolated environment with hatchling (~1.5 s idle), makes
a venv without pip (~0.1 s) and installs the wheel and its dependencies into it with the test venv's
own pip (`pip --python`, ~6 s idle, from pip's cache, which CI's `pip install -e '.[test]'` has just
filled: the index is only asked which versions exist). Then a dozen drafter commands, under a second
each when idle. It needs the package registries, as CI has them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import ROOT, SEED_BY_NUMBER

from drafter import __version__
from drafter.library import store

MAIN_JOB = ["new", "--session", "60", "--base", "58/208", "--no-input"]
DRAFT = "draft-60-international-migration-and-development.docx"


def _pip(*args: str, cwd: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "--disable-pip-version-check", *args], check=False,
                            capture_output=True, text=True, cwd=cwd, timeout=600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh venv holding drafter from its wheel, and nothing of the clone."""
    work = tmp_path_factory.mktemp("install")
    _pip("wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(work / "wheel"), cwd=work)
    (wheel,) = (work / "wheel").glob("drafter-*.whl")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(work / "venv")], check=True)
    _pip("--python", str(work / "venv" / "bin" / "python"), "install", "--quiet", str(wheel), cwd=work)
    return work / "venv" / "bin"


def run(installed: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """drafter as a user's shell runs it: the venv's script, no $DRAFTER_LIBRARY, no clone on the path."""
    env = {k: v for k, v in os.environ.items() if k not in ("DRAFTER_LIBRARY", "PYTHONPATH")}
    env["XDG_CACHE_HOME"] = str(cwd / ".cache")
    return subprocess.run([str(installed / "drafter"), *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=120, stdin=subprocess.DEVNULL, check=False)


def clone(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The same command from the clone, on its top-level clause_library/."""
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, stdin=subprocess.DEVNULL, check=False)


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def test_the_main_job_from_an_empty_folder(installed, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(installed, *MAIN_JOB, cwd=empty)
    assert result.returncode == 0, result.stderr
    assert f"wrote {DRAFT}" in result.stdout
    # The wheel's draft is the clone's, byte for byte: the same library, the same UN styles.
    (tmp_path / "from-clone").mkdir()
    assert clone(*MAIN_JOB, "--library", str(ROOT / "clause_library"), cwd=tmp_path / "from-clone").returncode == 0
    assert (empty / DRAFT).read_bytes() == (tmp_path / "from-clone" / DRAFT).read_bytes()
    document = docx.Document(str(empty / DRAFT))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Sixtieth session" in text and "International migration and development" in text
    assert "SingleTxt" in {s.name for s in document.styles}      # the reference document shipped


def test_the_bundled_library_is_in_use_and_is_the_clones(installed, tmp_path):
    where = run(installed, "library", "where", "--json", cwd=tmp_path)
    report = json.loads(where.stdout)
    assert where.returncode == 0 and report["chosen_by"] == "bundled"
    assert Path(report["path"]).is_relative_to(installed.parent) and "site-packages" in report["path"]
    bundled = Path(report["path"])
    for path in (ROOT / "clause_library").rglob("*.yaml"):
        assert (bundled / path.relative_to(ROOT / "clause_library")).read_bytes() == path.read_bytes()
    assert report["version"] == store.load(ROOT / "clause_library").version
    version = run(installed, "--version", cwd=tmp_path)
    assert version.stdout.strip() == f"drafter {__version__}"


def test_render_a_number_from_the_library_alone(installed, tmp_path):
    result = run(installed, "render", "58/208", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert clone("render", str(SEED_BY_NUMBER["58/208"]), "-o", str(tmp_path / "seed.docx"), cwd=tmp_path).returncode == 0
    assert (tmp_path / "58-208.docx").read_bytes() == (tmp_path / "seed.docx").read_bytes()


def test_nothing_is_written_beside_the_bundled_library(installed, tmp_path):
    # Installed for all users, site-packages is read-only; the tests run as root, whom write bits do
    # not stop, so what is checked is that no command writes there, and that mine refuses to.
    bundled = Path(json.loads(run(installed, "library", "where", "--json", cwd=tmp_path).stdout)["path"]).parent
    before = _tree(bundled)
    for command in (["clauses", "list"], ["clauses", "search", "remittances"], ["library", "check"],
                    ["new", "--session", "61", "--base", "A/RES/58/208", "--no-input", "--format", "text"],
                    ["render", "2006/2", "--format", "akn"]):
        result = run(installed, *command, cwd=tmp_path)
        assert result.returncode == 0, (command, result.stderr)
    refused = run(installed, "mine", str(ROOT / "seeds"), cwd=tmp_path)
    assert refused.returncode == 1 and "--library DIR" in refused.stderr
    assert _tree(bundled) == before
    assert list((tmp_path / ".cache" / "drafter").glob("clause_library-*/index-*.sqlite"))   # its index
    mined = run(installed, "mine", str(ROOT / "seeds"), "--library", str(tmp_path / "own"), cwd=tmp_path)
    assert mined.returncode == 0 and store.exists(tmp_path / "own")


def test_the_wheel_carries_the_shipped_folders_as_committed(installed):
    # What the wheel bundles is exactly what the repository commits in clause_library/, seeds/ and
    # templates/: every source the library names (to rebuild and render it), and nothing derived
    # or left lying there (a backup, an index of an older drafter).
    (wheel,) = (installed.parent.parent / "wheel").glob("drafter-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = {name.removeprefix("drafter/bundled/") for name in names if name.startswith("drafter/bundled/")}
    listed = subprocess.run(["git", "ls-files", "clause_library", "seeds", "templates"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: cannot tell what is committed")
    assert bundled == set(listed.stdout.split())
    for entry in store.load(ROOT / "clause_library").sources:
        assert f"seeds/{Path(entry.path).name}" in bundled
    assert not any("__pycache__" in name or name.startswith("tests/") for name in names)
