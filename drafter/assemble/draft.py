"""A draft under construction, and what drafter works out by itself before asking anything.

A draft is the base's clauses, in document order, each carried to the new session, plus what the
base holds beyond its clauses (title, parts, sections and their headings, annexes), which
`compose` takes from `Draft.base.resolution` and rebuilds around the clauses.

The mechanical edits of a re-tabled resolution (DOMAIN.md, "What changes when a resolution is
tabled again") are listed in `drafter.assemble.edits`, each with its kind; a kind in
`Draft.refused` is not made (`--no-edit KIND`, or refused at the prompt). Two of them change a
clause's values here, when the clause is carried:

- "report": the report the base asked for becomes the new session's (`edits.report`);
- "year": years and dates of the session keep their distance (`edits.years`).

The others are made on the words when the draft is composed (`compose`): sessions keep their
distance to the adopting session, the base joins the recall of its series, the UN's current
terminology, cross-references renumbered, lead adverbs in sequence. Facts (counts, percentages) are kept but listed to confirm; the heading gets
the new session, a draft symbol to fill and the agenda item; no meeting or date.

No I/O here: the prompts and the answers file drive a Draft through its methods.
"""

from __future__ import annotations

import re
from dataclasses import field, replace
from typing import Any

from drafter.assemble.base import Base, BaseClause, Where
from drafter.assemble.edits import report, years
from drafter.library.model import Library, Variant
from drafter.library.templates import Placeholder
from drafter.ordinals import session_heading
from drafter.records import dataclass

_COMMITTEE = re.compile(r"\b(First|Second|Third|Fourth|Fifth|Sixth) Committee\b")
_COMMITTEE_NUMBERS = {"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5, "Sixth": 6}


@dataclass
class DraftClause:
    """A clause of the draft: the library's wording (family, variant) and the values it is filled with."""

    kind: str
    family_id: str
    family_version: int | None        # None for a clause new to the library
    variant: Variant
    values: dict[str, Any]
    kinds: dict[str, str]
    added: bool = False               # added by the drafter, not in the base
    where: Where | None = None        # None: it stands wherever it lands (after the clause before it)
    base_index: int | None = None     # its position in `Base.clauses`, for a clause carried from the base

    @property
    def new_to_library(self) -> bool:
        return self.family_version is None


@dataclass
class Heading:
    """The masthead of a draft: what the drafter gives (symbol, agenda item, sponsor)."""

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
    """Next session's draft, clause by clause, as the drafter has answered so far."""

    base: Base
    session: int
    heading: Heading
    clauses: list[DraftClause] = field(default_factory=list)
    annexes: list[int] | None = None          # indexes of the base's annexes kept; None: all of them
    refused: frozenset[str] = frozenset()     # kinds of automatic edit not to make

    def to_fill(self) -> list[str]:
        """Every value still unknown, as "where: what" lines."""
        out = []
        if "…" in self.heading.symbol:
            out.append(f"heading: draft symbol ({self.heading.symbol})")
        # The masthead prints a placeholder for each (render/phrases.py): the date is the one
        # the Secretariat issues the draft under, so drafter never knows it.
        out.append("heading: date of issue")
        if "…" in self.heading.agenda_item:
            out.append("heading: agenda item")
        if not self.heading.sponsor:
            out.append("heading: sponsor line")
        for position, clause in enumerate(self.clauses, start=1):
            for name, value in clause.values.items():
                if isinstance(value, Placeholder):
                    out.append(f"clause {position} ({clause.family_id}): {name}")
        return out

    def to_confirm(self) -> list[str]:
        return [f"clause {position} ({clause.family_id}): {name} = {value}"
                for position, clause in enumerate(self.clauses, start=1)
                for name, value in clause.values.items() if clause.kinds.get(name) == "fact"]

    def carried_from(self, clause: DraftClause):
        """The base clause `clause` was carried from (a `BaseClause`), or None."""
        if clause.base_index is None or not 0 <= clause.base_index < len(self.base.clauses):
            return None
        return self.base.clauses[clause.base_index]

    def kept_annexes(self) -> list[int]:
        resolution = self.base.resolution
        count = len(resolution.annexes) if resolution else 0
        return list(range(count)) if self.annexes is None else [i for i in self.annexes if 0 <= i < count]


def start(library: Library, base: Base, session: int, refused: frozenset[str] = frozenset()) -> Draft:
    """The draft as drafter makes it before asking anything."""
    heading = Heading(session=session, organ=organ_of(base.body), symbol=draft_symbol(base, session),
                      agenda_item="Agenda item …")
    clauses = [replace(carry(library, base, clause, refused, session), where=clause.where, base_index=index)
               for index, clause in enumerate(base.clauses)]
    return Draft(base=base, session=session, heading=heading, clauses=clauses, refused=frozenset(refused))


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


def carry(library: Library, base: Base, clause: BaseClause, refused: frozenset[str] = frozenset(),
          session: int | None = None) -> DraftClause:
    """A clause of the base (or one taken from the library) with its values carried to the new
    session: the value edits not refused are made."""
    family = clause.family
    return DraftClause(kind=clause.kind, family_id=clause.family_id,
                       family_version=family.version if family else None, variant=clause.variant,
                       values=carried_values(base, clause, refused, session), kinds=dict(clause.kinds))


VALUE_EDITS = (report, years)


def carried_values(base: Base, clause: BaseClause, refused: frozenset[str] = frozenset(),
                   session: int | None = None) -> dict[str, Any]:
    values = dict(clause.values)
    for edit in VALUE_EDITS:
        if edit.KIND not in refused:
            values = edit.carry(base, clause, values, session)
    return values


def replace_variant(clause: DraftClause, variant: Variant, kinds: dict[str, str],
                    fallback: dict[str, Any]) -> DraftClause:
    """Switch wording, keeping every value the new wording also uses; the others come from
    `fallback` (the variant's own latest source, already carried to the new session)."""
    values = {name: clause.values[name] if name in clause.values else fallback.get(name)
              for name in variant.parameters}
    return replace(clause, variant=variant, values=values, kinds=kinds)


def refuse(draft: Draft, kind: str) -> Draft:
    """The draft without the automatic edits of `kind`: a value edit made on a carried clause is
    undone (unless someone changed the value since), and compose makes no edit of that kind."""
    refused = draft.refused | {kind}
    clauses = []
    for clause in draft.clauses:
        if clause.base_index is not None and clause.base_index < len(draft.base.clauses):
            original = draft.base.clauses[clause.base_index]
            made = carried_values(draft.base, original, draft.refused, draft.session)
            wanted = carried_values(draft.base, original, refused, draft.session)
            values = {name: wanted.get(name, value) if made.get(name) == value else value
                      for name, value in clause.values.items()}
            clause = replace(clause, values=values)
        clauses.append(clause)
    return replace(draft, clauses=clauses, refused=refused)
