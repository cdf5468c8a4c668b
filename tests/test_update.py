"""`drafter update`: a session-60 draft made again against newer versions of the library.

The newer library is made the way a library grows: by mining one more resolution into a copy of
the bundled one. The resolution is a follow-up of 58/208 written for the purpose (60/227, adopted
at the sixtieth session, with the series recall extended and one clause reworded), since the UN
corpus beside the project holds no resolution of this series.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pexpect
import pytest
import yaml
from conftest import ROOT, SEED_BY_NUMBER

REWORDED = "op-calls-upon-international-community-seek-make"
# The clause of that family in 58/208, named as the draft prints it (never by its family id).
SEVEN = "operative 7 (“Invites Governments, with the assistance of …”)"
NEW_WORDING = "to make the option of remaining in one’s country a real and viable for all people"
OLD_WORDING = "to seek to make the option of remaining in one’s country viable for all people"


def drafter(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=180, stdin=subprocess.DEVNULL)


def follow_up() -> str:
    """58/208 as the Assembly might have re-adopted it at its sixtieth session."""
    text = SEED_BY_NUMBER["58/208"].read_text(encoding="utf-8")
    edits = [(" 58/208. International migration", " 60/227. International migration"),
             ("A/RES/58/208", "A/RES/60/227"),
             ("78th plenary meeting \n23 December 2003", "64th plenary meeting \n23 December 2005"),
             ("54/212 of 22 December 1999 and \n56/203 of 21 December 2001",
              "54/212 of 22 December 1999, \n56/203 of 21 December 2001 and 58/208 of 23 December 2003"),
             ("fifty-ninth session the", "sixty-first session the"),
             ("where appropriate, to seek to make the option of remaining in one’s country viable",
              "where appropriate, to make the option of remaining in one’s country a real and viable")]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def libraries(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("libraries")
    old, new = root / "v1", root / "v2"
    shutil.copytree(ROOT / "clause_library", old)
    shutil.copytree(old, new)
    source = root / "60-227.txt"
    source.write_text(follow_up(), encoding="utf-8")
    mined = drafter("mine", str(source), "--library", str(new), cwd=root)
    assert mined.returncode == 0 and "library 1.1.0" in mined.stdout, mined.stderr
    return old, new


def draft_60(tmp_path: Path, library: Path, *extra: str) -> Path:
    output = tmp_path / "draft-60.txt"
    made = drafter("new", "--session", "60", "--base", "58/208", "--library", str(library), "--no-input",
                   "--format", "text", "-o", str(output), "--data", "sponsor=Qatar (on behalf of the Group of 77 "
                   "and China)", *extra, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    return output


def answers_of(draft: Path) -> dict:
    return yaml.safe_load(draft.with_name(draft.name + ".answers.yaml").read_text(encoding="utf-8"))


def test_no_input_keeps_every_choice_and_lists_what_changed(tmp_path, libraries):
    old, new = libraries
    draft = draft_60(tmp_path, old)
    before = draft.read_text(encoding="utf-8")
    updated = drafter("update", str(draft), "--library", str(new), "--no-input", cwd=tmp_path)
    assert updated.returncode == 0, updated.stderr
    out = updated.stdout
    assert "made with library 1.0.0, now 1.1.0" in out
    assert f"{SEVEN}: a new wording, as in 60/227 op. 7" in out and REWORDED not in out
    assert "old choices kept" in out and "0 taken" in out
    # Every choice kept, so the same words come out.
    assert draft.read_text(encoding="utf-8") == before
    saved = answers_of(draft)
    assert saved["library_version"] == "1.1.0" and "60/227" in saved["library_sources"]
    assert saved["heading"]["sponsor"] == "Qatar (on behalf of the Group of 77 and China)"
    again = drafter("update", str(draft), "--library", str(new), "--no-input", cwd=tmp_path)
    assert again.returncode == 0 and "nothing in the library changed under these choices" in again.stdout


def test_at_a_terminal_each_change_is_asked(tmp_path, libraries):
    old, new = libraries
    draft = draft_60(tmp_path, old)
    assert OLD_WORDING in draft.read_text(encoding="utf-8")
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm-256color"}
    child = pexpect.spawn(sys.executable, ["-m", "drafter", "update", str(draft), "--library", str(new)],
                          cwd=str(tmp_path), encoding="utf-8", timeout=60, dimensions=(100, 160), env=env)
    child.expect(re.escape(f"{SEVEN}: a new wording, as in 60/227 op. 7"))
    child.expect(r"Take the library's wording\?.{0,20}\(y/N\)")
    child.send("y")
    child.expect(r"Take the library's wording\?.{0,20}\(y/N\)")       # the next change
    child.send("n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = draft.read_text(encoding="utf-8")
    assert NEW_WORDING in text and OLD_WORDING not in text
    clause = next(c for c in answers_of(draft)["clauses"] if c["family"] == REWORDED)
    assert any(s["resolution"] == "60/227" for v in yaml.safe_load(
        (new / "families" / f"{REWORDED}.yaml").read_text())["variants"] if v["id"] == clause["variant"]
        for s in v["sources"])


def test_a_deprecated_wording_still_in_use_is_kept_and_said(tmp_path, libraries):
    old, new = libraries
    # The 52/189 wording of the reworded clause, chosen for the session-60 draft ...
    family = yaml.safe_load((old / "families" / f"{REWORDED}.yaml").read_text())
    v52 = next(v for v in family["variants"] if v["sources"][0]["resolution"] == "52/189")
    draft = draft_60(tmp_path, old)
    data = answers_of(draft)
    clause = next(c for c in data["clauses"] if c["family"] == REWORDED)
    clause.update(variant=v52["id"], values={})
    draft.with_name(draft.name + ".answers.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
    remade = drafter("new", "--session", "60", "--base", "58/208", "--library", str(old), "--no-input",
                     "--format", "text", "-o", str(draft), "--answers", str(draft) + ".answers.yaml", "--force",
                     cwd=tmp_path)
    assert remade.returncode == 0, remade.stderr
    chosen = draft.read_text(encoding="utf-8")
    # ... and a library that no longer holds 52/189.
    v3 = tmp_path / "v3"
    shutil.copytree(new, v3)
    removed = drafter("library", "remove", "52/189", "--library", str(v3), cwd=tmp_path)
    assert removed.returncode == 0, removed.stderr
    updated = drafter("update", str(draft), "--library", str(v3), "--no-input", cwd=tmp_path)
    assert updated.returncode == 0, updated.stderr
    assert "operative 7 (“Calls upon the international community to …”): the wording in use is deprecated" \
        in updated.stdout
    assert draft.read_text(encoding="utf-8") == chosen


def test_a_wording_moved_to_another_family_follows_it(tmp_path, libraries):
    from drafter.library import store

    old, _ = libraries
    draft = draft_60(tmp_path, old, "--data", "op-takes-note-report-secretary-general.symbol=A/60/205")
    before = draft.read_text(encoding="utf-8")
    # A curator splits the family: 58/208's wording goes to a family of its own.
    library = store.load(old)
    report = library.family("op-takes-note-report-secretary-general")
    used = next(c for c in answers_of(draft)["clauses"] if c["family"] == report.id)["variant"]
    split = replace(report, id=f"{report.id}-split", variants=tuple(v for v in report.variants if v.id == used))
    rest = replace(report, variants=tuple(v for v in report.variants if v.id != used), version=report.version + 1)
    families = tuple(sorted([*(f for f in library.families if f.id != report.id), rest, split], key=lambda f: f.id))
    v4 = tmp_path / "v4"
    store.save(store.Library(version="1.2.0", sources=library.sources, families=families,
                             credits=library.credits), v4)
    updated = drafter("update", str(draft), "--library", str(v4), "--no-input", cwd=tmp_path)
    assert updated.returncode == 0, updated.stderr
    assert f"its wording is now in family {report.id}-split (the library split or merged {report.id})" in updated.stdout
    assert draft.read_text(encoding="utf-8") == before
    assert any(c["family"] == f"{report.id}-split" for c in answers_of(draft)["clauses"])


def _edit_by_hand(draft: Path) -> None:
    """A delegate's edit, saved so fast (or copied with its times kept) that the clock cannot tell."""
    import docx

    answers = draft.with_name(draft.name + ".answers.yaml")
    document = docx.Document(str(draft))
    document.add_paragraph("Decides to remain seized of the matter.")
    document.save(str(draft))
    stamp = answers.stat().st_mtime
    os.utime(draft, (stamp, stamp))


def test_a_draft_changed_by_hand_is_not_replaced(tmp_path, libraries):
    old, new = libraries
    draft = draft_60(tmp_path, old, "--format", "docx", "-o", str(tmp_path / "d.docx"))
    draft = tmp_path / "d.docx"
    assert len(answers_of(draft)["output"]["sha256"]) == 64
    _edit_by_hand(draft)
    edited = draft.read_bytes()
    refused = drafter("update", str(draft), "--library", str(new), "--no-input", cwd=tmp_path)
    assert refused.returncode == 1 and "changed since drafter wrote it" in refused.stderr, refused.stderr
    assert "--force" in refused.stderr and "-o FILE" in refused.stderr
    assert draft.read_bytes() == edited
    elsewhere = drafter("update", str(draft), "--library", str(new), "--no-input", "-o",
                        str(tmp_path / "updated.docx"), cwd=tmp_path)
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert (tmp_path / "updated.docx").exists() and (tmp_path / "updated.docx.answers.yaml").exists()
    assert draft.read_bytes() == edited
    forced = drafter("update", str(draft), "--library", str(new), "--no-input", "--force", cwd=tmp_path)
    assert forced.returncode == 0 and draft.read_bytes() != edited


def test_a_draft_only_touched_is_updated(tmp_path, libraries):
    old, new = libraries
    draft = draft_60(tmp_path, old)
    later = draft.stat().st_mtime + 3600
    os.utime(draft, (later, later))                     # copied, synced: newer, but the same bytes
    updated = drafter("update", str(draft), "--library", str(new), "--no-input", cwd=tmp_path)
    assert updated.returncode == 0, updated.stderr


def test_another_format_goes_to_a_file_of_its_kind(tmp_path, libraries):
    old, new = libraries
    draft = draft_60(tmp_path, old)
    before = draft.read_bytes()
    refused = drafter("update", str(draft), "--library", str(new), "--no-input", "--format", "akn", cwd=tmp_path)
    assert refused.returncode == 2, refused.stderr
    assert "is a text draft; --format akn would write Akoma Ntoso XML into it" in refused.stderr
    assert "-o FILE.xml" in refused.stderr and draft.read_bytes() == before
    xml = tmp_path / "draft-60.xml"
    made = drafter("update", str(draft), "--library", str(new), "--no-input", "--format", "akn", "-o", str(xml),
                   cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert xml.read_text(encoding="utf-8").startswith("<akomaNtoso") and draft.read_bytes() == before


def test_an_older_library_is_asked_about(tmp_path, libraries):
    old, new = libraries
    draft = draft_60(tmp_path, new)
    before = draft.read_bytes()
    refused = drafter("update", str(draft), "--library", str(old), "--no-input", cwd=tmp_path)
    assert refused.returncode == 1 and "is version 1.0.0, older than 1.1.0" in refused.stderr, refused.stderr
    assert "--force" in refused.stderr and draft.read_bytes() == before
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm-256color"}
    child = pexpect.spawn(sys.executable, ["-m", "drafter", "update", str(draft), "--library", str(old)],
                          cwd=str(tmp_path), encoding="utf-8", timeout=60, dimensions=(100, 160), env=env)
    child.expect(r"is version 1\.0\.0, older than 1\.1\.0, which the draft was made with\.")
    child.expect(r"Update against it anyway\?.{0,20}\(y/N\)")
    child.send("n")
    child.expect(pexpect.EOF)
    child.close()
    # Saying no is no error: said plainly, exit 1 as documented, nothing written.
    assert child.exitstatus == 1 and "drafter: not updated" in child.before and "error" not in child.before
    assert draft.read_bytes() == before
    forced = drafter("update", str(draft), "--library", str(old), "--no-input", "--force", cwd=tmp_path)
    assert forced.returncode == 0 and "warning: the library in use" in forced.stderr, forced.stderr


def test_a_draft_without_answers_is_a_usage_error(tmp_path):
    (tmp_path / "draft.txt").write_text("a draft", encoding="utf-8")
    result = drafter("update", str(tmp_path / "draft.txt"), "--no-input", cwd=tmp_path)
    assert result.returncode == 2 and "no answers file beside the draft" in result.stderr
