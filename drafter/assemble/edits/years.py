"""Years of the session keep their distance, like sessions do.

"the report of the Special Committee ... for 2020", "the scale of assessments for 2021", "at its
2021 session": a year that stands for the session's own year moves with the session, as "at its
seventy-sixth session" does. So does the year of a date that the session's business dates, ahead
or just behind: a budget "for the period from 1 July 2023 to 30 June 2024", the performance report
"for the financial period ended 30 June 2022". Most years do not ("by 2030", "the 2030 Agenda",
"in 2019", the date a resolution was adopted), so which do is learned from what the next session
really did (drafter/data/years.json, tools/build_years.py): per the word before the year (for a
date: "date:" and the word before it) and its distance to the base's year, a context is kept when
the next text moved such years at least 95% of the time. Only values the library made ("fact"
years, dates) are moved; each move is listed among the draft's edits, and a moved date among the
facts to confirm, as a year is.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from drafter.assemble.edits import Edit, place_of
from drafter.assemble.edits.learned import Learned
from drafter.library.templates import un_date

KIND = "year"
WHY = "a year of the session keeps its distance to the session"
LEARNED = Learned("years.json")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ISO_DATE = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")      # a date as the library holds it
_WORD_BEFORE = re.compile(r"([\w’'-]+)\W*$")
# Years or dates in a run before the year: "2022, 2023 and ", "2023-07-01 to " (a word of letters
# only between two, never a number or a symbol).
_JOINED = re.compile(r"(?<![\w/.–-])(?:(?:19|20)\d\d(?:-\d\d-\d\d)?(?:,\s*|\s+[^\W\d_]+\s+))+$")


def context(before: str, year: int, base_year: int, date: bool = False) -> str | None:
    """"for|0": the year after "for", in the base's own year; "date:from|-1" the year of a date
    after "from", the year before the base's (distances beyond 3 count as 3).

    A year joined to a year (or a date to a date) before it by one word or a comma ("for 2023 and
    2024", "pour 2023 et 2024", "from 2023-07-01 to 2024-06-30", dates as the library holds them) is
    part of a run that moves or stays as one: its context is that of the run's first year."""
    joined = _JOINED.search(before)
    if joined:
        year = int(before[joined.start():joined.start() + 4])
        before = before[:joined.start()]
    word = _WORD_BEFORE.search(before)
    if word is None:
        return None
    distance = max(-3, min(year - base_year, 3))
    return f"{'date:' if date else ''}{word.group(1).lower()}|{distance}"


def moves(key: str | None, session: int) -> bool:
    return key is not None and key in set(LEARNED.as_of(session).get("contexts", ()))


def carry(base, clause, values: dict[str, Any], session: int | None = None) -> dict[str, Any]:
    moved = _moved(base, session, clause.kinds, values, lambda name: text_before(clause.variant, name, values))
    return {**values, **moved}


def in_heading(text: str, base, session: int | None) -> str:
    """A heading with its years and dates of the session moved as a clause's are: "Budget
    estimates for the period from 1 July 2023 to 30 June 2024" heads the paragraphs that now
    appropriate for 2024-2025. The heading's values are found as mining finds a clause's."""
    # Imported here: its patterns cost start-up, and most drafts have no year in a heading.
    from drafter.library.slots import find_slots

    if not _YEAR.search(text):
        return text
    slots = [slot for slot in find_slots(text, None, base.body) if slot.kind in ("date", "fact")]
    values = {f"v{i}": slot.value for i, slot in enumerate(slots)}
    # The heading as a template of its values, read as a clause's is.
    template, at = "", 0
    for name, slot in zip(values, slots):
        template, at = template + text[at:slot.start] + "{{ " + name + " }}", slot.end
    kinds = {name: slot.kind for name, slot in zip(values, slots)}
    moved = _moved(base, session, kinds, values, lambda name: _head(template, name, values))
    for name, slot in reversed(list(zip(values, slots))):      # from the end: offsets hold
        if name in moved:
            words = un_date(moved[name], slot.style) if slot.kind == "date" else moved[name]
            text = text[:slot.start] + words + text[slot.end:]
    return text


def _moved(base, session: int | None, kinds: dict[str, str], values: dict[str, Any], before) -> dict[str, str]:
    """The values that move, moved: years that are facts, and dates (`before(name)`: the text
    before a value, each value before it as the base has it); none without the sessions and the
    base's adoption to measure by."""
    if session is None or base.session is None or not base.adopted:
        return {}
    base_year, gap = int(base.adopted[:4]), session - base.session
    out = {}
    for name, value in values.items():
        kind, text = kinds.get(name), str(value)
        if kind == "fact" and _YEAR.fullmatch(text):
            year, moved = int(text), str(int(text) + gap)
        elif kind == "date" and _ISO_DATE.fullmatch(text):
            year, moved = int(text[:4]), _date_moved(text, gap)
        else:
            continue
        if moved is not None and moves(context(before(name), year, base_year, date=kind == "date"), session):
            out[name] = moved
    return out


def _date_moved(iso: str, gap: int) -> str | None:
    """The date `gap` years on; None for a 29 February that the later year does not have."""
    try:
        return datetime.date.fromisoformat(iso).replace(year=int(iso[:4]) + gap).isoformat()
    except ValueError:
        return None


def text_before(variant, name: str, values: dict[str, Any]) -> str:
    """The words of a template before parameter `name`, each plain value before it as the base has
    it ("for {{ fact_3 }} and " reads "for 2023 and "), anything else (a date, a citation list,
    a note) as a mark that no word or year runs across."""
    for template in _templates(variant):
        head = _head(template, name, values)
        if head is not None:
            return head
    return ""


def _head(template: str, name: str, values: dict[str, Any]) -> str | None:
    """`text_before` in one template; None when `name` is not in it."""
    match = re.search(r"\{\{ " + re.escape(name) + r"(?: \|[^}]*)? \}\}", template)
    if match is None:
        return None
    return _EXPRESSION.sub(lambda m: _plain(values, m.group(1)), template[:match.start()])


def _plain(values: dict[str, Any], expression: str) -> str:
    value = values.get(expression.partition("|")[0].strip())      # "date | un_date": the date
    return str(value) if isinstance(value, (str, int)) else "\u00b7"


_EXPRESSION = re.compile(r"\{\{(.*?)\}\}")


def _templates(variant):
    yield variant.template
    stack = list(variant.subparagraphs)
    while stack:
        sub = stack.pop(0)
        yield sub.template
        stack[:0] = list(sub.subparagraphs)


def listed(index: int, name: str, before, after, clause) -> Edit:
    if clause.kinds.get(name) == "date":                  # as a person reads it, not in ISO form
        before, after = un_date(before, "plain"), un_date(after, "plain")
    return Edit(KIND, index, str(before), str(after), WHY, place_of(clause.variant, name))


def listed_heading(before: str, after: str) -> Edit:
    return Edit(KIND, None, before, after, WHY, "section heading")
