"""The report the base cited for its own session becomes the one to cite for the new session.

A document symbol of the base's own session or year ("A/58/98" in 58/208, "E/CN.9/2006/2" in
2006/2) cannot be known for the new one: it becomes a placeholder, in the text and the footnotes.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.library.templates import Placeholder

KIND = "report"
WHY = "a report of the base's session: the new session's symbol is not known yet"


def carry(base, clause, values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for name, value in values.items():
        if clause.kinds.get(name) == "symbol" and is_of_base_session(str(value), base):
            out[name] = Placeholder.named(name)
    return out


def is_of_base_session(symbol: str, base) -> bool:
    """A/58/98 in 58/208 names a document of the 58th session; E/CN.9/2006/2 one of 2006."""
    marks = {str(base.session)} if base.session else set()
    if base.adopted:
        marks.add(base.adopted[:4])
    return any(part in marks for part in re.split(r"[/.]", symbol))


def listed(index: int, name: str, before, after, clause):
    from drafter.assemble.edits import Edit, place_of

    return Edit(KIND, index, str(before), str(after), WHY, place_of(clause.variant, name))
