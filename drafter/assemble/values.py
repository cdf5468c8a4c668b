"""The kinds of value a draft holds, as a delegate writes them: read, check, show, example.

One table for every place a value comes in or goes out, so a refusal reads the same at the
terminal, in `--data` and in an answers file: the reason in words with an example of a good value
("not a UN document symbol (e.g. A/60/325)"), never a regular expression.

Each kind keeps its value in the form the library stores (the answers file's form): a session as
its distance to the draft's session (+1 is "the next session"), a date in ISO form, a list of
citations as [{number, date}]. A person never sees that form: a session is asked and shown as the
session itself ("61"), a date as "27 July 1995", citations as "49/127 of 19 December 1994 and ...".

Words that are English (month names, "Agenda item", "resolution") stay in the patterns and tables
below, not in the logic.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from drafter.languages import MONTHS
from drafter.library.patterns import RESOLUTION_NUMBER, SYMBOL
from drafter.library.templates import SPACINGS, Placeholder, citations, un_date
from drafter.ordinals import ordinal_value
from drafter.records import dataclass

SESSIONS_AHEAD = 10          # the family schemas' limit: a draft speaks of at most ten sessions ahead
_MONTHS = MONTHS["en"]
_DAY_MONTH_YEAR = re.compile(r"^(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]+)\.?\s+(?P<year>\d{4})$")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_NUMBER = re.compile(rf"^{RESOLUTION_NUMBER}$")
_SYMBOL = re.compile(rf"^{SYMBOL}$")
_CITATION_WORDS = re.compile(r"^(?:its |General Assembly |Assembly )?(?:resolutions?|decisions?)\s+", re.IGNORECASE)
_CITATION_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_AGENDA = re.compile(r"^(?:agenda\s+items?\s+)?(?P<items>\d{1,3}(?:\s*\([a-z]{1,3}\))?"
                     r"(?:(?:,\s*|\s+and\s+)\d{1,3}(?:\s*\([a-z]{1,3}\))?)*)$", re.IGNORECASE)
_DRAFT_SERIES = ("A/", "E/")       # their drafts carry an "L." part: A/C.2/60/L.12, E/CN.9/2006/L.5


class Refused(ValueError):
    """A value that is not of its kind; the message is the reason, for a person."""


@dataclass(frozen=True)
class Context:
    """What reading and showing a value depends on: the session the draft is for."""

    session: int


@dataclass(frozen=True)
class Kind:
    """One kind of value a clause holds (a date, a symbol): how it is typed, checked, shown and asked for."""

    name: str
    parse: Callable[[str, Context], Any]          # typed text -> stored value, or Refused
    check: Callable[[Any, Context], str | None]   # stored value -> None, or the reason
    show: Callable[[Any, Context], str]           # stored value -> as a delegate writes it
    example: Callable[[Context], str]             # a good value, as typed
    question: str                                 # what the prompt asks for
    called: str                                   # what it is, in a sentence: "changed the date in ..."


def _refuse(reason: str) -> None:
    raise Refused(reason)


# --- sessions: stored as a distance to the draft's session ---------------------------------------

def _parse_session(raw: str, context: Context) -> int:
    text = raw.strip().lower()
    number = int(text) if text.isdigit() else ordinal_value(text) if text else None
    if number is None:
        match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", text)
        number = int(match.group(1)) if match else None
    if number is None:
        _refuse(f"not a session (e.g. {context.session + 1})")
    offset = number - context.session
    reason = _check_session(offset, context)
    if reason:
        _refuse(reason)
    return offset


def _check_session(offset: Any, context: Context) -> str | None:
    if not isinstance(offset, int) or isinstance(offset, bool):
        return f"not a session (e.g. {context.session + 1})"
    first, last = context.session, context.session + SESSIONS_AHEAD
    between = f"give one from {first} to {last} (e.g. {first + 1})"
    if offset < 0:
        return f"session {first + offset} is before this draft's session, {first}: {between}"
    if offset > SESSIONS_AHEAD:
        return f"session {first + offset} is more than {SESSIONS_AHEAD} sessions after this draft's: {between}"
    return None


def _show_session(offset: Any, context: Context) -> str:
    return str(context.session + int(offset))


# --- dates ----------------------------------------------------------------------------------------

def read_date(raw: str) -> str:
    """"27 July 1995" or "1995-07-27" -> "1995-07-27"; an impossible date is refused by name."""
    text = " ".join(raw.split())
    match = _DAY_MONTH_YEAR.match(text)
    if match:
        month = next((i for i, name in enumerate(_MONTHS, start=1)
                      if name.lower().startswith(match["month"].lower()) and len(match["month"]) >= 3), None)
        if month is None:
            _refuse(f"{match['month']!r} is not a month (e.g. 23 December 2003)")
        return _real_date(int(match["year"]), month, int(match["day"]))
    match = _ISO.match(text)
    if match:
        return _real_date(int(match["year"]), int(match["month"]), int(match["day"]))
    _refuse("not a date (e.g. 23 December 2003)")


def _real_date(year: int, month: int, day: int) -> str:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        pass
    if not 1 <= month <= 12:
        _refuse(f"there is no month {month} (e.g. 23 December 2003)")
    days = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    _refuse(f"{day} {_MONTHS[month - 1]} {year} is not a date: {_MONTHS[month - 1]} {year} has {days} days")


def _check_date(value: Any, context: Context) -> str | None:
    if not isinstance(value, str) or not _ISO.match(value):
        return "not a date (e.g. 23 December 2003)"
    try:
        read_date(value)
    except Refused as error:
        return str(error)
    return None


# --- citations: [{number, date}] ------------------------------------------------------------------

def _parse_citations(raw: str, context: Context) -> list[dict[str, Any]]:
    text = _CITATION_WORDS.sub("", " ".join(raw.split()))
    items = []
    for part in _CITATION_SPLIT.split(text):
        number, _, date = part.strip().partition(" of ")
        if not _NUMBER.match(number):
            _refuse(f"{number!r} is not a resolution number (e.g. 58/208 of 23 December 2003)")
        items.append({"number": number, "date": read_date(date) if date else None})
    return items


def _check_citations(value: Any, context: Context) -> str | None:
    if not isinstance(value, list) or not value:
        return "not a list of resolutions (e.g. 58/208 of 23 December 2003)"
    for item in value:
        # "spacing": how the base spaced the date, where it did not space it the UN's way
        if not isinstance(item, dict) or not {"number", "date"} <= set(item) <= {"number", "date", "spacing"}:
            return "each resolution needs a number and a date (e.g. 58/208 of 23 December 2003)"
        if not isinstance(item["number"], str) or not _NUMBER.match(item["number"]):
            return f"{item['number']!r} is not a resolution number (e.g. 58/208)"
        if item["date"] is not None and (reason := _check_date(item["date"], context)):
            return reason
        if item.get("spacing", "un") not in SPACINGS:
            return f"{item['spacing']!r} is not a spacing of a date (they are {', '.join(SPACINGS)})"
    return None


def _show_citations(value: Any, context: Context) -> str:
    return citations(value, spacing="plain")         # as a person types it; the draft spaces it the UN's way


# --- symbols, meetings, facts ---------------------------------------------------------------------

def _parse_symbol(raw: str, context: Context) -> str:
    value = raw.strip()
    if reason := _check_symbol(value, context):
        _refuse(reason)
    return value


def _check_symbol(value: Any, context: Context) -> str | None:
    if not isinstance(value, str) or not _SYMBOL.match(value) or not any(ch.isdigit() for ch in value):
        return f"not a UN document symbol (e.g. A/{context.session}/325)"
    return None


def _parse_meeting(raw: str, context: Context) -> int:
    match = re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)?(?: plenary)?(?: meeting)?", raw.strip())
    if not match or int(match.group(1)) < 1:
        _refuse("not a meeting number (e.g. 78)")
    return int(match.group(1))


def _check_meeting(value: Any, context: Context) -> str | None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        return "not a meeting number (e.g. 78)"
    return None


def _parse_fact(raw: str, context: Context) -> str:
    value = raw.strip()
    if reason := _check_fact(value, context):
        _refuse(reason)
    return value


def _check_fact(value: Any, context: Context) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "write the figure as the text should have it (e.g. 41 per cent)"
    return None


# --- the heading ----------------------------------------------------------------------------------

def _check_draft_symbol(value: Any, context: Context) -> str | None:
    example = f"A/C.2/{context.session}/L.12"
    if not isinstance(value, str) or "…" in value:
        return None if isinstance(value, str) and value.strip() else f"give the draft's symbol (e.g. {example})"
    if _check_symbol(value, context):
        return f"not a UN document symbol (e.g. {example})"
    if value.startswith(_DRAFT_SERIES) and "/L." not in value:
        return f"a draft resolution's symbol has an L. part (e.g. {example})"
    if value.startswith("A/") and str(context.session) not in value.split("/"):
        return f"not a symbol of session {context.session} (e.g. {example})"
    return None


def _parse_draft_symbol(raw: str, context: Context) -> str:
    value = raw.strip()
    if "…" in value:
        _refuse(f"write the number in place of … (e.g. A/C.2/{context.session}/L.12)")
    if reason := _check_draft_symbol(value, context):
        _refuse(reason)
    return value


def _parse_agenda_item(raw: str, context: Context) -> str:
    match = _AGENDA.match(" ".join(raw.split()))
    if not match:
        _refuse("not an agenda item (e.g. Agenda item 18 (c))")
    items = match["items"]
    plural = "s" if re.search(r",|\band\b", items) else ""
    return f"Agenda item{plural} {items}"


def _check_agenda_item(value: Any, context: Context) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return "not an agenda item (e.g. Agenda item 18 (c))"
    if "…" in value:
        return None
    try:
        _parse_agenda_item(value, context)
    except Refused as error:
        return str(error)
    return None


def _parse_sponsor(raw: str, context: Context) -> str | None:
    return " ".join(raw.split()) or None


def _same(value: Any, context: Context) -> str:
    return "" if value is None else str(value)


def _fine(value: Any, context: Context) -> None:
    return None


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("session", _parse_session, _check_session, _show_session,
         lambda c: str(c.session + 1), "the session, as a number", "the session"),
    Kind("date", lambda raw, c: read_date(raw), _check_date, lambda v, c: un_date(v, "plain"),
         lambda c: "23 December 2003", "a date", "the date"),
    Kind("citations", _parse_citations, _check_citations, _show_citations,
         lambda c: "49/127 of 19 December 1994 and 58/208 of 23 December 2003",
         "resolutions or decisions with their dates", "the resolutions or decisions with their dates"),
    Kind("symbol", _parse_symbol, _check_symbol, _same, lambda c: f"A/{c.session}/325", "a document symbol",
         "the document symbol"),
    Kind("meeting", _parse_meeting, _check_meeting, _same, lambda c: "78", "a meeting number", "the meeting number"),
    Kind("fact", _parse_fact, _check_fact, _same, lambda c: "41 per cent", "the figure, as the text has it",
         "the figure"),
    Kind("draft_symbol", _parse_draft_symbol, _check_draft_symbol, _same,
         lambda c: f"A/C.2/{c.session}/L.12", "the draft's symbol", "the draft's symbol"),
    Kind("agenda_item", _parse_agenda_item, _check_agenda_item, _same,
         lambda c: "Agenda item 18 (c)", "the agenda item", "the agenda item"),
    Kind("sponsor", _parse_sponsor, _fine, _same,
         lambda c: "Qatar (on behalf of the Group of 77 and China)", "the sponsor line", "the sponsor line"),
)}


def kind(name: str) -> Kind:
    """The kind of that name; a parameter of a kind this table lacks is treated as a fact."""
    return KINDS.get(name, KINDS["fact"])


def parse(name: str, raw: str, context: Context) -> Any:
    return kind(name).parse(raw, context)


def check(name: str, value: Any, context: Context) -> str | None:
    """None if the stored value is of its kind, else the reason. A value nobody knows yet (a
    placeholder) is always acceptable: it is listed as still to fill."""
    if isinstance(value, Placeholder):
        return None
    return kind(name).check(value, context)


def show(name: str, value: Any, context: Context) -> str:
    if isinstance(value, Placeholder):
        return "(to fill)"
    try:
        return kind(name).show(value, context)
    except (TypeError, ValueError, KeyError):
        return str(value)


def example(name: str, context: Context) -> str:
    return kind(name).example(context)
