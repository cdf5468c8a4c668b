"""The answers file and --data: replay, carrying choices into the next session, precedence, and
refusals in words."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

LIBRARY = str(ROOT / "clause_library")
REPORT = "op-takes-note-report-secretary-general"
AGENDA = "op-decides-include-provisional-agenda-session-sub"


def drafter(tmp_path: Path, session: int, *extra: str, output: str = "draft.txt") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", "new", "--session", str(session), "--base", "58/208",
                           "--library", LIBRARY, "--format", "text", "-o", str(tmp_path / output), *extra],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture()
def answers_60(tmp_path: Path) -> Path:
    """A session-60 draft with choices a delegation makes: symbol, agenda item, sponsor, the new
    report's symbol, a dropped clause and another wording."""
    result = drafter(tmp_path, 60, "--defaults", output="base.txt")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "base.txt.answers.yaml"
    data = yaml.safe_load(path.read_text())
    data["heading"].update(symbol="A/C.2/60/L.12", agenda_item="Agenda item 52 (c)",
                           sponsor="Qatar (on behalf of the Group of 77 and China)")
    report = next(c for c in data["clauses"] if c["family"] == REPORT)
    report["values"]["symbol"] = "A/60/205"
    data["clauses"] = [c for c in data["clauses"] if c["family"] != "pp-noting-importance-remittances-migrant-workers-many"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return path


def test_the_readme_replay_example_carries_session_60_choices_into_61(tmp_path, answers_60):
    result = drafter(tmp_path, 61, "--answers", str(answers_60), "--no-input")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "draft.txt").read_text(encoding="utf-8")
    # Kept: the sponsor and the drop. Moved by itself: the agenda of the next session.
    assert "Qatar (on behalf of the Group of 77 and China)" in text and "Sixty-first session" in text
    assert "Noting the importance of remittances" not in text
    assert "provisional agenda of its sixty-second session" in text
    # What was session 60's alone no longer applies, and each is said.
    assert "A/C.2/60/L.12" not in text and "A/C.2/61/L.…" in text and "A/60/205" not in text
    out = result.stdout
    assert "the draft symbol A/C.2/60/L.12 was session 60's; A/C.2/61/L.… is left to fill" in out
    assert "Agenda item 52 (c) was session 60's agenda item" in out
    assert ("operative 1 (“Takes note of the report of …”): the document symbol A/60/205 was a document of "
            "session 60; it is left to fill") in out and REPORT not in out
    saved = yaml.safe_load((tmp_path / "draft.txt.answers.yaml").read_text())
    assert saved["session"] == 61 and saved["heading"]["agenda_item"] == "Agenda item …"


def test_the_same_session_replays_byte_for_byte(tmp_path, answers_60):
    first = drafter(tmp_path, 60, "--answers", str(answers_60), "--no-input", output="one.txt")
    second = drafter(tmp_path, 60, "--answers", str(tmp_path / "one.txt.answers.yaml"), "--no-input",
                     output="two.txt")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert (tmp_path / "one.txt").read_bytes() == (tmp_path / "two.txt").read_bytes()
    assert "A/60/205" in (tmp_path / "one.txt").read_text(encoding="utf-8")
    assert "no longer applies" not in first.stdout


def test_data_wins_over_the_answers_which_win_over_the_defaults(tmp_path, answers_60):
    result = drafter(tmp_path, 60, "--answers", str(answers_60), "--defaults",
                     "--data", "symbol=A/C.2/60/L.40",
                     "--data", f"{REPORT}.symbol=A/60/999",
                     "--data", f"{AGENDA}.session_offset=63")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "draft.txt").read_text(encoding="utf-8")
    assert "A/C.2/60/L.40" in text and "A/C.2/60/L.12" not in text                  # --data over answers
    assert "Agenda item 52 (c)" in text and "Qatar (on behalf" in text               # answers over defaults
    assert "A/60/999." in text and "provisional agenda of its sixty-third session" in text
    saved = yaml.safe_load((tmp_path / "draft.txt.answers.yaml").read_text())
    assert saved["heading"]["symbol"] == "A/C.2/60/L.40"
    assert next(c for c in saved["clauses"] if c["family"] == AGENDA)["values"]["session_offset"] == 3


@pytest.mark.parametrize("given, message", [
    ("symbol=A/C.2/60/12", "--data symbol=A/C.2/60/12: a draft resolution's symbol has an L. part "
                           "(e.g. A/C.2/60/L.12)"),
    (f"{REPORT}.symbol=foo", f"--data {REPORT}.symbol=foo: not a UN document symbol (e.g. A/60/325)"),
    (f"{AGENDA}.session_offset=58", "session 58 is before this draft's session, 60: give one from 60 to 70"),
    ("citations=58/208", "--data citations: 3 clauses have a value citations; name the clause"),
    ("nothing=1", "--data nothing: no such value in this draft"),
    ("no-equals-sign", "--data no-equals-sign: write KEY=VALUE"),
])
def test_bad_data_is_refused_in_words(tmp_path, given, message):
    result = drafter(tmp_path, 60, "--defaults", "--data", given)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "draft.txt").exists()


@pytest.mark.parametrize("change, expected", [
    (lambda a: next(c for c in a["clauses"] if c["family"] == REPORT)["values"].update(symbol="foo"),
     "values.symbol: 'foo': not a UN document symbol (e.g. A/60/325)"),
    (lambda a: a["clauses"][0]["values"].update(date="1994-02-31"),
     "clauses[0].values.date: '1994-02-31': 31 February 1994 is not a date: February 1994 has 28 days"),
    (lambda a: a["clauses"][1]["values"]["citations_2"][0].update(number="1995-313"),
     "clauses[1].values.citations_2: '1995-313' is not a resolution number (e.g. 58/208)"),
    (lambda a: a["heading"].update(symbol="A/C.2/60/12"),
     "heading.symbol: 'A/C.2/60/12': a draft resolution's symbol has an L. part"),
])
def test_answers_file_errors_read_like_the_prompts(tmp_path, answers_60, change, expected):
    data = yaml.safe_load(answers_60.read_text())
    change(data)
    answers_60.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    result = drafter(tmp_path, 60, "--answers", str(answers_60), "--no-input")
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    # Never a regular expression.
    assert not re.search(r"\^\(\?|\[A-Za-z|\\d", result.stderr)


def test_answers_for_another_base_are_refused(tmp_path, answers_60):
    result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "58", "--base", "56/203",
                             "--library", LIBRARY, "--no-input", "--answers", str(answers_60), "-o",
                             str(tmp_path / "x.txt"), "--format", "text"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 1 and "base: the answers are for 58/208, not 56/203" in result.stderr


@pytest.mark.parametrize("content, reason", [
    (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xdf\xa4\xd2lZ\x01", "not an answers file: it is not text"),
    (b"", "not an answers file: it is empty"),
    (b"\n# nothing but a comment\n", "not an answers file: it is empty"),
    (b"- 58/208\n- 60\n", "not an answers file: it holds no answers"),
])
def test_a_file_that_is_no_answers_file_is_said_in_one_line(tmp_path, content, reason):
    path = tmp_path / "draft.docx"                 # the draft given where its answers belong
    path.write_bytes(content)
    (tmp_path / "draft.docx.answers.yaml").write_text("base: 58/208\n", encoding="utf-8")
    result = drafter(tmp_path, 60, "--answers", str(path), "--no-input")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"drafter: error: {path}: {reason} (its answers are in {path}.answers.yaml)"], result.stderr
    assert not (tmp_path / "draft.txt").exists()
