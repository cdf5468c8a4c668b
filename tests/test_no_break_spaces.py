"""No-break spaces from the source to the library: the UN writes "23\u00a0December 2003" so that a date
never breaks across lines; the reader keeps it, and the slot finder reads such dates, citations and
numbers as it reads plainly spaced ones, rendering each back byte for byte (UN corpus, sessions 75-80;
source: the United Nations)."""

from __future__ import annotations

import re

import pytest
from conftest import corpus_or_skip

from drafter.ingest import read_resolution
from drafter.library import templates
from drafter.library.slots import find_slots

NBSP = "\u00a0"


def _kept(text: str, session: int = 60) -> list:
    """The slots mining keeps: those whose value renders back to exactly the text they came from."""
    return [s for s in find_slots(text, session, "General Assembly") if templates.renders_back(s, text, session)]


@pytest.mark.parametrize("text, kind, value", [
    (f"Recalling its resolution 58/208 of 23{NBSP}December 2003,", "citations",
     [{"number": "58/208", "date": "2003-12-23"}]),
    (f"Recalling its resolution{NBSP}58/208 of 23 December 2003,", "citations",
     [{"number": "58/208", "date": "2003-12-23"}]),
    (f"Recalling its resolution 72/262{NBSP}C of 5 July 2018,", "citations",
     [{"number": f"72/262{NBSP}C", "date": "2018-07-05"}]),
    (f"Welcoming the meeting held on 23{NBSP}June 2003,", "date", "2003-06-23"),
    (f"Noting its decision taken at its 78th{NBSP}plenary meeting,", "meeting", 78),
])
def test_dates_citations_and_numbers_written_with_no_break_spaces_are_slots(text, kind, value):
    [slot] = [s for s in _kept(text) if s.kind == kind]
    assert slot.value == value
    # The template renders the same characters back: the no-break space stays where it was.
    template = templates.build(text, [slot], ["value"])
    assert templates.render(template, {"value": slot.value}, 60).text == text


def test_corpus_paragraphs_give_the_slots_they_gave_with_plain_spaces():
    """On every paragraph of a sample of the corpus that holds a no-break space, the slots found are
    those found when every no-break space is a plain one (what the reader gave before it kept them),
    but where the source itself mixes the two in one list of dates ("22 December 2015, ... and
    19\u00a0December 2019"), or holds the year to its month ("12\u00a0August\u00a01949"): a value can
    render back only one way, so such a list or date stays text."""
    corpus = corpus_or_skip()
    checked = differ = 0
    for path in sorted(corpus.glob("*/*.xml"))[::20]:
        resolution = read_resolution(path)
        for _, paragraph in resolution.all_paragraphs():
            text = paragraph.text
            if NBSP not in text:
                continue
            checked += 1
            kinds = sorted(s.kind for s in _kept(text, resolution.session))
            plain = sorted(s.kind for s in _kept(text.replace(NBSP, " "), resolution.session))
            if kinds != plain:
                differ += 1
                assert _mixed_dates(text) or re.search(rf"[A-Z][a-z]+{NBSP}\d{{4}}", text), text[:120]
    assert checked > 500 and differ < checked / 50, (checked, differ)


def _mixed_dates(text: str) -> bool:
    days = re.findall(r"\d{1,2}([ \u00a0])(?:January|February|March|April|May|June|July|August|September|"
                      r"October|November|December)", text)
    return len(set(days)) > 1
