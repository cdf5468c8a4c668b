"""What changed between the base and the draft, paragraph by paragraph, for a redline.

Each clause of the draft is paired with the base clause of the same family (first unused, in
order); base clauses left unpaired were dropped and stand, struck out, after the clause they
followed. Texts are filled for their own session: the base's as adopted, the draft's for the new
session, so a moved session shows as a change of words, exactly as a reviewer needs to see it.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.assemble.compose import to_resolution
from drafter.assemble.draft import Draft
from drafter.library.fill import fill
from drafter.model import Paragraph, Resolution


@dataclass(frozen=True)
class Change:
    kind: str                      # "preambular" | "operative"
    new: Paragraph | None          # None: dropped
    old: Paragraph | None          # None: added


def changes(draft: Draft) -> tuple[Resolution, list[Change]]:
    """The clean draft and its paragraphs paired with the base's."""
    clean = to_resolution(draft)
    new_paragraphs = list(clean.preamble) + list(clean.operative)
    base = draft.base
    olds = []
    for position, clause in enumerate(base.clauses):
        filled = fill(clause.variant, clause.values, base.session)
        olds.append((clause.family_id, clause.kind, filled.paragraph))
    used: set[int] = set()
    pairs: list[tuple[int | None, int | None]] = []          # (draft index, base index)
    for index, clause in enumerate(draft.clauses):
        match = next((j for j, (family, kind, _) in enumerate(olds)
                      if j not in used and family == clause.family_id and kind == clause.kind), None)
        if match is not None:
            used.add(match)
        pairs.append((index, match))
    out: list[Change] = []
    for index, match in pairs:
        _dropped_before(match, olds, used, out)
        old = olds[match][2] if match is not None else None
        out.append(Change(draft.clauses[index].kind, new_paragraphs[index], old))
    _dropped_before(len(olds), olds, used, out)
    return clean, out


def _dropped_before(limit: int | None, olds, used: set[int], out: list[Change]) -> None:
    """Base clauses not in the draft, up to base position `limit`, in their base order."""
    if limit is None:
        return
    for j in range(limit):
        if j not in used:
            used.add(j)
            family, kind, paragraph = olds[j]
            out.append(Change(kind, None, paragraph))
