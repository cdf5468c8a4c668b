"""Mining: resolutions -> a clause library, carried on from the previous version of it.

    clauses.clauses_of    every paragraph as a clause: templates and parameter values
    families.group        clauses grouped by purpose
    _variants             a family's distinct wordings, each with every source it came from
    schema.family_schema  the JSON Schema of the family's parameters
    _carry_on             ids, curated fields and deprecated variants kept from the previous library;
                          versions bumped where mining changed something
    recurated             what was curated in a library of an older format, given back by id after
                          a rebuild

The result depends only on the set of sources, never on the order they were given in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import field, replace
from typing import Any

from drafter.library import families as grouping
from drafter.library.clauses import Clause, Wording, clauses_of, variant_id
from drafter.library.model import Family, Library, SourceEntry, Variant, VariantSource
from drafter.library.schema import family_schema
from drafter.model import Resolution
from drafter.records import dataclass

UN_CREDIT = ("Clauses mined from United Nations resolutions. Source: the United Nations; "
             "the United Nations is acknowledged as the source of this information.")


@dataclass
class Summary:
    resolutions: int = 0
    kept: int = 0                          # of them, sources of the previous library not read again
    families: int = 0
    variants: int = 0
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    deprecated: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lines(self, version: str) -> list[str]:
        return [
            f"library {version}: {self.resolutions} resolutions ({self.resolutions - self.kept} read, "
            f"{self.kept} kept), {self.families} families, {self.variants} variants",
            f"since the last version: {len(self.new)} new, {len(self.changed)} changed, "
            f"{len(self.deprecated)} deprecated",
        ]


def sort_key(entry: SourceEntry) -> tuple[str, str]:
    """Oldest first: adoption date, else the year a year-numbered resolution carries, else nothing."""
    date = entry.adopted or ""
    if not date:
        first = entry.number.split("/")[0]
        date = first if first.isdigit() and len(first) == 4 else ""
    numbers = re.findall(r"\d+", entry.number)
    return (date, ".".join(n.zfill(6) for n in numbers) + entry.number)


def mine_resolutions(resolutions: list[tuple[Resolution, SourceEntry]], previous: Library | None,
                     **options) -> tuple[Library, Summary]:
    """`mine` of parsed resolutions (sources.read_sources gives their clauses already)."""
    return mine([(entry, clauses_of(resolution)) for resolution, entry in resolutions], previous, **options)


def mine(sources: list[tuple[SourceEntry, list[Clause]]], previous: Library | None, *, keep: bool = True,
         drop: frozenset[str] = frozenset()) -> tuple[Library, Summary]:
    """The library of `sources` (each entry with its clauses) and, when `keep`, of the previous
    library's other sources (but those in `drop`): mining adds. A source read again replaces its
    earlier reading."""
    read = {entry.number: clauses for entry, clauses in sources}
    kept = [e for e in previous.sources if e.number not in read and e.number not in drop] if previous and keep else []
    held = _clauses_held(previous, {e.number: e for e in kept})
    entries = sorted([e for e, _ in sources] + kept, key=sort_key)
    warnings: list[str] = []
    clauses = [c for e in entries for c in (read[e.number] if e.number in read else held.get(e.number, []))
               if _fits(c, warnings)]
    owner = _old_owner_of_sources(previous)
    groups = grouping.group(clauses, [owner.get((c.kind, c.source)) for c in clauses])
    fresh = [_family(clauses, members) for members in groups]
    families, summary = _carry_on(fresh, previous)
    summary.resolutions, summary.kept = len(entries), len(kept)
    summary.families = len(families)
    summary.variants = sum(len(f.variants) for f in families)
    summary.warnings = warnings
    version = _next_version(previous, summary)
    library = Library(version=version, sources=tuple(entries), families=tuple(families), credits=(UN_CREDIT,))
    return library, summary


def _clauses_held(previous: Library | None, kept: dict[str, SourceEntry]) -> dict[str, list[Clause]]:
    """The clauses of the kept sources, as the previous library holds them (their files need not be
    there any more), in the order reading would give within each source (parts by name, then
    preambular before operative, then by number)."""
    held: dict[str, list[tuple[tuple, Clause]]] = defaultdict(list)
    numbers = {e.number for e in previous.sources} if previous else set()
    for family in previous.families if previous and kept else ():
        properties = family.schema.get("properties", {})
        for variant in family.variants:
            wording = Wording(variant.template, variant.subparagraphs, variant.footnotes, variant.lead)
            kinds = {name: properties[name]["x-kind"] for name in variant.parameters}
            for source in variant.sources:
                ref = source.ref
                # "75/101 A" is a part inside the file of 75/101; "77/292 B" a source of its own.
                owner = ref.resolution if ref.resolution in numbers else ref.resolution.rsplit(" ", 1)[0]
                entry = kept.get(owner)
                if entry is None:
                    continue
                order = (ref.resolution, ref.section or "", ref.part != "preambular", _number_key(ref.number))
                held[entry.number].append((order, Clause(ref, family.kind, entry.session, wording,
                                                         dict(source.values), dict(kinds))))
    return {number: [c for _, c in sorted(pairs, key=lambda p: p[0])] for number, pairs in held.items()}


def _number_key(number: int | str) -> tuple[float, str]:
    try:
        return (float(number), "")
    except (TypeError, ValueError):
        return (float("inf"), str(number))


def _fits(clause: Clause, warnings: list[str]) -> bool:
    """Can the library hold this clause? A paragraph without a word is a separator ("* * *") or a
    heading ("II") a reader took for a paragraph; a sub-paragraph without a label or a text cannot
    be written back. Such paragraphs are left out, with a warning naming them, whatever the
    reader hands over: a library must never hold an empty template or label."""
    problem = _unfit(clause.wording)
    if problem:
        ref = clause.source
        where = f"{'op.' if ref.part == 'operative' else 'pp.'} {ref.number}" + (f" in {ref.section}" if ref.section else "")
        warnings.append(f"{ref.resolution} {where}: {problem}; left out of the library")
    return problem is None


_LETTER = re.compile(r"[^\W_]")
# A section's number standing alone ("II", "B.", "3"): roman numerals mark sections in every language.
_HEADING_MARK = re.compile(r"\W*(?:[IVXLCDM]+|[A-Za-z]|\d+)\W*")


def _unfit(wording) -> str | None:
    text = grouping.without_parameters(wording.template)
    if not _LETTER.search(text):
        return "the paragraph has no words"
    if _HEADING_MARK.fullmatch(text) and not wording.subparagraphs:
        return f"the paragraph is only a heading mark ({text.strip()!r})"
    for sub in _walk(wording.subparagraphs):
        if not sub.label.strip():
            return "a sub-paragraph has no label"
        if not sub.template.strip():
            return f"sub-paragraph ({sub.label}) is empty"
    return None


def _walk(subs):
    for sub in subs:
        yield sub
        yield from _walk(sub.subparagraphs)


def _family(clauses: list[Clause], members: list[int]) -> Family:
    group = [clauses[i] for i in members]
    variants = _variants(group)
    return Family(id=_slug(group[0]), kind=group[0].kind, version=1,
                  schema=family_schema(group), variants=tuple(variants))


def _variants(group: list[Clause]) -> list[Variant]:
    by_wording: dict[object, list[Clause]] = defaultdict(list)
    for clause in group:
        by_wording[clause.wording].append(clause)
    variants = []
    for wording, clauses in by_wording.items():
        sources = tuple(VariantSource(c.source, c.values) for c in clauses)
        variants.append(Variant(variant_id(wording), wording.lead, wording.template, wording.subparagraphs,
                                wording.footnotes, tuple(clauses[0].kinds), sources))
    return variants            # in order of first appearance, i.e. oldest source first


_SLUG_WORD = re.compile(r"[a-z0-9]+")


def _slug(clause: Clause) -> str:
    """A readable id from the oldest wording: "op-takes-note-report-secretary-general". A clause
    whose own words are few ("Calls for:") takes more from its sub-paragraphs."""
    texts = [clause.wording.template, *grouping.sub_templates(clause.wording.subparagraphs)]
    words: list[str] = []
    for text in texts:
        words += [w for w in _SLUG_WORD.findall(grouping.without_parameters(text).lower())
                  if w not in grouping.FUNCTION_WORDS]
        if len(words) >= 3:
            break
    prefix = "pp" if clause.kind == "preambular" else "op"
    return "-".join([prefix, *(words[:6] or ["clause"])])


def _carry_on(fresh: list[Family], previous: Library | None) -> tuple[list[Family], Summary]:
    summary = Summary()
    old_by_id = {f.id: f for f in previous.families} if previous else {}
    owner = _old_owner_of_sources(previous)
    used_ids: set[str] = set()
    taken = set(old_by_id)                 # every id in use, old or new: an id never changes meaning
    result: list[Family] = []
    for family in fresh:
        old = _match(family, owner, old_by_id, used_ids)
        family_id = old.id if old else _unique(family.id, taken)
        used_ids.add(family_id)
        taken.add(family_id)
        family = replace(family, id=family_id)
        if old is None:
            summary.new.append(family_id)
            result.append(family)
            continue
        merged = _merge(old, family)
        if merged.content() != old.content():
            merged = replace(merged, version=old.version + 1)
            summary.changed.append(family_id)
        else:
            merged = replace(merged, version=old.version)
        result.append(merged)
    for old_id, old in old_by_id.items():
        if old_id in used_ids:
            continue
        gone = _deprecate_all(old)
        if gone.content() != old.content():
            gone = replace(gone, version=old.version + 1)
            summary.deprecated.append(old_id)
        result.append(gone)
    result.sort(key=lambda f: f.id)
    return result, summary


def _old_owner_of_sources(previous: Library | None) -> dict[tuple, str]:
    owner: dict[tuple, str] = {}
    for family in previous.families if previous else ():
        for _, source in family.sources():
            owner[(family.kind, source.ref)] = family.id
    return owner


def _match(family: Family, owner: dict[tuple, str], old_by_id: dict[str, Family],
           used: set[str]) -> Family | None:
    """The previous family that held most of this family's sources, if any is still free."""
    votes: dict[str, int] = defaultdict(int)
    if not owner:
        return None                      # a first mine: no family to carry on
    for _, source in family.sources():
        old_id = owner.get((family.kind, source.ref))
        if old_id and old_id not in used:
            votes[old_id] += 1
    if not votes:
        return None
    best = max(sorted(votes), key=lambda i: votes[i])
    return old_by_id[best]


def _unique(slug: str, taken: set[str]) -> str:
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"


def _merge(old: Family, new: Family) -> Family:
    """New mining results, with what a person curated and the variants no source supports now."""
    new_ids = {v.id for v in new.variants}
    kept = tuple(replace(v, status="deprecated") for v in old.variants if v.id not in new_ids)
    schema = _keep_descriptions(old.schema, new.schema)
    # A deprecated variant still names its parameters: the schema keeps describing them.
    old_props = old.schema.get("properties", {})
    missing = {n: old_props[n] for v in kept for n in v.parameters if n not in schema["properties"] and n in old_props}
    if missing:
        schema = {**schema, "properties": dict(sorted({**schema["properties"], **missing}.items()))}
    preferred = old.preferred_variant
    return replace(new, variants=new.variants + kept, schema=schema, name=old.name,
                   description=old.description, tags=old.tags, preferred_variant=preferred)


def recurated(library: Library, curated: dict[str, dict[str, Any]]) -> tuple[Library, int, list[str]]:
    """`library` with what a person curated in an older library's files (`store.curated_in`) put
    back on the families of the same id, as a mine keeps it (`_merge`): names, descriptions, tags,
    the preferred variant while it is still there, the parameters' descriptions. Also how many
    families it changed, and the ids the library no longer has of families with a name,
    description, tag or preferred variant set (every file has its parameters' descriptions, which
    mining writes too: those alone do not say a person was there)."""
    families, carried = [], 0
    for family in library.families:
        fields = curated.get(family.id)
        if fields is not None:
            changes = {k: v for k, v in fields.items() if k in ("name", "description", "tags")}
            if family.variant(fields.get("preferred_variant", "")) is not None:
                changes["preferred_variant"] = fields["preferred_variant"]
            old = {"properties": {n: {"description": d} for n, d in fields.get("parameters", {}).items()}}
            given = replace(family, schema=_keep_descriptions(old, family.schema), **changes)
            carried += given != family
            family = given
        families.append(family)
    mined = {f.id for f in library.families}
    gone = sorted(i for i, fields in curated.items() if i not in mined and set(fields) - {"parameters"})
    mended = Library(library.version, library.sources, tuple(families), library.format, library.credits)
    return mended, carried, gone


def _keep_descriptions(old: dict, new: dict) -> dict:
    properties = {}
    old_props = old.get("properties", {})
    for name, prop in new.get("properties", {}).items():
        description = old_props.get(name, {}).get("description")
        properties[name] = {**prop, "description": description} if description else prop
    return {**new, "properties": properties}


def _deprecate_all(family: Family) -> Family:
    return replace(family, variants=tuple(replace(v, status="deprecated") for v in family.variants))


def _next_version(previous: Library | None, summary: Summary) -> str:
    if previous is None:
        return "1.0.0"
    if not (summary.new or summary.changed or summary.deprecated):
        return previous.version
    major, minor, _ = (int(x) for x in previous.version.split("."))
    return f"{major}.{minor + 1}.0"
