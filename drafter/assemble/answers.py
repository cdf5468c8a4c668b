"""The answers file: every choice a draft was made with, replayable.

`<output>.answers.yaml` records the library version, the base, the session, the heading, and each
clause in order (family, family version, variant, parameter values, whether it was added); clauses
new to the library carry their wording too, since the library cannot give it back. `--answers FILE`
reads it back: first against the answers format's JSON Schema, then against the library (unknown
family or variant, a value its family's schema refuses), each error naming the key it is about.
A value still unknown is written as null and comes back as a placeholder.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from drafter import __version__
from drafter.assemble.base import Base, Where
from drafter.assemble.draft import Draft, DraftClause, Heading, organ_of
from drafter.errors import AnswersError
from drafter.library.model import Library, Variant
from drafter.library.schema import problems as schema_problems
from drafter.library.templates import Placeholder


@lru_cache(maxsize=1)
def _format_schema() -> dict[str, Any]:
    return json.loads(resources.files("drafter.data").joinpath("answers.schema.json").read_text("utf-8"))


def to_data(draft: Draft, library: Library) -> dict[str, Any]:
    data = {
        "drafter": __version__,
        "library_version": library.version,
        "base": draft.base.number,
        "session": draft.session,
        "heading": {"symbol": draft.heading.symbol, "agenda_item": draft.heading.agenda_item,
                    "sponsor": draft.heading.sponsor},
        "clauses": [_clause_data(clause) for clause in draft.clauses],
    }
    if draft.refused:
        data["no_edit"] = sorted(draft.refused)
    if draft.annexes is not None:
        data["annexes"] = list(draft.annexes)
    return data


def _clause_data(clause: DraftClause) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": clause.kind,
        "family": clause.family_id,
        "family_version": clause.family_version,
        "variant": clause.variant.id,
        "values": {k: (None if isinstance(v, Placeholder) else v) for k, v in clause.values.items()},
        "added": clause.added,
    }
    if clause.base_index is not None:
        data["from_base"] = clause.base_index
    if clause.where is not None:
        data["where"] = clause.where.to_data()
    if clause.new_to_library:
        data["wording"] = {**clause.variant.to_dict(), "kinds": dict(clause.kinds)}
        for key in ("id", "status", "sources"):
            data["wording"].pop(key)
    return data


def load(path: Path) -> dict[str, Any]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise AnswersError(f"cannot read the answers file: {error.strerror or error}", path) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise AnswersError(f"not valid YAML: {getattr(error, 'problem', error)}", path,
                           mark.line + 1 if mark else None) from None
    errors = schema_problems(_format_schema(), data)
    if errors:
        raise AnswersError(f"{_key(errors[0][0])}: {errors[0][1]}", path)
    return data


def _key(path) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(top)"


def apply(data: dict[str, Any], library: Library, base: Base, path: Path) -> Draft:
    """Rebuild the draft the answers describe, checking every clause against the library."""
    if data["base"] != base.number:
        raise AnswersError(f"base: the answers are for {data['base']}, not {base.number}", path)
    heading = data["heading"]
    draft_heading = Heading(session=data["session"], organ=organ_of(base.body), symbol=heading["symbol"],
                            agenda_item=heading["agenda_item"], sponsor=heading.get("sponsor"))
    clauses = [_clause(item, index, library, base, path) for index, item in enumerate(data["clauses"])]
    return Draft(base=base, session=data["session"], heading=draft_heading, clauses=clauses,
                 annexes=data.get("annexes"), refused=frozenset(data.get("no_edit", ())))


def _clause(item: dict[str, Any], index: int, library: Library, base: Base, path: Path) -> DraftClause:
    where = f"clauses[{index}]"
    if "wording" in item:
        variant, kinds = _new_wording(item, where, base, path)
        version = None
    else:
        family = library.family(item["family"])
        if family is None:
            raise AnswersError(f"{where}.family: no family {item['family']!r} in the library "
                               f"(version {library.version})", path)
        variant = family.variant(item["variant"])
        if variant is None:
            raise AnswersError(f"{where}.variant: family {family.id} has no variant {item['variant']!r}", path)
        kinds = {name: family.schema["properties"][name]["x-kind"] for name in variant.parameters}
        _check_values(item["values"], family.schema, f"{where}.values", path)
        version = family.version
    missing = [name for name in variant.parameters if name not in item["values"]]
    if missing:
        raise AnswersError(f"{where}.values.{missing[0]}: missing (write null if it is still unknown)", path)
    values = {name: Placeholder.named(name) if value is None else value
              for name, value in item["values"].items() if name in variant.parameters}
    return DraftClause(kind=item["kind"], family_id=item["family"], family_version=version,
                       variant=variant, values=values, kinds=kinds, added=item.get("added", False),
                       where=Where.from_data(item["where"]) if "where" in item else None,
                       base_index=_from_base(item, where, base, path))


def _from_base(item: dict[str, Any], where: str, base: Base, path: Path) -> int | None:
    """The base paragraph a clause was carried from: it must be one of the base's, of its kind."""
    index = item.get("from_base")
    if index is None:
        return None
    if index >= len(base.clauses) or base.clauses[index].kind != item["kind"]:
        raise AnswersError(f"{where}.from_base: {base.number} has no {item['kind']} paragraph at {index}", path)
    return index


def _new_wording(item: dict[str, Any], where: str, base: Base, path: Path) -> tuple[Variant, dict[str, str]]:
    wording = dict(item["wording"])
    kinds = wording.pop("kinds", {})
    try:
        variant = Variant.from_dict({**wording, "id": item["variant"], "status": "active", "sources": []})
    except (KeyError, TypeError) as error:
        raise AnswersError(f"{where}.wording: incomplete ({error})", path) from None
    return variant, kinds


def _check_values(values: dict[str, Any], schema: dict[str, Any], where: str, path: Path) -> None:
    known = {k: v for k, v in values.items() if v is not None}
    for name in values:
        if name not in schema.get("properties", {}):
            raise AnswersError(f"{where}.{name}: not a parameter of this family", path)
    for name, value in known.items():
        errors = schema_problems(schema["properties"][name], value)
        if errors:
            key = ".".join(str(p) for p in [name, *errors[0][0]])
            raise AnswersError(f"{where}.{key}: {errors[0][1]}", path)
