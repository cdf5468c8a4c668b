"""Years of the session keep their distance, like sessions do.

"the report of the Special Committee ... for 2020", "the scale of assessments for 2021", "at its
2021 session": a year that stands for the session's own year moves with the session, as "at its
seventy-sixth session" does. Most years do not ("by 2030", "the 2030 Agenda", "in 2019", dates),
so which do is learned from what the next session really did (drafter/data/years.json,
tools/build_years.py): per the word before the year and its distance to the base's year, a context
is kept when the next text moved such years at least 95% of the time. Only numbers the library
made values of ("fact" parameters) are moved, so the draft lists each one to confirm.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.assemble.edits import Edit, place_of
from drafter.assemble.edits.learned import Learned

KIND = "year"
WHY = "a year of the session keeps its distance to the session"
LEARNED = Learned("years.json")
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD_BEFORE = re.compile(r"([\w’'-]+)\W*$")


def context(before: str, year: int, base_year: int) -> str | None:
    """"for|0": the year after "for", in the base's own year; None for a year before the base's."""
    distance = year - base_year
    word = _WORD_BEFORE.search(before)
    if distance < 0 or word is None:
        return None
    return f"{word.group(1).lower()}|{min(distance, 3)}"


def moves(key: str | None, session: int) -> bool:
    return key is not None and key in set(LEARNED.as_of(session).get("contexts", ()))


def carry(base, clause, values: dict[str, Any], session: int | None = None) -> dict[str, Any]:
    if session is None or base.session is None or not base.adopted:
        return values
    base_year, gap = int(base.adopted[:4]), session - base.session
    out = dict(values)
    for name, value in values.items():
        if clause.kinds.get(name) != "fact" or not _YEAR.fullmatch(str(value)):
            continue
        if moves(context(literal_before(clause.variant, name), int(value), base_year), session):
            out[name] = str(int(value) + gap)
    return out


def literal_before(variant, name: str) -> str:
    """The words of a template that stand before parameter `name` (up to the expression before)."""
    for template in _templates(variant):
        match = re.search(r"\{\{ " + re.escape(name) + r" \}\}", template)
        if match:
            head = template[:match.start()]
            return head[head.rfind("}}") + 2:] if "}}" in head else head
    return ""


def _templates(variant):
    yield variant.template
    stack = list(variant.subparagraphs)
    while stack:
        sub = stack.pop(0)
        yield sub.template
        stack[:0] = list(sub.subparagraphs)


def listed(index: int, name: str, before, after, clause) -> Edit:
    return Edit(KIND, index, str(before), str(after), WHY, place_of(clause.variant, name))
