"""The clause library in memory: families of clauses, their variants, and the manifest.

Each class turns into the plain dict that is written as YAML (`to_dict`) and reads it back
(`from_dict`); the key order of `to_dict` is the order on disk, chosen for a person reading a diff:
identity first, curated fields next, then the schema, then the variants with their sources.
"""

from __future__ import annotations

from typing import Any

from drafter.library.clauses import SourceRef, SubTemplate
from drafter.records import dataclass

FORMAT_VERSION = 3                 # 2: source paths relative to the library folder; 3: dates
                                   # written the UN's way unless a spacing says otherwise
CURATED_FIELDS = ("name", "description", "tags", "preferred_variant")


@dataclass(frozen=True)
class VariantSource:
    """A resolution that printed this variant, and the values it printed it with."""

    ref: SourceRef
    values: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {**self.ref.to_dict(), "values": dict(self.values)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VariantSource:
        return cls(SourceRef.from_dict(data), dict(data.get("values") or {}))


@dataclass(frozen=True)
class Variant:
    """One wording of a family: its template, sub-paragraphs, footnotes and where it was read."""

    id: str
    lead: str | None
    template: str
    subparagraphs: tuple[SubTemplate, ...]
    footnotes: tuple[str, ...]
    parameters: tuple[str, ...]
    sources: tuple[VariantSource, ...]
    status: str = "active"                 # "active" | "deprecated" (no source supports it any more)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "status": self.status,
            "lead": self.lead,
            "template": self.template,
            "subparagraphs": [s.to_dict() for s in self.subparagraphs],
            "footnotes": list(self.footnotes),
            "parameters": list(self.parameters),
            "sources": [s.to_dict() for s in self.sources],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Variant:
        return cls(
            id=data["id"],
            lead=data.get("lead"),
            template=data["template"],
            subparagraphs=tuple(SubTemplate.from_dict(s) for s in data.get("subparagraphs") or ()),
            footnotes=tuple(data.get("footnotes") or ()),
            parameters=tuple(data.get("parameters") or ()),
            sources=tuple(VariantSource.from_dict(s) for s in data.get("sources") or ()),
            status=data.get("status", "active"),
        )


@dataclass(frozen=True)
class Family:
    """Clauses that say the same thing, in all the wordings the library has seen."""

    id: str
    kind: str                              # "preambular" | "operative"
    version: int
    schema: dict[str, Any]
    variants: tuple[Variant, ...]
    name: str | None = None
    description: str | None = None
    tags: tuple[str, ...] = ()
    preferred_variant: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "version": self.version,
            "name": self.name,
            "description": self.description,
            "tags": list(self.tags),
            "preferred_variant": self.preferred_variant,
            "schema": self.schema,
            "variants": [v.to_dict() for v in self.variants],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Family:
        return cls(
            id=data["id"],
            kind=data["kind"],
            version=int(data["version"]),
            schema=data.get("schema") or {},
            variants=tuple(Variant.from_dict(v) for v in data.get("variants") or ()),
            name=data.get("name"),
            description=data.get("description"),
            tags=tuple(data.get("tags") or ()),
            preferred_variant=data.get("preferred_variant"),
        )

    def variant(self, variant_id: str) -> Variant | None:
        return next((v for v in self.variants if v.id == variant_id), None)

    def sources(self) -> list[tuple[Variant, VariantSource]]:
        return [(v, s) for v in self.variants for s in v.sources]

    def content(self) -> dict[str, Any]:
        """What mining decides; a change here bumps the family's version (curated fields do not)."""
        data = self.to_dict()
        for key in ("version", *CURATED_FIELDS):
            data.pop(key)
        return data


_ALWAYS = {"number", "path", "sha256", "body", "session", "title", "symbol", "adopted", "format"}


@dataclass(frozen=True)
class SourceEntry:
    """One mined resolution, as the manifest lists it: enough to rebuild its order and heading."""

    number: str
    path: str
    sha256: str
    body: str
    session: int | None
    title: str | None
    symbol: str | None
    adopted: str | None                    # ISO date
    format: str
    origin: str | None = None              # "[on the report of the Second Committee (A/54/587/Add.5)]"
    agenda_item: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None or k in _ALWAYS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceEntry:
        return cls(**{k: data.get(k) for k in cls.__dataclass_fields__})


class Library:
    """A clause library: its manifest (version, credits, sources) and its families.

    Mining makes one in memory. `store.load` gives one read through the index of a library on
    disk, which loads a family only when it is asked for. Both answer the same questions:
    `family(id)`, `source(number)`, `clauses_of(number)`, `search(text)`, `best_family(clause)`
    (the last two from an index, built in memory for a library that has none)."""

    def __init__(self, version: str, sources: tuple[SourceEntry, ...] | None = (),
                 families: tuple[Family, ...] | None = (), format: int = FORMAT_VERSION,
                 credits: tuple[str, ...] = (), index=None, directory=None) -> None:
        self.version = version
        self.format = format
        self.credits = tuple(credits)
        self.index = index                      # drafter.library.index.Index, or None until needed
        self.directory = directory              # the folder it was read from, if any
        self._sources = tuple(sources) if sources is not None else None
        self._families = tuple(families) if families is not None else None
        self._by_id: dict[str, Family | None] = {f.id: f for f in self._families or ()}
        self._by_number: dict[str, SourceEntry] | None = None

    def __repr__(self) -> str:
        return f"Library(version={self.version!r}, directory={self.directory!r})"

    @property
    def sources(self) -> tuple[SourceEntry, ...]:
        if self._sources is None:
            self._sources = tuple(self.index.sources())
        return self._sources

    @property
    def families(self) -> tuple[Family, ...]:
        """Every family, in id order (from an index: all of them loaded, so only for commands that
        need them all, like mining)."""
        if self._families is None:
            self._families = tuple(self.index.families())
            self._by_id.update((f.id, f) for f in self._families)
        return self._families

    def iter_families(self, kind: str | None = None):
        """The families (of `kind`) in id order, one at a time: from an index, never all in memory."""
        if self._families is not None or self.index is None:
            return (f for f in sorted(self.families, key=lambda f: f.id) if kind is None or f.kind == kind)
        return self.index.families(kind)

    def family(self, family_id: str) -> Family | None:
        if family_id not in self._by_id:
            self._by_id[family_id] = None if self._families is not None else self.index.family(family_id)
        return self._by_id[family_id]

    def source(self, number: str) -> SourceEntry | None:
        if self._by_number is None:
            self._by_number = {s.number: s for s in self.sources}
        return self._by_number.get(number)

    def session_of(self, resolution: str) -> int | None:
        """The session of a source, named as a clause's source names it ("52/189", "75/101 A")."""
        entry = self.source(resolution) or self.source(resolution.rsplit(" ", 1)[0])
        return entry.session if entry else None

    def manifest(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "version": self.version,
            "credits": list(self.credits),
            "sources": [s.to_dict() for s in self.sources],
            "families": [f.id for f in self.families],
        }

    # The questions a draft asks; answered from the index (drafter.library.lookup).
    def clauses_of(self, number: str):
        from drafter.library.lookup import clauses_of

        return clauses_of(self, number)

    def search(self, text: str, kind: str | None = None, limit: int = 20):
        from drafter.library.lookup import search

        return search(self, text, kind, limit)

    def best_family(self, clause) -> Family | None:
        from drafter.library.lookup import best_family

        return best_family(self, clause)

    def indexed(self):
        """The index answering this library's questions (built in memory on first use if none)."""
        if self.index is None:
            from drafter.library.index import in_memory

            self.index = in_memory(self)
        return self.index
