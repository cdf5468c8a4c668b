"""The base joins the recall of its own series.

A re-tabled resolution recalls its predecessors; the next one adds the base to that list. The list
is the citation list that holds another resolution of the series (the library's siblings of the
base), or that is followed by "on <the series title>". Lists in other shapes are learned below.
"""

from __future__ import annotations

from typing import Any

from drafter.library.templates import text_after

KIND = "series"
WHY = "the base joins the recall of its own series"


def carry(base, clause, values: dict[str, Any]) -> dict[str, Any]:
    out = dict(values)
    for name, value in values.items():
        if clause.kinds.get(name) == "citations" and recalls_own_series(clause, name, value, base):
            out[name] = with_base_added(value, base)
    return out


def recalls_own_series(clause, name: str, items: list[dict], base) -> bool:
    """Is this the list of the base's own series? It names the series after it ("... on
    international migration and development"), or it holds the base's predecessors."""
    if not isinstance(items, list):
        return False
    if any(item.get("number") in base.series for item in items):
        return True
    if not base.title:
        return False
    after = text_after(clause.variant.template, name).strip().lower()
    return after.startswith(f"on {base.title.lower()}")


def with_base_added(items: list[dict], base) -> list[dict]:
    if any(item.get("number") == base.number for item in items):
        return items
    return [*items, {"number": base.number, "date": base.adopted}]


def listed(index: int, name: str, before, after, clause):
    from drafter.assemble.edits import Edit, place_of
    from drafter.library.templates import citations

    return Edit(KIND, index, citations(before), citations(after), WHY, place_of(clause.variant, name))
