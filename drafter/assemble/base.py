"""The base of a draft: last session's resolution, read whole, each paragraph tied to the library.

Any base is read from its own file: a number the library holds ("58/208") is found through the
library manifest (its source path), anything else is a path. The resolution read is kept whole
(`Base.resolution`): parts, sections and their headings, annexes, title notes, the masthead, so a
draft can be rebuilt in the same shape and a redline can show everything against it.

Each preambular and operative paragraph becomes a `BaseClause`, tied to its family:
- by the library's own source references, when the library holds this resolution (the clause
  is exactly the variant and values mining recorded);
- else by the best family, the one whose wordings it shares most words with (the rule mining
  uses), when the wording is one of that family's, or as a new wording of it;
- else as a clause new to the library, parameterized on the spot the way mining does it.

`BaseClause.where` says where the paragraph stands (which part, which section); `number` is the
number the base gives it; `paragraph` is the paragraph as read, which carries what a template does
not (closing words after sub-paragraphs, a table, a heading style, italics).

When the library's source file cannot be found, the base is rebuilt from the library's source
references alone, as before: the clauses in order, without headings, and a warning says so.
"""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path
from typing import Any

from drafter.assemble.edits.series import predecessor
from drafter.library import locate, parsed
from drafter.library.clauses import Clause, SourceRef, make_clause, sites_of, variant_id
from drafter.library.fill import fill
from drafter.library.model import Family, Library, SourceEntry, Variant, VariantSource
from drafter.model import Masthead, Paragraph, Resolution, Source
from drafter.records import dataclass


@dataclass(frozen=True)
class Where:
    """Where a clause stands: in part `part` (an index into the base's parts; None for a
    resolution without parts) and under the sections `sections` (a path of indexes)."""

    part: int | None = None
    sections: tuple[int, ...] = ()

    def to_data(self) -> dict[str, Any]:
        return {"part": self.part, "sections": list(self.sections)}

    @classmethod
    def from_data(cls, data: dict[str, Any] | None) -> Where:
        data = data or {}
        return cls(data.get("part"), tuple(data.get("sections") or ()))


@dataclass(frozen=True)
class BaseClause:
    """A clause of the base as the library knows it: its family, variant and the values it was read with."""

    kind: str                     # "preambular" | "operative"
    family: Family | None         # None: new to the library
    variant: Variant
    values: dict[str, Any]
    kinds: dict[str, str]         # parameter name -> slot kind
    where: Where = field(default_factory=Where)
    number: int | str | None = None          # the number the base gives it
    paragraph: Paragraph | None = None       # as read; None for a clause rebuilt from the library

    @property
    def family_id(self) -> str:
        return self.family.id if self.family else _new_id(self.variant)


@dataclass(frozen=True)
class Base:
    """The resolution a draft starts from, read clause by clause against the library."""

    number: str
    title: str | None
    body: str
    session: int | None
    adopted: str | None           # ISO date
    masthead: Masthead | None
    clauses: tuple[BaseClause, ...]
    series: frozenset[str] = frozenset()    # numbers of the library's resolutions of the same series
    resolution: Resolution | None = field(default=None, compare=False)   # the base as read
    warnings: tuple[str, ...] = ()
    predecessor: str | None = None          # the resolution before it in its series, as it names it


def _new_id(variant: Variant) -> str:
    return f"new-{variant.id}"


def load_base(library: Library, base: str) -> Base:
    """BASE as the user gives it: a file (which wins when it exists), or a resolution number or
    symbol the library holds (drafter/library/locate.py; an unknown one suggests the nearest)."""
    path = Path(base)
    if path.is_file():
        from drafter.ingest import read_resolution          # a base by number reads no file

        found = base_from_resolution(library, read_resolution(path))
    else:
        found = _from_library(library, locate.source(library, base))
    siblings = [s for s in library.sources
                if s.title == found.title and s.body == found.body and s.number != found.number]
    masthead = found.masthead
    if not (masthead and masthead.origin):
        # The committee a series goes through rarely changes: a sibling's masthead says it.
        origin = next((s.origin for s in reversed(siblings) if s.origin), None)
        if origin:
            masthead = replace(masthead or Masthead(), origin=origin)
    series = frozenset(s.number for s in siblings)
    before = predecessor(found.resolution, series) if series and found.resolution is not None else found.predecessor
    return replace(found, series=series, masthead=masthead, predecessor=before)


# --- a base read from its file ---------------------------------------------------------------

def base_from_resolution(library: Library, resolution: Resolution,
                         recorded: dict[SourceRef, tuple[Family, Variant, VariantSource]] | None = None) -> Base:
    """Every paragraph of `resolution` (read by any reader) as a clause, tied to the library where
    it can be: by the library's own record of it (`recorded`), else by the best family."""
    placed = list(_placed(resolution))
    sites = sites_of(resolution)
    assert len(placed) == len(sites), "sites_of and the structure walk disagree"
    out = []
    for (where, paragraph), site in zip(placed, sites):
        kind, ref = site[1], site[2]
        found = (recorded or {}).get(ref)
        # A clause the library recorded is taken as recorded; only the others are worked out.
        tied = _recorded(found, kind) if found else _match(library, make_clause(*site))
        out.append(replace(tied, where=where, number=paragraph.number if kind == "operative" else None,
                           paragraph=paragraph))
    return Base(resolution.number, resolution.title, resolution.body, resolution.session,
                resolution.adopted.date if resolution.adopted else None, resolution.masthead, tuple(out),
                resolution=resolution, warnings=_warnings(resolution), predecessor=predecessor(resolution))


def _warnings(resolution: Resolution) -> tuple[str, ...]:
    where = resolution.source.path if resolution.source else resolution.number
    return tuple(f"{where}: {warning}" for warning in resolution.warnings)


def _placed(resolution: Resolution):
    """(where, paragraph) for every clause, in the order `sites_of` gives them."""
    yield from _walk(resolution, Where())
    for index, part in enumerate(resolution.parts):
        yield from _walk(part, Where(index))


def _walk(holder, where: Where):
    for paragraph in holder.preamble:
        yield where, paragraph
    for paragraph in holder.operative:
        yield where, paragraph
    for index, section in enumerate(holder.sections):
        yield from _walk(section, replace(where, sections=(*where.sections, index)))


def _recorded(found: tuple[Family, Variant, VariantSource], kind: str) -> BaseClause:
    family, variant, source = found
    kinds = {name: family.schema["properties"][name]["x-kind"] for name in variant.parameters}
    return BaseClause(kind, family, variant, dict(source.values), kinds)


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
    """The library family this clause belongs to by the mining rule, or None (a lookup in the
    library's index, drafter.library.lookup)."""
    return library.best_family(clause)


# --- a base the library holds ----------------------------------------------------------------

def _from_library(library: Library, entry: SourceEntry) -> Base:
    path = locate.source_path(library, entry)
    if path is None:
        return _from_refs(library, entry, _recorded_refs(library, [entry.number]))
    resolution = parsed.read_source(path)        # read once, then from drafter's cache
    numbers = [entry.number, *(f"{entry.number} {part.label}" for part in resolution.parts)]
    found = base_from_resolution(library, resolution, _recorded_refs(library, numbers))
    masthead = found.masthead or Masthead()
    masthead = replace(masthead, origin=masthead.origin or entry.origin,
                       agenda_item=masthead.agenda_item or entry.agenda_item)
    return replace(found, masthead=masthead)


def _recorded_refs(library: Library, numbers: list[str]) -> dict[SourceRef, tuple[Family, Variant, VariantSource]]:
    """Where mining saw each clause of these resolutions (a collection's parts are "number A")."""
    return {source.ref: (family, variant, source)
            for number in numbers for family, variant, source in library.clauses_of(number)}


def _from_refs(library: Library, entry: SourceEntry, recorded) -> Base:
    """The clauses in order from the library alone: the source file is gone, so headings, parts
    and annexes are too; the resolution is rebuilt from the clauses, without footnote texts."""
    found = []
    for ref, (family, variant, source) in recorded.items():
        order = (ref.section or "", 0 if ref.part == "preambular" else 1, _as_int(ref.number))
        kinds = {name: family.schema["properties"][name]["x-kind"] for name in variant.parameters}
        number = ref.number if ref.part == "operative" else None
        found.append((order, BaseClause(family.kind, family, variant, dict(source.values), kinds, number=number)))
    found.sort(key=lambda pair: pair[0])
    clauses = tuple(clause for _, clause in found)
    masthead = Masthead(origin=entry.origin, agenda_item=entry.agenda_item) if entry.origin or entry.agenda_item else None
    resolution = _rebuilt(entry, clauses)
    warning = (f"the source of {entry.number} ({entry.path}) is not where the library says or has changed: "
               "the base is rebuilt from the library's clauses, without headings, parts or annexes")
    return Base(entry.number, entry.title, entry.body, entry.session, entry.adopted, masthead, clauses,
                resolution=resolution, warnings=(warning,))


def _rebuilt(entry: SourceEntry, clauses: tuple[BaseClause, ...]) -> Resolution:
    preamble, operative = [], []
    for clause in clauses:
        paragraph = fill(clause.variant, clause.values, entry.session, clause.number).paragraph
        (operative if clause.kind == "operative" else preamble).append(paragraph)
    return Resolution(number=entry.number, symbol=entry.symbol, title=entry.title, body=entry.body,
                      session=entry.session, preamble=tuple(preamble), operative=tuple(operative),
                      source=Source(entry.path, entry.format))


def _as_int(number: int | str) -> int:
    try:
        return int(number)
    except (TypeError, ValueError):
        return 10**6

