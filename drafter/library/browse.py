"""Browsing the library: list, show, search, history. Data and text out; no terminal I/O here."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import Any

from drafter.errors import LibraryError
from drafter.library.fill import Filled, fill, plain
from drafter.library.model import Family, Library, Variant, VariantSource
from drafter.worddiff import inline


def family_summary(family: Family) -> dict[str, Any]:
    """The JSON of `drafter clauses list --json`, one family."""
    return {
        "id": family.id,
        "kind": family.kind,
        "version": family.version,
        "name": family.name,
        "schema": family.schema,
        "variants": [
            {"id": v.id, "template": v.template, "status": v.status,
             "sources": [s.ref.to_dict() for s in v.sources]}
            for v in family.variants
        ],
    }


def get(library: Library, family_id: str) -> Family:
    family = library.family(family_id)
    if family is None:
        close = [i for i in library.indexed().family_ids() if family_id in i][:5]
        hint = f"did you mean {', '.join(close)}?" if close else "see `drafter clauses list`"
        raise LibraryError(f"no family {family_id!r} in the library", hint=hint)
    return family


def list_lines(library: Library, kind: str | None = None) -> Iterator[str]:
    for family_id, version, family_kind, active, sources in library.indexed().counts(kind):
        yield (f"{family_id}  v{version}  {family_kind}  "
               f"{active} variant{'s' if active != 1 else ''}, {sources} source{'s' if sources != 1 else ''}")


def session_of(library: Library, resolution: str) -> int | None:
    return library.session_of(resolution)


def filled_by_source(library: Library, variant: Variant, source: VariantSource) -> Filled:
    return fill(variant, source.values, session_of(library, source.ref.resolution))


def show_lines(library: Library, family: Family) -> list[str]:
    lines = [f"{family.id}  ({family.kind}, version {family.version})"]
    if family.name or family.description:
        lines.append(f"  {family.name or ''} {family.description or ''}".rstrip())
    params = family.schema.get("properties", {})
    if params:
        lines.append("  parameters: " + ", ".join(f"{name} ({spec.get('x-kind')})" for name, spec in params.items()))
    for variant in family.variants:
        mark = " (preferred)" if variant.id == family.preferred_variant else ""
        lines += ["", f"variant {variant.id} [{variant.status}]{mark}"]
        lines.append(f"  template: {variant.template}")
        if variant.sources:
            filled = filled_by_source(library, variant, variant.sources[0])
            lines.append(f"  as in {_ref(variant.sources[0])}: {plain(filled)}")
            lines += [f"    note {i}: {note}" for i, note in enumerate(filled.notes, start=1)]
        lines.append("  sources: " + ", ".join(_ref(s) + _values(s) for s in variant.sources))
    return lines


def _ref(source: VariantSource) -> str:
    ref = source.ref
    where = f"op. {ref.number}" if ref.part == "operative" else f"pp. {ref.number}"
    section = f" {ref.section}" if ref.section else ""
    return f"{ref.resolution}{section} {where}"


def _values(source: VariantSource) -> str:
    if not source.values:
        return ""
    return " {" + ", ".join(f"{k}={_short(v)}" for k, v in source.values.items()) + "}"


def _short(value: Any) -> str:
    if isinstance(value, list):
        return f"[{len(value)} items]"
    return str(value)


def search_lines(library: Library, text: str, kind: str | None = None, limit: int = 20) -> list[str]:
    """Each family found, best first: its id, kind and score, then its text as in its latest source."""
    lines = []
    for hit in library.search(text, kind, limit):
        lines.append(f"{hit.family.id}  ({hit.family.kind}, score {hit.score:.2f})")
        first, *rest = hit.text.split("\n")
        lines += textwrap.wrap(first, 100, initial_indent="    ", subsequent_indent="    ")
        if rest:
            lines.append(f"    … and {len(rest)} sub-paragraph{'s' if len(rest) != 1 else ''}")
    return lines


def history_lines(library: Library, family: Family) -> list[str]:
    """The family through the years: each source in date order, its variant, and a word diff
    against the wording before it whenever the wording changed."""
    order = {s.number: i for i, s in enumerate(library.sources)}

    def position(resolution: str) -> float:
        return order.get(resolution, order.get(resolution.rsplit(" ", 1)[0], 1e9))

    rows = sorted(family.sources(), key=lambda pair: (position(pair[1].ref.resolution), pair[1].ref.resolution))
    lines = [f"{family.id}: {len(rows)} source{'s' if len(rows) != 1 else ''}, {len(family.variants)} variants"]
    previous_text = None
    previous_variant = None
    for variant, source in rows:
        entry = library.source(source.ref.resolution) or library.source(source.ref.resolution.rsplit(" ", 1)[0])
        date = f" ({entry.adopted})" if entry and entry.adopted else ""
        text = plain(filled_by_source(library, variant, source))
        lines.append("")
        lines.append(f"{_ref(source)}{date}  variant {variant.id}{' [deprecated]' if variant.status != 'active' else ''}")
        if previous_text is None:
            lines.append(f"  {text}")
        elif variant.id == previous_variant:
            lines.append("  same wording" + (" (values changed)" if text != previous_text else ""))
            if text != previous_text:
                lines.append(f"  {inline(previous_text, text)}")
        else:
            lines.append(f"  {inline(previous_text, text)}")
        previous_text, previous_variant = text, variant.id
    return lines
