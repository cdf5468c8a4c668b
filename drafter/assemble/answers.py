"""The answers file: every choice a draft was made with, replayable.

`<output>.answers.yaml` records the library version, the base, the session, the heading, and each
clause in order (family, family version, variant, parameter values, whether it was added); clauses
new to the library carry their wording too, since the library cannot give it back. `--answers FILE`
reads it back: first against the answers format's JSON Schema, then against the library (unknown
family or variant, a value its family's schema refuses), each error naming the key it is about and
giving the reason in the words the prompts use (values.py). A value still unknown is written as
null and comes back as a placeholder. The draft written with the answers is recorded by name and
SHA-256 (`output`), so `drafter update` never replaces a draft someone has changed since.

Answers carry into another session: the clauses, their wordings, additions, drops and the sponsor
stay; sessions are stored as distances ("the next session") and move by themselves. What belonged
to the old session alone no longer applies and is reported: a document symbol of that session (the
draft's own symbol, a report it cited) goes back to a placeholder, and the agenda item, which is
numbered anew each session, is asked again.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from drafter import __version__
from drafter.assemble import naming, questions, values
from drafter.assemble.base import Base, Where
from drafter.assemble.draft import Draft, DraftClause, Heading, draft_symbol, organ_of
from drafter.errors import AnswersError
from drafter.library import emit, store
from drafter.library.model import Library, Variant
from drafter.library.schema import problems as schema_problems
from drafter.library.templates import Placeholder
from drafter.output import write_atomic

AGENDA_TO_FILL = "Agenda item …"


@lru_cache(maxsize=1)
def _format_schema() -> dict[str, Any]:
    return json.loads(resources.files("drafter.data").joinpath("answers.schema.json").read_text("utf-8"))


def to_data(draft: Draft, library: Library, written: tuple[str, bytes] | None = None) -> dict[str, Any]:
    """`written`: the name and bytes of the draft written with these answers, recorded by checksum."""
    data = {
        "drafter": __version__,
        "library_version": library.version,
        "library_sources": [source.number for source in library.sources],
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
    if written is not None:
        data["output"] = {"file": written[0], "sha256": checksum(written[1])}
    return data


def save(draft: Draft, library: Library, path: Path, force: bool = False,
         written: tuple[str, bytes] | None = None) -> Path:
    write_atomic(path, store.dump_yaml(to_data(draft, library, written)), force=force)
    return path


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
    data = _read_yaml(Path(path))
    if not isinstance(data, dict):
        raise AnswersError("not an answers file: " + ("it is empty" if data is None else "it holds no answers"),
                           path, hint=_hint(Path(path)))
    errors = schema_problems(_format_schema(), data)
    if errors:
        raise AnswersError(f"{_key(errors[0][0])}: {errors[0][1]}", path)
    return data


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise AnswersError(f"cannot read the answers file: {error.strerror or error}", path) from None
    except UnicodeDecodeError:
        text = "\x00"
    if "\x00" in text:
        # A draft (DOCX, PDF) given for its answers, most likely.
        raise AnswersError("not an answers file: it is not text", path, hint=_hint(path))
    try:
        return emit.load(text)
    except emit.NotYAML as error:
        raise AnswersError(error.message, path, error.line) from None


def _hint(path: Path) -> str:
    beside = path.with_name(path.name + ".answers.yaml")
    if beside.is_file():
        return f"its answers are in {beside}"
    return "give the .answers.yaml that drafter wrote beside the draft"


def _key(path) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(top)"


def apply(data: dict[str, Any], library: Library, base: Base, path: Path, session: int | None = None,
          notes: list[str] | None = None) -> Draft:
    """Rebuild the draft the answers describe, checking every clause against the library.

    With `session` other than the answers' own, the choices are carried into that session and
    what no longer applies is appended to `notes`."""
    if data["base"] != base.number:
        raise AnswersError(f"base: the answers are for {data['base']}, not {base.number}", path)
    old = data["session"]
    session = session or old
    notes = [] if notes is None else notes
    context = values.Context(old)
    _check_kinds({"symbol": data["heading"]["symbol"], "agenda_item": data["heading"]["agenda_item"]},
                 {"symbol": "draft_symbol", "agenda_item": "agenda_item"}, "heading", path, context)
    heading = _heading(data["heading"], base, old, session, notes)
    context = values.Context(session)
    clauses = [_clause(item, index, library, base, path, context) for index, item in enumerate(data["clauses"])]
    gone: list[tuple[int, str, str]] = []
    if session != old:
        clauses = [_carried(clause, index, old, gone) for index, clause in enumerate(clauses)]
    draft = Draft(base=base, session=session, heading=heading, clauses=clauses,
                  annexes=data.get("annexes"), refused=frozenset(data.get("no_edit", ())))
    notes += [f"{questions.label(draft, index)}: {naming.value_name('symbol')} {value} was a document of "
              f"session {old}; it is left to fill" for index, _, value in gone]
    return draft


def _heading(data: dict[str, Any], base: Base, old: int, session: int, notes: list[str]) -> Heading:
    symbol, item = data["symbol"], data["agenda_item"]
    if session != old:
        if "…" not in symbol and of_session(symbol, old):
            notes.append(f"heading: the draft symbol {symbol} was session {old}'s; "
                         f"{draft_symbol(base, session)} is left to fill")
            symbol = draft_symbol(base, session)
        elif "…" in symbol:
            symbol = draft_symbol(base, session)
        if item != AGENDA_TO_FILL:
            notes.append(f"heading: {item} was session {old}'s agenda item; agenda items are numbered "
                         "anew each session, so it is left to fill")
            item = AGENDA_TO_FILL
    return Heading(session=session, organ=organ_of(base.body), symbol=symbol, agenda_item=item,
                   sponsor=data.get("sponsor"))


def of_session(symbol: str, session: int) -> bool:
    """Is `symbol` a document of that session? A/C.2/60/L.12 and A/60/205 are of the 60th; a
    symbol numbered by year (E/2006/25) is of the years the session spans (2005-2006 for the 60th)."""
    marks = {str(session), str(1945 + session), str(1946 + session)}
    return any(part in marks for part in re.split(r"[/.]", symbol))


def _carried(clause: DraftClause, index: int, old: int, gone: list[tuple[int, str, str]]) -> DraftClause:
    """A clause of session `old`'s answers in the new session: its symbols of the old session go
    (each listed in `gone` as clause index, name, value)."""
    carried = dict(clause.values)
    for name, value in clause.values.items():
        if clause.kinds.get(name) == "symbol" and isinstance(value, str) and not isinstance(value, Placeholder) \
                and of_session(value, old):
            carried[name] = Placeholder.named(name)
            gone.append((index, name, value))
    return replace(clause, values=carried)


def _clause(item: dict[str, Any], index: int, library: Library, base: Base, path: Path,
            context: values.Context) -> DraftClause:
    where = f"clauses[{index}]"
    if "wording" in item:
        variant, kinds = _new_wording(item, where, base, path)
        version = None
        _check_kinds(item["values"], kinds, f"{where}.values", path, context)
    else:
        family = library.family(item["family"])
        if family is None:
            raise AnswersError(f"{where}.family: no family {item['family']!r} in the library "
                               f"(version {library.version})", path)
        variant = family.variant(item["variant"])
        if variant is None:
            raise AnswersError(f"{where}.variant: family {family.id} has no variant {item['variant']!r}", path)
        kinds = {name: family.schema["properties"][name]["x-kind"] for name in variant.parameters}
        _check_values(item["values"], family.schema, f"{where}.values", path, context)
        version = family.version
    missing = [name for name in variant.parameters if name not in item["values"]]
    if missing:
        raise AnswersError(f"{where}.values.{missing[0]}: missing (write null if it is still unknown)", path)
    values_ = {name: Placeholder.named(name) if value is None else value
               for name, value in item["values"].items() if name in variant.parameters}
    return DraftClause(kind=item["kind"], family_id=item["family"], family_version=version,
                       variant=variant, values=values_, kinds=kinds, added=item.get("added", False),
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


def _check_values(given: dict[str, Any], schema: dict[str, Any], where: str, path: Path,
                  context: values.Context) -> None:
    properties = schema.get("properties", {})
    for name in given:
        if name not in properties:
            raise AnswersError(f"{where}.{name}: not a parameter of this family", path)
    _check_kinds(given, {name: properties[name].get("x-kind", "fact") for name in given}, where, path, context)
    known = {k: v for k, v in given.items() if v is not None}
    errors = schema_problems(schema, known)
    if errors:
        name = next((str(p) for p in errors[0][0]), "")
        example = values.example(properties.get(name, {}).get("x-kind", "fact"), context)
        raise AnswersError(f"{where}.{name}: not accepted by this family (e.g. {example})", path)


def _check_kinds(given: dict[str, Any], kinds: dict[str, str], where: str, path: Path,
                 context: values.Context) -> None:
    """Each known value against its kind, with the reason the prompts would give."""
    for name, value in given.items():
        if value is None:
            continue
        reason = values.check(kinds.get(name, "fact"), value, context)
        if reason:
            shown = f"{value!r}: " if isinstance(value, (str, int)) else ""
            raise AnswersError(f"{where}.{name}: {shown}{reason}", path)
