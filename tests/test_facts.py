"""Which numbers of a clause are facts a drafter confirms, and which are fixed wording (QA finding 5:
79/144 -> 80 listed 272 "facts to confirm", among them 3281 and 2625 of "resolutions 3281 (XXIX) and
2625 (XXV)", the 19 of COVID-19 and the 32 of "article 32").

Why the line is where it is, measured on the families mining sessions 79 and 80 makes (a clause of
a resolution in 79 and its successor's in 80): between the two, amounts changed in 67% of the
families, percentages in 30%, other figures in 23%; numbers that point into
a text (article, paragraph, section, Goal) in 12% (renumbered cross-references, not figures), counts
in words after "the", "all", "its" or "their" (a known set: "all six official languages") in 1 of 136,
other counts in words in 11% (kept as facts: the survey's "forty-seven respondents" is one). Numbers in names
(COVID-19), in citations (3281 (XXIX)) and the days of a date range never are figures. Years
changed in 24% (those of the session's own span, the year before it opens to three after, in 68%;
the others in 8%); a year stays a fact at every session, whatever its distance (a slot that came
and went with the session would make a re-tabled clause a new wording), and the drafts move those
that stand for the session's own year (assemble/edits/years.py). Source of the corpus: the United
Nations."""

from __future__ import annotations

import re

import pytest
from conftest import corpus_or_skip

from drafter.ingest import read_resolution
from drafter.library.slots import find_slots

NBSP, NBH = "\u00a0", "\u2011"


def _facts(text: str, session: int = 79, body: str = "General Assembly") -> list[str]:
    return [s.value for s in find_slots(text, session, body) if s.kind == "fact"]


@pytest.mark.parametrize("text", [
    "Recalling its resolutions 3281 (XXIX) of 12 December 1974 and 2625 (XXV),",
    "Recalling resolution 973 (X) and Security Council resolution 2272 (2016),",
    f"Noting the effects of the COVID{NBH}19 pandemic and of COVID-19,",
    "in accordance with article 32 of the Convention and paragraphs 64, 65 and 70 to 72 of its resolution,",
    f"as reflected in Sustainable Development Goal 14 and target 4.1, and rule{NBSP}153,",
    "recalling article IV, section 11, of the Agreement and chapter 17 of Agenda 21,",
    "held in Baku from 2 to 4 May 2019 and in Istanbul on 23 and 24 May 2016,",
    "Recalling resolution A.1090(28) of the Organization and GC(64)/RES/15,",
    "in all six official languages, in its three dimensions and in the six official languages,",
])
def test_fixed_wording_is_no_fact(text):
    assert _facts(text) == []


@pytest.mark.parametrize("text, facts", [
    ("Noting that 41 per cent of the 158 submissions were received,", ["41 per cent", "158"]),
    ("Decides to appropriate 25,472,300 dollars for 2025,", ["25,472,300", "2025"]),
    ("Noting that forty-seven respondents were in favour, five were partially in favour,", ["forty-seven", "five"]),
    ("for a period of six days,", ["six"]),
])
def test_figures_that_change_with_the_session_are_facts(text, facts):
    assert _facts(text) == facts


def test_a_year_is_a_fact_at_every_session():
    # "entered into force in July 2003" reads the same in 58/208 and in 60/227: one wording, whose
    # year the drafts move when it stands for the session's own (assemble/edits/years.py).
    text = "in 2002, 2003 and 2027,"
    for session, body in ((58, "General Assembly"), (60, "General Assembly"), (39, "Commission on Population")):
        assert _facts(text, session, body) == ["2002", "2003", "2027"]


def test_corpus_facts_are_never_pointers_names_or_citations():
    """Over every 25th corpus file: no fact follows a word that points into a text, stands in a
    name after a hyphen, or is a resolution number; and the drafts' lists shrink to what changes."""
    corpus = corpus_or_skip()
    pointer = re.compile(r"\b(?:[Aa]rticles?|[Pp]aragraphs?|[Ss]ections?|[Rr]ules?|[Gg]oals?|[Cc]hapters?)"
                         rf"[ {NBSP}]$")
    facts = numbers = 0
    for path in sorted(corpus.glob("*/*.xml"))[::25]:
        resolution = read_resolution(path)
        for _, paragraph in resolution.all_paragraphs():
            text = paragraph.text
            numbers += len(re.findall(r"\b\d+\b", text))
            for slot in find_slots(text, resolution.session, resolution.body):
                if slot.kind != "fact":
                    continue
                facts += 1
                before, after = text[max(0, slot.start - 12):slot.start], text[slot.end:slot.end + 8]
                assert not pointer.search(before), (path.name, before, slot.value)
                assert not before.endswith(("-", NBH)), (path.name, before, slot.value)
                assert not re.match(rf"[ {NBSP}]\((?:S-)?[IVXL]+\)", after), (path.name, slot.value, after)
    assert numbers > 5000 and facts < numbers / 3, (facts, numbers)
