"""The questions of `drafter new`, without any I/O: what can be chosen, and what an answer means.

Every function here takes the draft and plain values and gives back plain values or a new draft,
so the interactive flow (prompts.py) and the tests use the same rules. A value typed by a person is
read according to its parameter's kind and validated against the family's JSON Schema; a refusal
is a sentence saying why, which the prompt shows before asking again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

import jsonschema

from drafter.assemble.base import BaseClause
from drafter.assemble.draft import Draft, DraftClause, carry, replace_variant
from drafter.ingest.layout import parse_date
from drafter.library.fill import fill, plain
from drafter.library.model import Family, Library, Variant
from drafter.library.slots import DATE, RESOLUTION_NUMBER
from drafter.library.templates import Placeholder, TemplateRenderError
from drafter.worddiff import inline

_CITATION = re.compile(rf"^(?P<number>{RESOLUTION_NUMBER})(?: of (?P<date>{DATE}|\d{{4}}-\d{{2}}-\d{{2}}))?$")


@dataclass(frozen=True)
class Option:
    """Another wording of a clause, as the drafter is shown it."""

    variant: Variant
    text: str              # filled with the draft's values for the new session
    diff: str              # word diff against the wording in the draft now
    sources: str           # "52/189 op. 4, 54/212 op. 5"
    kinds: dict[str, str]


def clause_text(draft: Draft, clause: DraftClause) -> str:
    try:
        return plain(fill(clause.variant, clause.values, draft.session))
    except TemplateRenderError as error:
        return f"(cannot show this clause: {error})"


def family_of(library: Library, clause: DraftClause) -> Family | None:
    return None if clause.new_to_library else library.family(clause.family_id)


def kinds_of(family: Family, variant: Variant) -> dict[str, str]:
    return {name: family.schema["properties"][name]["x-kind"] for name in variant.parameters}


def other_wordings(draft: Draft, library: Library, index: int) -> list[Option]:
    clause = draft.clauses[index]
    family = family_of(library, clause)
    if family is None:
        return []
    current = clause_text(draft, clause)
    options = []
    for variant in family.variants:
        if variant.id == clause.variant.id or variant.status != "active":
            continue
        candidate = _switched(draft, library, family, clause, variant)
        text = clause_text(draft, candidate)
        sources = ", ".join(f"{s.ref.resolution} {'op.' if s.ref.part == 'operative' else 'pp.'} {s.ref.number}"
                            for s in variant.sources)
        options.append(Option(variant, text, inline(current, text), sources, candidate.kinds))
    return options


def _switched(draft: Draft, library: Library, family: Family, clause: DraftClause,
              variant: Variant) -> DraftClause:
    """The clause in another wording: its own values where the wording shares them, the rest from
    the wording's latest source, carried to the new session like any base value."""
    latest = variant.sources[-1] if variant.sources else None
    fallback: dict[str, Any] = {}
    if latest is not None:
        kinds = kinds_of(family, variant)
        carried = carry(library, draft.base, BaseClause(clause.kind, family, variant, dict(latest.values), kinds))
        fallback = carried.values
    return replace_variant(clause, variant, kinds_of(family, variant), fallback)


def choose_wording(draft: Draft, library: Library, index: int, variant_id: str) -> Draft:
    clause = draft.clauses[index]
    family = family_of(library, clause)
    variant = family.variant(variant_id) if family else None
    if variant is None:
        raise ValueError(f"no wording {variant_id} for this clause")
    return _with_clause(draft, index, _switched(draft, library, family, clause, variant))


def parse_value(kind: str, raw: str) -> Any:
    """What a person typed, as the value of a parameter of `kind`; ValueError says why not."""
    raw = raw.strip()
    if kind in ("session", "meeting"):
        if not re.fullmatch(r"[+-]?\d+", raw):
            raise ValueError("type a whole number")
        return int(raw)
    if kind == "date":
        iso = parse_date(raw) or (raw if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw) else None)
        if iso is None:
            raise ValueError("type a date such as 23 December 2003 or 2003-12-23")
        return iso
    if kind == "citations":
        items = []
        for part in re.split(r",\s*|\s+and\s+", raw):
            match = _CITATION.match(part.strip())
            if not match:
                raise ValueError(f"{part.strip()!r} is not 'NUMBER of DATE', e.g. 58/208 of 23 December 2003")
            date = match["date"]
            if date and " " in date:
                date = parse_date(date)        # "23 December 2003" -> ISO; ISO stays as typed
            items.append({"number": match["number"], "date": date})
        return items
    return raw


def check_value(family: Family | None, name: str, value: Any) -> str | None:
    """None if the family's schema accepts the value, else the reason."""
    if family is None:
        return None
    schema = family.schema.get("properties", {}).get(name)
    if schema is None:
        return f"{name} is not a parameter of this clause"
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(value))
    return errors[0].message if errors else None


def set_value(draft: Draft, index: int, name: str, value: Any) -> Draft:
    clause = draft.clauses[index]
    return _with_clause(draft, index, replace(clause, values={**clause.values, name: value}))


def drop(draft: Draft, index: int) -> Draft:
    clauses = list(draft.clauses)
    del clauses[index]
    return replace(draft, clauses=clauses)


def move(draft: Draft, index: int, to: int) -> Draft:
    """Move a clause to position `to` (0-based) among the clauses of its own kind."""
    clauses = list(draft.clauses)
    clause = clauses.pop(index)
    same = [i for i, c in enumerate(clauses) if c.kind == clause.kind]
    if not same:
        clauses.insert(index, clause)
    else:
        to = max(0, min(to, len(same)))
        at = same[to] if to < len(same) else same[-1] + 1
        clauses.insert(at, clause)
    return replace(draft, clauses=clauses)


def find_to_add(library: Library, text: str) -> list[Family]:
    return [hit.family for hit in library.search(text, limit=10)]


def add(draft: Draft, library: Library, family: Family, variant: Variant, after: int) -> Draft:
    """Insert a clause from the library after position `after`, or at the end of its kind's block
    when that position is in the other part of the resolution."""
    latest = variant.sources[-1] if variant.sources else None
    kinds = kinds_of(family, variant)
    values = dict(latest.values) if latest else {name: Placeholder.named(name) for name in variant.parameters}
    clause = carry(library, draft.base, BaseClause(family.kind, family, variant, values, kinds))
    clause = replace(clause, added=True)
    clauses = list(draft.clauses)
    if 0 <= after < len(clauses) and clauses[after].kind == family.kind:
        at = after + 1
    else:
        same = [i for i, c in enumerate(clauses) if c.kind == family.kind]
        at = same[-1] + 1 if same else (0 if family.kind == "preambular" else len(clauses))
    clauses.insert(at, clause)
    return replace(draft, clauses=clauses)


def _with_clause(draft: Draft, index: int, clause: DraftClause) -> Draft:
    clauses = list(draft.clauses)
    clauses[index] = clause
    return replace(draft, clauses=clauses)


def summary(draft: Draft) -> list[str]:
    pre = sum(1 for c in draft.clauses if c.kind == "preambular")
    op = len(draft.clauses) - pre
    added = sum(1 for c in draft.clauses if c.added)
    lines = [f"{draft.heading.session_title}: {pre} preambular and {op} operative paragraphs "
             f"({added} added, based on {draft.base.number})"]
    lines += [f"still to fill: {item}" for item in draft.to_fill()]
    lines += [f"to confirm: {item}" for item in draft.to_confirm()]
    return lines
