"""Values given on the command line: `--data KEY=VALUE`, as copier users know it.

KEY is a heading value (`symbol`, `agenda_item`, `sponsor`) or a clause parameter: `FAMILY.NAME`
for the parameter NAME of every clause of that family, or NAME alone when only one clause of the
draft has a parameter of that name. VALUE is written as a delegate writes it ("61" for a session,
"27 July 1995" for a date) and checked like a typed answer; a refusal names the key and says why.

Precedence, as copier documents it: --data over the answers file over what drafter works out.
"""

from __future__ import annotations

from dataclasses import replace

from drafter.assemble import questions, values
from drafter.assemble.draft import Draft
from drafter.errors import UsageError
from drafter.library.model import Library

HEADING = {"symbol": "draft_symbol", "agenda_item": "agenda_item", "sponsor": "sponsor"}


def pairs(items: list[str]) -> list[tuple[str, str]]:
    out = []
    for item in items:
        key, equals, raw = item.partition("=")
        if not equals or not key.strip():
            raise UsageError(f"--data {item}: write KEY=VALUE",
                             hint="e.g. --data symbol=A/C.2/60/L.12")
        out.append((key.strip(), raw))
    return out


def apply(draft: Draft, library: Library, given: list[tuple[str, str]]) -> Draft:
    for key, raw in given:
        if key in HEADING:
            draft = _heading(draft, key, raw)
        else:
            draft = _clauses(draft, library, key, raw)
    return draft


def _heading(draft: Draft, key: str, raw: str) -> Draft:
    value = _read(key, HEADING[key], raw, draft)
    return replace(draft, heading=replace(draft.heading, **{key: value}))


def _clauses(draft: Draft, library: Library, key: str, raw: str) -> Draft:
    family_id, _, name = key.rpartition(".")
    targets = [i for i, c in enumerate(draft.clauses)
               if name in c.values and (not family_id or c.family_id == family_id)]
    if not targets:
        raise UsageError(f"--data {key}: no such value in this draft", hint=_known(draft))
    if not family_id and len(targets) > 1:
        names = ", ".join(f"{draft.clauses[i].family_id}.{name}" for i in targets[:3])
        raise UsageError(f"--data {key}: {len(targets)} clauses have a value {name}; name the clause",
                         hint=f"e.g. {names}")
    for index in targets:
        clause = draft.clauses[index]
        kind = clause.kinds.get(name, "fact")
        value = _read(key, kind, raw, draft)
        reason = questions.check_value(questions.family_of(library, clause), name, kind, value, draft)
        if reason:
            raise UsageError(f"--data {key}={raw}: {reason}")
        draft = questions.set_value(draft, index, name, value)
    return draft


def _read(key: str, kind: str, raw: str, draft: Draft):
    try:
        return values.parse(kind, raw, questions.context(draft))
    except values.Refused as error:
        raise UsageError(f"--data {key}={raw}: {error}") from None


def _known(draft: Draft) -> str:
    keys = sorted({f"{c.family_id}.{n}" for c in draft.clauses for n in c.values})
    sample = ", ".join([*HEADING, *keys[:3]])
    return f"the keys are {sample}{', ...' if len(keys) > 3 else ''}"
