"""A draft under construction, and what drafter works out by itself before asking anything.

The mechanical edits of a re-tabled resolution (DOMAIN.md, "What changes when a resolution is
tabled again"), each a small function over one clause's values:

- sessions keep their distance to the adopting session: templates store `session + offset`, so
  filling them with the new session moves every reference by itself;
- the base joins the list of its own series that it recalls: the citation list that is followed by
  "on <the series title>", or that already holds another resolution of the series;
- a symbol of a document of the base's own session or year (the report "A/58/98" cited in 58/208)
  cannot be known for the new one: it becomes a placeholder to fill;
- facts (counts, percentages) are kept but listed to confirm;
- the heading gets the new session, a draft symbol to fill and the agenda item; no meeting or date.

No I/O here: the prompts and the answers file drive a Draft through its methods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from drafter.assemble.base import Base, BaseClause
from drafter.library.model import Library, Variant
from drafter.library.templates import Placeholder, text_after
from drafter.ordinals import session_heading

_COMMITTEE = re.compile(r"\b(First|Second|Third|Fourth|Fifth|Sixth) Committee\b")
_COMMITTEE_NUMBERS = {"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5, "Sixth": 6}


@dataclass
class DraftClause:
    kind: str
    family_id: str
    family_version: int | None        # None for a clause new to the library
    variant: Variant
    values: dict[str, Any]
    kinds: dict[str, str]
    added: bool = False               # added by the drafter, not in the base

    @property
    def new_to_library(self) -> bool:
        return self.family_version is None


@dataclass
class Heading:
    session: int
    organ: str
    symbol: str
    agenda_item: str
    sponsor: str | None = None

    @property
    def session_title(self) -> str:
        return session_heading(self.session)


@dataclass
class Draft:
    base: Base
    session: int
    heading: Heading
    clauses: list[DraftClause] = field(default_factory=list)

    def to_fill(self) -> list[str]:
        """Every value still unknown, as "where: what" lines."""
        out = []
        if "…" in self.heading.symbol:
            out.append(f"heading: draft symbol ({self.heading.symbol})")
        if "…" in self.heading.agenda_item:
            out.append("heading: agenda item")
        for position, clause in enumerate(self.clauses, start=1):
            for name, value in clause.values.items():
                if isinstance(value, Placeholder):
                    out.append(f"clause {position} ({clause.family_id}): {name}")
        return out

    def to_confirm(self) -> list[str]:
        return [f"clause {position} ({clause.family_id}): {name} = {value}"
                for position, clause in enumerate(self.clauses, start=1)
                for name, value in clause.values.items() if clause.kinds.get(name) == "fact"]


def start(library: Library, base: Base, session: int) -> Draft:
    """The draft as drafter makes it before asking anything."""
    heading = Heading(session=session, organ=organ_of(base.body), symbol=draft_symbol(base, session),
                      agenda_item="Agenda item …")
    clauses = [carry(library, base, clause) for clause in base.clauses]
    return Draft(base=base, session=session, heading=heading, clauses=clauses)


def organ_of(body: str) -> str:
    return "General Assembly" if body == "General Assembly" else body


def draft_symbol(base: Base, session: int) -> str:
    """A/C.2/60/L.… for a Second Committee item, A/60/L.… in plenary; other bodies' symbols are
    their own business, so they get a placeholder the drafter fills."""
    if base.body != "General Assembly":
        return "…/L.…"
    origin = base.masthead.origin if base.masthead and base.masthead.origin else ""
    committee = _COMMITTEE.search(origin)
    if committee:
        return f"A/C.{_COMMITTEE_NUMBERS[committee.group(1)]}/{session}/L.…"
    return f"A/{session}/L.…"


def carry(library: Library, base: Base, clause: BaseClause) -> DraftClause:
    values = {name: _carry_value(base, clause, name, value) for name, value in clause.values.items()}
    family = clause.family
    return DraftClause(kind=clause.kind, family_id=clause.family_id,
                       family_version=family.version if family else None, variant=clause.variant,
                       values=values, kinds=dict(clause.kinds))


def _carry_value(base: Base, clause: BaseClause, name: str, value: Any) -> Any:
    kind = clause.kinds.get(name)
    if kind == "symbol" and is_of_base_session(str(value), base):
        return Placeholder.named(name)
    if kind == "citations" and recalls_own_series(clause, name, value, base):
        return with_base_added(value, base)
    return value


def is_of_base_session(symbol: str, base: Base) -> bool:
    """A/58/98 in 58/208 names a document of the 58th session; E/CN.9/2006/2 one of 2006."""
    marks = {str(base.session)} if base.session else set()
    if base.adopted:
        marks.add(base.adopted[:4])
    return any(part in marks for part in re.split(r"[/.]", symbol))


def recalls_own_series(clause: BaseClause, name: str, items: list[dict], base: Base) -> bool:
    """Is this the list of the base's own series? It names the series after it ("... on
    international migration and development"), or it holds the base's predecessors."""
    if any(item.get("number") in base.series for item in items):
        return True
    if not base.title:
        return False
    after = text_after(clause.variant.template, name).strip().lower()
    return after.startswith(f"on {base.title.lower()}")


def with_base_added(items: list[dict], base: Base) -> list[dict]:
    if any(item.get("number") == base.number for item in items):
        return items
    return [*items, {"number": base.number, "date": base.adopted}]


def replace_variant(clause: DraftClause, variant: Variant, kinds: dict[str, str],
                    fallback: dict[str, Any]) -> DraftClause:
    """Switch wording, keeping every value the new wording also uses; the others come from
    `fallback` (the variant's own latest source, already carried to the new session)."""
    values = {name: clause.values[name] if name in clause.values else fallback.get(name)
              for name in variant.parameters}
    return replace(clause, variant=variant, values=values, kinds=kinds)
