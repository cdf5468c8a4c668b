"""Punctuation by position: the UN's rule, measured on adopted resolutions, and kept after any reordering."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, corpus_or_skip
from punctuation_check import changed_endings

from drafter.assemble import questions
from drafter.assemble.base import load_base
from drafter.assemble.compose import to_resolution
from drafter.assemble.draft import start
from drafter.assemble.punctuation import ending, punctuate
from drafter.ingest import read_resolution
from drafter.library import store
from drafter.model import Paragraph, Resolution, SubParagraph


def _paragraphs(resolution: Resolution) -> list[Paragraph]:
    out = [*resolution.preamble, *resolution.operative]

    def sections(items):
        for section in items:
            out.extend([*section.preamble, *section.operative])
            sections(section.sections)
    sections(resolution.sections)
    for part in resolution.parts:
        out.extend([*part.preamble, *part.operative])
        sections(part.sections)
    return out


def test_adopted_resolutions_already_follow_the_rule():
    # If the rule is the UN's, punctuating an adopted resolution changes (almost) nothing. Every
    # 12th file of sessions 75-80; what it does change is damage in the source (a preambular
    # paragraph ending ";", table rows read as paragraphs), which the rule puts right.
    files = sorted(corpus_or_skip().glob("*/*.xml"))[::12]
    total = changed = 0
    for path in files:
        resolution = read_resolution(path)
        before, after = _paragraphs(resolution), _paragraphs(punctuate(resolution))
        total += len(before)
        changed += sum(1 for a, b in zip(before, after) if a != b)
    assert total > 1500
    assert changed / total < 0.01, f"{changed} of {total} paragraphs changed"


@pytest.fixture(scope="module")
def draft_60():
    library = store.load(ROOT / "clause_library")
    return start(library, load_base(library, "58/208"), 60)


def _ends(resolution: Resolution) -> tuple[list[str], list[str]]:
    return [p.text[-1] for p in resolution.preamble], [p.text[-1] for p in resolution.operative]


def test_the_last_operative_paragraph_ends_the_resolution_after_a_move(draft_60):
    # The closing "Decides to include ..." moved first gives up its full stop; the paragraph now
    # last (op. 10, which introduces sub-paragraphs) ends the resolution with its last sub-paragraph.
    last = len(draft_60.clauses) - 1
    moved, at = questions.move(draft_60, last, 1)
    resolution = to_resolution(moved)
    assert {p.text[-1] for p in resolution.preamble} == {","}
    first, *middle, final = resolution.operative
    assert first.text.startswith("Decides to include") and first.text.endswith("development”;")
    assert all(p.text[-1] == ";" for p in middle)
    assert final.text.endswith(":") and final.subparagraphs[-1].text.endswith(".")
    assert moved.clauses[at].family_id == draft_60.clauses[last].family_id


def test_an_operative_paragraph_dropped_from_the_end_passes_the_full_stop_on(draft_60):
    # 58/208 op. 10 introduces sub-paragraphs (a)-(d): once it is last, (d) ends the resolution.
    dropped = questions.drop(draft_60, len(draft_60.clauses) - 1)
    last = to_resolution(dropped).operative[-1]
    assert last.text.endswith("bearing in mind that:")
    assert [s.text[-1] for s in last.subparagraphs] == [";", ";", ";", "."]


def test_sub_paragraphs_end_as_their_paragraph_ends(draft_60):
    # 58/208 op. 6 introduces (a)-(d); moved last, its last sub-paragraph closes the resolution.
    index = next(i for i, c in enumerate(draft_60.clauses) if c.variant.subparagraphs)
    moved, _ = questions.move(draft_60, index, questions.count(draft_60, "operative"))
    last = to_resolution(moved).operative[-1]
    assert last.text.endswith(":")
    assert [s.text[-1] for s in last.subparagraphs] == [";"] * (len(last.subparagraphs) - 1) + ["."]
    stays = to_resolution(draft_60).operative[questions.position(draft_60, index) - 1]
    assert stays.subparagraphs[-1].text.endswith(";")


def test_a_clause_added_last_takes_the_full_stop(draft_60):
    library = store.load(ROOT / "clause_library")
    family = library.family("op-takes-note-report-secretary-general")
    clause = questions.to_add(draft_60, library, family, questions.preferred(family))
    added, _ = questions.add(draft_60, clause, questions.count(draft_60, "operative") + 1)
    *_, before, last = to_resolution(added).operative
    assert before.text.endswith("development”;") and last.text == "Takes note of the report of the Secretary-General."


@pytest.mark.parametrize("text, end, expected", [
    ("Takes note of the report;", ".", "Takes note of the report."),
    ("the sub-item entitled “International migration and development”.", ";",
     "the sub-item entitled “International migration and development”;"),
    # A quoted sentence keeps its own full stop: it is what is quoted.
    ("to read: “The Conference shall meet annually.”", ";", "to read: “The Conference shall meet annually.”"),
    ("Adopts the following declaration:", ".", "Adopts the following declaration:"),
    ("to improve national capabilities; and", ".", "to improve national capabilities; and"),
    ("lessons learnt so far", ";", "lessons learnt so far;"),
    ("", ";", ""),
    # A separator between groups of paragraphs (78/149) is no sentence.
    ("* * *", ",", "* * *"),
])
def test_ending(text, end, expected):
    assert ending(text, end) == expected


def test_nested_sub_paragraphs_and_closing_words():
    inner = (SubParagraph("i", "first;"), SubParagraph("ii", "second,"))
    paragraph = Paragraph("Requests the Secretary-General", lead="Requests", number=1,
                          subparagraphs=(SubParagraph("a", "to study;"), SubParagraph("b", "to report on", subparagraphs=inner)))
    closing = Paragraph("Decides:", lead="Decides", number=2, subparagraphs=(SubParagraph("a", "that;"),),
                        wrap_up="and to remain seized of the matter;")
    done = punctuate(Resolution("1", None, None, "General Assembly", 60, operative=(paragraph, closing)))
    first, second = done.operative
    assert first.text == "Requests the Secretary-General:"
    assert first.subparagraphs[1].text == "to report on:"
    assert [s.text for s in first.subparagraphs[1].subparagraphs] == ["first;", "second;"]
    # Closing words carry the resolution's full stop; the sub-paragraphs before them stay ";".
    assert second.wrap_up == "and to remain seized of the matter." and second.subparagraphs[0].text == "that;"


def test_sections_end_with_semicolons_but_the_last(tmp_path: Path):
    from drafter.model import Section

    def op(text):
        return Paragraph(text, lead=text.split()[0], number=1)
    resolution = Resolution("1", None, None, "General Assembly", 60, operative=(op("Decides that."),),
                            sections=(Section("I", "One", operative=(op("Notes a."),)),
                                      Section("II", "Two", operative=(op("Notes b;"), op("Notes c;")))))
    done = punctuate(resolution)
    assert done.operative[0].text.endswith(";") and done.sections[0].operative[0].text.endswith(";")
    assert [p.text[-1] for p in done.sections[1].operative] == [";", "."]


# Bases whose endings are not all by position, for a reason of their own: an unnumbered paragraph
# among numbered ones introducing those after it ("Recalls ... 25,472,300 dollars,") and table notes
# read as paragraphs ("Abbreviations: ... (Principal level)."), 78/253 and 80/243; a separator
# "* * *" (78/149); preambular sub-paragraphs, which end with commas (76/186); sub-paragraphs that
# are the items of an agenda, each ending "." (78/223).
SHAPES = ["78/A_RES_78_253-2326236E.xml", "80/A_RES_80_243-2521248E.xml", "78/A_RES_78_149-2325913E.xml",
          "76/A_RES_76_186-2119241E.xml", "78/A_RES_78_223-2325990E.xml"]


@pytest.fixture(scope="module")
def library():
    return store.load(ROOT / "clause_library")


def test_a_draft_in_its_bases_order_ends_every_paragraph_as_the_base_does(library):
    # Punctuation by position rewrites only what position decides: with the order unchanged, that
    # is nothing. The shapes above, and every 80th file of the corpus (benchmarks/bench_punctuation.py
    # runs all 1,917: no ending changed).
    corpus = corpus_or_skip()
    files = [corpus / name for name in SHAPES] + sorted(corpus.glob("*/*.xml"))[::80]
    changed = [f"{path.name}: {change}" for path in files for change in changed_endings(library, path)]
    assert changed == []


def test_what_the_base_ends_for_a_reason_stays_when_the_order_changes(library):
    base = load_base(library, str(corpus_or_skip() / SHAPES[0]))
    draft = start(library, base, 79)
    last = max(i for i, c in enumerate(draft.clauses) if c.kind == "operative" and c.base_index is not None)
    ends = [p.text for kind, p in to_resolution(draft).all_paragraphs() if kind == "operative"][-1]
    moved, _ = questions.move(draft, last, 1)
    texts = [p.text for kind, p in to_resolution(moved).all_paragraphs() if kind == "operative"]
    # The full stop follows the order: the base's last paragraph, now first, gives it up ...
    assert ends.endswith(".") and texts[0] == ends[:-1] + ";"
    assert texts[-1].endswith(".") and sum(t.endswith(".") and not t.startswith("Abbreviations") for t in texts) == 1
    # ... while the paragraph that introduces those after it, and the table notes, end as written.
    recalls = next(t for t in texts if "or 25,472,300 dollars" in t)
    assert recalls.endswith("dollars,")
    notes = [t for t in texts if t.startswith("Abbreviations: GS (OL)")]
    assert len(notes) == 2 and all(t.endswith("(Principal level).") for t in notes)
