"""The base of a draft: last session's resolution, clause by clause, tied to the library.

A base named by number ("58/208") is rebuilt from the library: every source reference of every
family says where that clause stood. A base given as a file, from any series, is parsed and each of
its clauses is matched to the family whose wordings it shares most words with (the rule mining uses);
a clause no family holds is parameterized on the spot, the way mining does it, and marked new.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from drafter.ingest import read_resolution
from drafter.library import families as grouping
from drafter.library import locate
from drafter.library.clauses import Clause, clauses_of, variant_id
from drafter.library.model import Family, Library, SourceEntry, Variant
from drafter.model import Masthead


@dataclass(frozen=True)
class BaseClause:
    kind: str                     # "preambular" | "operative"
    family: Family | None         # None: new to the library
    variant: Variant
    values: dict[str, Any]
    kinds: dict[str, str]         # parameter name -> slot kind

    @property
    def family_id(self) -> str:
        return self.family.id if self.family else _new_id(self.variant)


@dataclass(frozen=True)
class Base:
    number: str
    title: str | None
    body: str
    session: int | None
    adopted: str | None           # ISO date
    masthead: Masthead | None
    clauses: tuple[BaseClause, ...]
    series: frozenset[str] = frozenset()    # numbers of the library's resolutions of the same series


def _new_id(variant: Variant) -> str:
    return f"new-{variant.id}"


def load_base(library: Library, base: str) -> Base:
    """BASE as the user gives it: a file (which wins when it exists), or a resolution number or
    symbol the library holds (drafter/library/locate.py; an unknown one suggests the nearest)."""
    path = Path(base)
    found = _from_file(library, path) if path.is_file() else _from_library(library, locate.source(library, base))
    siblings = [s for s in library.sources
                if s.title == found.title and s.body == found.body and s.number != found.number]
    masthead = found.masthead
    if not (masthead and masthead.origin):
        # The committee a series goes through rarely changes: a sibling's masthead says it.
        origin = next((s.origin for s in reversed(siblings) if s.origin), None)
        if origin:
            masthead = replace(masthead or Masthead(), origin=origin)
    return replace(found, series=frozenset(s.number for s in siblings), masthead=masthead)


def _from_library(library: Library, entry: SourceEntry) -> Base:
    found = []
    for family in library.families:
        for variant, source in family.sources():
            if source.ref.resolution == entry.number and source.ref.section is None:
                order = (0 if source.ref.part == "preambular" else 1, _as_int(source.ref.number))
                kinds = {name: family.schema["properties"][name]["x-kind"] for name in variant.parameters}
                found.append((order, BaseClause(family.kind, family, variant, dict(source.values), kinds)))
    found.sort(key=lambda pair: pair[0])
    return Base(entry.number, entry.title, entry.body, entry.session, entry.adopted,
                Masthead(origin=entry.origin, agenda_item=entry.agenda_item) if entry.origin or entry.agenda_item else None,
                tuple(clause for _, clause in found))


def _as_int(number: int | str) -> int:
    try:
        return int(number)
    except (TypeError, ValueError):
        return 10**6


def _from_file(library: Library, path: Path) -> Base:
    resolution = read_resolution(path)
    clauses = [c for c in clauses_of(resolution) if c.source.section is None]
    matched = tuple(_match(library, clause) for clause in clauses)
    return Base(resolution.number, resolution.title, resolution.body, resolution.session,
                resolution.adopted.date if resolution.adopted else None, resolution.masthead, matched)


def _match(library: Library, clause: Clause) -> BaseClause:
    variant = Variant(id=variant_id(clause.wording), lead=clause.wording.lead, template=clause.wording.template,
                      subparagraphs=clause.wording.subparagraphs, footnotes=clause.wording.footnotes,
                      parameters=tuple(clause.kinds), sources=())
    family = best_family(library, clause)
    if family is not None:
        same = next((v for v in family.variants if v.template == variant.template
                     and v.footnotes == variant.footnotes and v.subparagraphs == variant.subparagraphs), None)
        variant = same or variant
    return BaseClause(clause.kind, family, variant, dict(clause.values), dict(clause.kinds))


def best_family(library: Library, clause: Clause) -> Family | None:
    """The library family this clause belongs to by the mining rule, or None."""
    words = grouping.content_words(clause)
    candidates = [f for f in library.families if f.kind == clause.kind]
    if not candidates or not words:
        return None
    texts = [grouping.words_of_template(v.template, v.lead) for f in candidates for v in f.variants]
    scorer = grouping.scorer_for([words, *texts])
    best, best_score = None, 0.0
    index = 1
    for family in candidates:
        for _ in family.variants:
            score = scorer.same_family(0, index)
            if score > best_score:
                best, best_score = family, score
            index += 1
    return best
