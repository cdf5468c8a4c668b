"""The clause library in memory: families of clauses, their variants, and the manifest.

Each class turns into the plain dict that is written as YAML (`to_dict`) and reads it back
(`from_dict`); the key order of `to_dict` is the order on disk, chosen for a person reading a diff:
identity first, curated fields next, then the schema, then the variants with their sources.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from drafter.library.clauses import SourceRef, SubTemplate

FORMAT_VERSION = 1
CURATED_FIELDS = ("name", "description", "tags", "preferred_variant")


@dataclass(frozen=True)
class VariantSource:
    ref: SourceRef
    values: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {**self.ref.to_dict(), "values": dict(self.values)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> VariantSource:
        return cls(SourceRef.from_dict(data), dict(data.get("values") or {}))


@dataclass(frozen=True)
class Variant:
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


@dataclass(frozen=True)
class Library:
    version: str
    sources: tuple[SourceEntry, ...]
    families: tuple[Family, ...]
    format: int = FORMAT_VERSION
    credits: tuple[str, ...] = field(default=())

    def family(self, family_id: str) -> Family | None:
        return next((f for f in self.families if f.id == family_id), None)

    def source(self, number: str) -> SourceEntry | None:
        return next((s for s in self.sources if s.number == number), None)

    def manifest(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "version": self.version,
            "credits": list(self.credits),
            "sources": [s.to_dict() for s in self.sources],
            "families": [f.id for f in self.families],
        }

    def with_families(self, families: tuple[Family, ...]) -> Library:
        return replace(self, families=families)
