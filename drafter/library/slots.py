"""Find the changing parts of a clause: its parameters, each with a type and a value.

A clause re-tabled year after year keeps its wording and changes a few things: the session it speaks
of, the report it cites, the list of resolutions it recalls, a date, a count. `find_slots` marks those
spans in one paragraph text. Kinds:

    session    a reference to the body's own regular session; value = distance to the adopting
               session (58/208's "at its fifty-ninth session" is +1). Past sessions (distance < 0)
               are events already held and stay as text: they never move with a new session.
    citations  a list of resolutions or decisions with their dates ("49/127 of 19 December 1994,
               50/123 of 20 December 1995 and 52/189 of 18 December 1997"); value = [{number, date}],
               and an item's "spacing" where its date is not spaced the UN's way
    symbol     a UN document symbol ("A/58/98", "A/54/587/Add.5")
    date       a full date ("23 June 2003"), value in ISO form; its spacing is the slot's style
    meeting    a meeting ("78th plenary meeting"); value = its number
    fact       a figure that changes from one session's text to the next ("41 per cent", "25,472,300
               dollars", "forty-seven respondents"): a value the drafter must confirm, kept as
               written. Fixed wording is no fact: a number that points into a text (article 32,
               paragraphs 64 and 65, Goal 14), one that is part of a name (COVID-19) or of an
               old-style citation (3281 (XXIX)), the days of a date range ("from 2 to 4 May
               2019"), a count in words that names a known set ("all six official languages",
               "its three pillars"). A year is a fact at every session: those of the session's
               own year move with it (assemble/edits/years.py). tests/test_facts.py measures why.

A slot is kept only if rendering its value gives back exactly the text it came from
(`templates.renders_back`), so every source paragraph can be re-rendered byte for byte: a value
keeps its source's characters (the no-break space of "72/262\u00a0C", the spacing of a date).
"""

from __future__ import annotations

import re
from typing import Any

from drafter.library.patterns import (  # noqa: F401 (re-exported)
    CITATION_ITEM,
    CITATIONS,
    DATE,
    HYPHEN,
    MONTH,
    NUMBER_IN_TEXT,
    RESOLUTION_NUMBER,
    SPACE,
    SYMBOL,
)
from drafter.library.templates import UN_SPACING, spacing_of
from drafter.ordinals import ORDINAL_PATTERN, ordinal_value
from drafter.records import dataclass

_CITATIONS = re.compile(CITATIONS)
_CITATION_ITEM = re.compile(CITATION_ITEM)
_SYMBOL = re.compile(rf"(?<![\w/.\-]){SYMBOL}")
_DATE = re.compile(DATE)
_MEETING = re.compile(rf"\b(?P<number>\d{{1,4}})(?:st|nd|rd|th){SPACE}(?:plenary{SPACE})?meeting\b")
_SESSIONS = re.compile(
    rf"(?P<ords>(?:{ORDINAL_PATTERN})(?:(?:,| and| or| instead of its| to its) (?:{ORDINAL_PATTERN}))*)"
    rf"(?P<special> special)?{SPACE}sessions?(?P<of> of the (?:[A-Z][\w-]*(?: (?:[A-Z][\w-]*|on|of|and|for))*))?",
    re.IGNORECASE)
_ORDINAL = re.compile(ORDINAL_PATTERN, re.IGNORECASE)
_CARDINAL_WORDS = ("two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                   "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety")
_FACT = re.compile(
    rf"\b(?:\d[\d,.]*(?:{SPACE}per cent)?|(?:{_CARDINAL_WORDS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)\b"
    rf"(?!\s[A-Z])")
# Each kind's pattern asks for a word or character no other text holds (a meeting "meeting", a
# symbol "/", a date its month, a fact a digit or a number in words...): a paragraph without it,
# most paragraphs, is passed over by a quick look for that alone. (A pattern that starts with \b,
# as most do, is tried at every character of the paragraph: 10-30 µs a pattern.)
_MONTH = re.compile(MONTH)
_DIGIT = re.compile(r"\d")
_CARDINAL = re.compile(_CARDINAL_WORDS)
# What makes a number fixed wording rather than a figure (see the module's docstring): the words
# that point into a text, before it or before the list it ends ("paragraphs 10, 12 and 30"); an
# old-style citation's session or a Council resolution's year after it; a day that a date ends.
_POINTERS = ("article|paragraph|subparagraph|section|chapter|rule|regulation|goal|target|annex|principle|"
             "recommendation|resolution|decision|part|item|volume|no\\.|agenda|table|figure|page|line")
_POINTED = re.compile(rf"\b(?i:{_POINTERS})(?:e?s)?{SPACE}(?:(?:\d[\w.]*|[IVXLC]+)(?:{SPACE}?\([\w.]+\))*"
                      rf"(?:,{SPACE}|{SPACE}(?:and|to|or){SPACE}|–|-))*$")
_CITED = re.compile(rf"{SPACE}\((?:S-)?[IVXL]+\)|{SPACE}\((?:19|20)\d\d\)")
_DAY_OF_RANGE = re.compile(rf"(?:{SPACE}(?:to|and){SPACE}|–|-)\d{{1,2}}{SPACE}{MONTH}")
_DEFINITE = re.compile(rf"\b(?:[Tt]he|all|its|their){SPACE}$")     # "all six official languages"
# Organ names that can own a session, for telling "its" apart: the nearest one before the reference.
_ORGANS = re.compile(r"\b(General Assembly|Assembly|Security Council|Economic and Social Council|Council|"
                     r"Commission|Committee|Conference|Board|Forum)\b")


@dataclass(frozen=True)
class Slot:
    kind: str
    start: int
    end: int
    value: Any
    style: str = ""          # how the value is written, where a kind has several ways (e.g. "Ordinal")


def find_slots(text: str, session: int | None, body: str, facts: bool = True) -> list[Slot]:
    """All slots in `text`, left to right, never overlapping. Footnotes are read with facts=False:
    their numbers are sales numbers, volumes and paragraphs of the document they cite."""
    slots: list[Slot] = []
    taken: list[tuple[int, int]] = []

    def add(found: list[Slot]) -> None:
        for slot in found:
            if not any(slot.start < end and start < slot.end for start, end in taken):
                slots.append(slot)
                taken.append((slot.start, slot.end))

    add(_citations(text))
    add(_symbols(text))
    add(_dates(text))
    add(_meetings(text))
    if session is not None:
        add(_sessions(text, session, body))
    if facts:
        add(_facts(text, taken))
    return sorted(slots, key=lambda s: s.start)


def _citations(text: str) -> list[Slot]:
    from drafter.ingest.dates import parse_date

    if "resolution" not in text and "decision" not in text:
        return []
    out = []
    for match in _CITATIONS.finditer(text):
        items = [_citation(m["number"], m["date"], parse_date) for m in _CITATION_ITEM.finditer(match["list"])]
        if all(items):
            out.append(Slot("citations", match.start("list"), match.end("list"), items))
    return out


def _citation(number: str, date: str | None, parse_date) -> dict[str, Any] | None:
    """One item of a list, its date's spacing kept where it is not the UN's; None for a date
    spaced in a way no spacing names (the list then stays text)."""
    item = {"number": number, "date": parse_date(date) if date else None}
    spacing = spacing_of(date) if date else UN_SPACING
    if spacing is None:
        return None
    if spacing != UN_SPACING:
        item["spacing"] = spacing
    return item


def _symbols(text: str) -> list[Slot]:
    if "/" not in text:
        return []
    out = []
    for match in _SYMBOL.finditer(text):
        value = match.group().rstrip(".")
        if any(ch.isdigit() for ch in value):
            out.append(Slot("symbol", match.start(), match.start() + len(value), value))
    return out


def _dates(text: str) -> list[Slot]:
    from drafter.ingest.dates import parse_date

    if not _MONTH.search(text):
        return []
    return [Slot("date", m.start(), m.end(), parse_date(m.group()), spacing)
            for m in _DATE.finditer(text) if (spacing := spacing_of(m.group())) is not None]


def _meetings(text: str) -> list[Slot]:
    if "meeting" not in text:
        return []
    return [Slot("meeting", m.start("number"), m.end("number"), int(m["number"]))
            for m in _MEETING.finditer(text)]


def _sessions(text: str, session: int, body: str) -> list[Slot]:
    if "session" not in text.lower():
        return []                      # the ordinal pattern is long; most paragraphs need not run it
    out = []
    for match in _SESSIONS.finditer(text):
        if match["special"] or not _own_session(text, match, body):
            continue
        for ordinal in _ORDINAL.finditer(match["ords"]):
            value = ordinal_value(ordinal.group())
            if value is None or value < session:
                continue     # an event already held: it stays as written
            start = match.start("ords") + ordinal.start()
            style = "Ordinal" if ordinal.group()[0].isupper() else "ordinal"
            out.append(Slot("session", start, start + len(ordinal.group()), value - session, style))
    return out


def _own_session(text: str, match: re.Match[str], body: str) -> bool:
    """Is this the adopting body's own session? "of the General Assembly" says so outright; "its"
    refers to the organ named last before it ("the Commission ... at its thirty-ninth session")."""
    if match["of"]:
        return _is_own(match["of"].removeprefix(" of the "), body)
    before = text[max(0, match.start() - 200):match.start()]
    organs = _ORGANS.findall(before)
    return not organs or _is_own(organs[-1], body)


def _is_own(organ: str, body: str) -> bool:
    organ = organ.strip()
    if organ in body or body.endswith(organ):
        return True
    # "the Assembly" is the General Assembly's short name for itself.
    return organ == "Assembly" and body == "General Assembly"


def _facts(text: str, taken: list[tuple[int, int]]) -> list[Slot]:
    if not _DIGIT.search(text) and not _CARDINAL.search(text):
        return []
    out = []
    for match in _FACT.finditer(text):
        if any(match.start() < end and start < match.end() for start, end in taken):
            continue
        if _inside_word_or_symbol(text, match.start(), match.end()) or _fixed(text, match):
            continue
        out.append(Slot("fact", match.start(), match.end(), match.group()))
    return out


def _fixed(text: str, match: re.Match[str]) -> bool:
    """Is this number fixed wording, not a figure that changes with the session?"""
    if not match.group()[0].isdigit():
        return bool(_DEFINITE.search(text, max(0, match.start() - 8), match.start()))
    return bool(_POINTED.search(text, max(0, match.start() - 120), match.start())
                or _CITED.match(text, match.end()) or _DAY_OF_RANGE.match(text, match.end()))


def _inside_word_or_symbol(text: str, start: int, end: int) -> bool:
    before = text[start - 1:start]
    after = text[end:end + 1]
    if before == "(" and text[start - 2:start - 1].isalnum():
        return True                    # a session in a symbol: resolution A.1090(28), GC(64)/RES/15
    return bool(before and (before.isalnum() or before in "/.-\u2011")) or \
        bool(after and (after.isalnum() or after in "/-\u2011"))
