"""JSON Schemas: one per family for its parameters, and one for the library's own file format.

A family's schema is what the assembler validates a drafter's value against before it renders
anything: a session is a small non-negative distance, a symbol looks like a UN symbol, a date is an
ISO date, a citation list is a list of {number, date} (and a date's spacing, where its source did
not space it the UN's way), a fact is text the drafter must confirm
(`x-confirm`). `x-kind` names the slot kind, so the assembler knows which values it can work out.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from drafter.library.patterns import RESOLUTION_NUMBER, SYMBOL
from drafter.library.templates import SPACINGS as _SPACINGS
from drafter.library.templates import UN_SPACING

SPACINGS = sorted(set(_SPACINGS) - {UN_SPACING})

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"

PARAMETER_SCHEMAS: dict[str, dict[str, Any]] = {
    "session": {"type": "integer", "minimum": 0, "maximum": 10,
                "x-kind": "session", "description": "sessions after the adopting session"},
    "symbol": {"type": "string", "pattern": f"^{SYMBOL}$", "x-kind": "symbol",
               "description": "a UN document symbol, e.g. A/58/98"},
    "date": {"type": "string", "pattern": ISO_DATE, "format": "date", "x-kind": "date",
             "description": "a date, written YYYY-MM-DD"},
    "citations": {
        "type": "array", "minItems": 1, "x-kind": "citations",
        "description": "resolutions cited, oldest first",
        "items": {
            "type": "object",
            "properties": {"number": {"type": "string", "pattern": f"^{RESOLUTION_NUMBER}$"},
                           "date": {"type": ["string", "null"], "pattern": ISO_DATE},
                           "spacing": {"enum": SPACINGS,
                                       "description": "how the source spaced the date, where not the UN's way"}},
            "required": ["number", "date"],
            "additionalProperties": False,
        },
    },
    "meeting": {"type": "integer", "minimum": 1, "x-kind": "meeting", "description": "a meeting number"},
    "fact": {"type": "string", "minLength": 1, "x-kind": "fact", "x-confirm": True,
             "description": "a number or count, as written; confirm it for the new text"},
}


def family_schema(clauses) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for clause in clauses:
        for name, kind in clause.kinds.items():
            properties.setdefault(name, PARAMETER_SCHEMAS[kind])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": dict(sorted(properties.items())),
        "additionalProperties": False,
    }


@lru_cache(maxsize=None)
def format_schema(name: str) -> dict[str, Any]:
    """The schema of a library file: "family" or "manifest" (shipped in drafter/data)."""
    text = resources.files("drafter.data").joinpath(f"library-{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def problems(schema: dict[str, Any], data: Any) -> list[tuple[list, str]]:
    """(path, message) of each way `data` fails `schema`, [] when it fits. A compiled validator
    (fastjsonschema) answers first; only data that fails is gone over by jsonschema, whose
    messages name each problem (so a valid answers file costs no jsonschema import)."""
    import fastjsonschema

    try:
        _compiled(json.dumps(_without_descriptions(schema), sort_keys=True))(data)
        return []
    except fastjsonschema.JsonSchemaException as fast:
        import jsonschema

        errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data),
                        key=lambda e: list(map(str, e.absolute_path)))
        if errors:
            return [(list(e.absolute_path), e.message) for e in errors]
        return [(list(fast.path or [])[1:], fast.message.removeprefix("data").lstrip(". "))]


@lru_cache(maxsize=256)
def _compiled(key: str):
    from drafter.library.validators import compiled

    return compiled(json.loads(key))


def _without_descriptions(schema: Any) -> Any:
    """A schema without its descriptions: what it accepts, so families that differ only in the
    words a person wrote about a parameter share one compiled validator."""
    if isinstance(schema, dict):
        return {k: _without_descriptions(v) for k, v in schema.items() if k != "description"}
    if isinstance(schema, list):
        return [_without_descriptions(v) for v in schema]
    return schema

