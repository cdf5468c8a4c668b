"""JSON Schema validators, compiled once and kept compiled across runs.

fastjsonschema turns a schema into Python source and compiles it, a few milliseconds a schema,
which every draft paid a dozen times (its answers file, and each family whose values it checks).
The compiled code is kept in drafter's cache (drafter/cache.py) as Python keeps a module's
bytecode: under a hash of the schema, fastjsonschema's version and Python's bytecode version, so
another schema, fastjsonschema or Python compiles again. An entry that does not load as a
validator is compiled again and replaced.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from types import CodeType
from typing import Any

from drafter import cache


def compiled(schema: dict[str, Any]) -> Callable[[Any], Any]:
    """fastjsonschema.compile(schema), from the cache when it is there."""
    import fastjsonschema

    entry = cache.code_entry("validators", f"{json.dumps(schema, sort_keys=True)}\n{fastjsonschema.VERSION}")
    cached = _load(cache.read_code(entry))
    try:
        validator = _define(*cached) if cached else None
    except Exception:                # a cached entry that does not run is compiled again
        validator = None
    if not callable(validator):
        made = _compile(schema)
        cache.keep_code(entry, made)
        validator = _define(*made)
    return validator


def _define(name: str, code: CodeType) -> Callable[[Any], Any] | None:
    """The validator the code defines, run as fastjsonschema.compile runs it."""
    namespace: dict[str, Any] = {}
    exec(code, namespace)
    return namespace.get(name)


def _compile(schema: dict[str, Any]) -> tuple[str, CodeType]:
    """The name of the validating function, and the code that defines it."""
    import fastjsonschema
    from fastjsonschema.ref_resolver import RefResolver

    name = RefResolver.from_schema(schema).get_scope_name()
    return name, compile(fastjsonschema.compile_to_code(schema), f"<validator {name}>", "exec")


def _load(found: Any) -> tuple[str, CodeType] | None:
    if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], str) and isinstance(found[1], CodeType):
        return found
    return None
