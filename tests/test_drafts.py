"""A draft holds everything its base holds: parts, sections and headings, annexes, notes, numbering.

Real bases from the UN corpus (the bundled library knows none of their series, so every clause is
matched or new, as it is for a delegate's own file).
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, corpus_or_skip

from drafter.assemble import questions
from drafter.assemble.base import Where, base_from_resolution
from drafter.assemble.changes import changes
from drafter.assemble.compose import compose, to_resolution
from drafter.assemble.draft import start
from drafter.assemble.edits import KINDS
from drafter.assemble.run import draft_from
from drafter.ingest import read_resolution
from drafter.library import store
from drafter.model import Cell, FootnoteRef, Table

LIBRARY = ROOT / "clause_library"


@pytest.fixture(scope="module")
def library():
    return store.load(LIBRARY)


def corpus_file(session: int, serial: int) -> Path:
    """A resolution of the corpus by number (the UN's file names changed over the sessions)."""
    folder = corpus_or_skip()
    found = sorted(folder.glob(f"{session}/*{session}_{serial}_*.xml")) + \
        sorted(folder.glob(f"{session}/*{session}_{serial}[-A ]*.xml"))
    assert found, f"no file for {session}/{serial}"
    return found[0]


def texts(resolution) -> list[tuple]:
    """Every paragraph with its number, sub-paragraphs and the texts of its footnotes."""
    def notes_of(item, notes):
        return tuple(notes.get(ref.marker) for ref in item.footnotes)

    out = []
    for top in [resolution, *resolution.parts]:
        notes = top.footnotes or resolution.footnotes
        for holder in _holders(top):
            for paragraph in (*holder.preamble, *holder.operative):
                out.append((paragraph.number, paragraph.text, notes_of(paragraph, notes),
                            tuple((s.label, s.text, notes_of(s, notes)) for s in paragraph.subparagraphs)))
    return out


def _holders(holder):
    yield holder
    for section in holder.sections:
        yield from _holders(section)


def headings(resolution) -> list[str]:
    return [s.heading for top in [resolution, *resolution.parts] for h in _holders(top) for s in h.sections]


def test_every_paragraph_under_its_heading(library):
    # 79/117 has eleven sections (I "Legislative activities" ... XI) numbered through the document.
    path = corpus_file(79, 117)
    base = read_resolution(path)
    draft = draft_from(library, str(path), 80)
    drafted = to_resolution(draft)
    assert len(drafted.all_paragraphs()) == len(base.all_paragraphs()) == 32
    assert headings(drafted) == headings(base)
    assert [s.label for s in drafted.sections] == [s.label for s in base.sections]
    # Numbering as the base numbers it: through the sections, not again from 1 in each.
    assert [p.number for _, p in drafted.all_paragraphs()] == [p.number for _, p in base.all_paragraphs()]
    assert all(c.where is not None for c in draft.clauses)


def test_the_largest_base_keeps_every_paragraph(library):
    # The example: 79/144 lost 413 of its paragraphs (only those outside sections were kept).
    path = corpus_file(79, 144)
    base = read_resolution(path)
    drafted = to_resolution(draft_from(library, str(path), 80))
    assert len(drafted.all_paragraphs()) == len(base.all_paragraphs()) == 419
    assert headings(drafted) == headings(base)


def test_parts_each_with_their_title_and_notes(library):
    path = corpus_file(75, 101)
    base = read_resolution(path)
    drafted = to_resolution(draft_from(library, str(path), 76))
    assert [(p.label, p.title) for p in drafted.parts] == [(p.label, p.title) for p in base.parts]
    for old, new in zip(base.parts, drafted.parts):
        assert len(new.preamble) == len(old.preamble) and len(new.operative) == len(old.operative)
        assert headings_of(new) == headings_of(old)
        assert new.adopted is None
    # Each part keeps its own footnotes, numbered through the document as the base numbers them.
    assert list(drafted.parts[0].footnotes) == ["1", "2"]
    assert list(drafted.parts[1].footnotes)[0] == "3"


def headings_of(part) -> list[str]:
    return [s.heading for h in _holders(part) for s in h.sections]


def test_annexes_are_carried_and_dropped_only_when_asked(library, tmp_path):
    path = corpus_file(77, 5)
    base = read_resolution(path)
    draft = draft_from(library, str(path), 78)
    drafted = to_resolution(draft)
    assert len(base.annexes) == 1 and len(base.annexes[0].paragraphs) > 10
    assert [(a.label, a.title) for a in drafted.annexes] == [(a.label, a.title) for a in base.annexes]
    assert [(p.number, p.text, p.subparagraphs) for p in drafted.annexes[0].paragraphs] == \
        [(p.number, p.text, p.subparagraphs) for p in base.annexes[0].paragraphs]
    draft.annexes = []
    assert to_resolution(draft).annexes == ()


def test_a_draft_for_the_base_own_session_without_edits_is_the_base(library):
    """Nothing lost, nothing written twice or out of order, over a sample of the whole corpus
    (every 97th file, all six sessions): a draft for the base's own session with every automatic
    edit refused gives back every paragraph, number, sub-paragraph and footnote text of the base."""
    files = sorted(corpus_or_skip().glob("*/*.xml"))[::97]
    assert len(files) >= 19
    for path in files:
        base = read_resolution(path)
        draft = draft_from(library, str(path), base.session, refused=KINDS)
        assert texts(to_resolution(draft)) == texts(base), path.name


def test_a_list_whose_items_carry_footnotes_is_written_once(library):
    # 78/190 -> 79 read "... 2004/16 of 16 April 2004 and 2005/5 of 14 April 2005 and 2005/5 of ...".
    drafted = to_resolution(draft_from(library, str(corpus_file(78, 190)), 79))
    text = next(p.text for p in drafted.preamble if "Commission on Human Rights resolutions" in p.text)
    text = text.replace("\u00a0", " ")        # the dates' no-break spaces, as the UN writes them
    assert text.count("2005/5 of 14") == 1
    assert "resolutions 2004/16 of 16 April 2004 and 2005/5 of 14 April 2005 and relevant Human Rights" in text
    assert text.count("18/15 of 29 September 2011") == 1


def test_the_redline_pairs_every_base_paragraph_once(library):
    path = corpus_file(79, 117)
    draft = draft_from(library, str(path), 80)
    dropped = next(i for i, c in enumerate(draft.clauses) if c.where.sections == (3,))   # section IV
    draft = questions.drop(draft, dropped)
    _, paired = changes(draft)
    olds = [c.old for c in paired if c.old is not None]
    assert len(olds) == len(draft.base.clauses)
    gone = [c for c in paired if c.new is None]
    assert len(gone) == 1 and gone[0].where == Where(None, (3,))
    # It stands where it stood: after the paragraph before it in the base.
    position = paired.index(gone[0])
    assert paired[position - 1].old is draft.base.clauses[dropped - 1].paragraph


def test_an_added_clause_stands_where_it_lands(library):
    path = corpus_file(79, 117)
    draft = draft_from(library, str(path), 80)
    family = next(f for f in library.families if f.kind == "operative")
    after = next(i for i, c in enumerate(draft.clauses) if c.where.sections == (6,))       # section VII
    at = sum(1 for c in draft.clauses[:after + 1] if c.kind == "operative") + 1
    draft, index = questions.add(draft, questions.to_add(draft, library, family, family.variants[-1]), at)
    assert index == after + 1
    composed = compose(draft)
    assert composed.pieces[after + 1].where == Where(None, (6,))
    assert len(to_resolution(draft).sections[6].operative) == 4
    # The paragraphs after it are numbered on.
    assert composed.numbers[after + 1] == composed.numbers[after] + 1


def test_closing_words_a_table_and_italics_are_carried(library):
    """What a template does not hold comes from the base paragraph: closing words after the
    sub-paragraphs (with their session moved and their footnote), a table, italics."""
    resolution = read_resolution(corpus_file(79, 117))
    index = next(i for i, p in enumerate(resolution.operative) if p.subparagraphs) \
        if any(p.subparagraphs for p in resolution.operative) else 0
    paragraph = resolution.operative[index]
    closing = "and to report thereon to the General Assembly at its eightieth session"
    table = Table(rows=((Cell("Year", header=True), Cell("Amount", header=True)),
                        (Cell("2025", footnotes=(FootnoteRef("1", 4),)), Cell("100"))))
    changed = dataclasses.replace(paragraph, wrap_up=closing, wrap_up_footnotes=(FootnoteRef("2", len(closing)),),
                                  table=table)
    resolution = dataclasses.replace(resolution, operative=(changed, *resolution.operative[1:]))
    base = base_from_resolution(library, resolution)
    drafted = compose(start(library, base, 80)).paragraphs[len(resolution.preamble) + index]
    assert drafted.wrap_up == closing.replace("eightieth", "eighty-first")
    assert drafted.wrap_up_footnotes[0].at == len(drafted.wrap_up)
    assert drafted.table is not None and drafted.table.rows[1][0].text == "2025"
    notes = to_resolution(start(library, base, 80)).footnotes
    assert notes[drafted.wrap_up_footnotes[0].marker] == resolution.footnotes["2"]
    assert notes[drafted.table.rows[1][0].footnotes[0].marker] == resolution.footnotes["1"]


def test_answers_replay_a_sectioned_draft_byte_for_byte(tmp_path):
    path = corpus_file(79, 117)
    out = tmp_path / "draft.xml"
    first = _new(path, out, tmp_path)
    assert first.returncode == 0, first.stderr
    answers = yaml.safe_load((tmp_path / "draft.xml.answers.yaml").read_text(encoding="utf-8"))
    # Clause 15 is the first under heading IV (5 preambular, 1 + 6 + 1 + 1 operative before it).
    assert answers["clauses"][14]["where"] == {"part": None, "sections": [3]}
    assert answers["clauses"][14]["from_base"] == 14
    again = _new(path, tmp_path / "again.xml", tmp_path, "--answers", str(tmp_path / "draft.xml.answers.yaml"))
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again.xml").read_bytes() == out.read_bytes()
    assert read_resolution(out).sections[3].heading == "Travel assistance"


def _new(base: Path, out: Path, cwd: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "80", "--base", str(base),
                           "--library", str(LIBRARY), "--no-input", "--format", "akn", "-o", str(out), *extra],
                          capture_output=True, text=True, cwd=cwd, timeout=120, stdin=subprocess.DEVNULL)
