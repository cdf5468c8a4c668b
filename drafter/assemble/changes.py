"""What changed between the base and the draft, paragraph by paragraph, for a redline.

Each clause of the draft carried from the base is paired with the base paragraph it came from
(`DraftClause.base_index`); base paragraphs the draft no longer has were dropped and stand, struck
out, where they stood: after the paragraph they followed in the base. The base's paragraph is as
adopted (read from its file), the draft's as composed for the new session, so every automatic edit
(a moved session, the series list, terminology, a renumbered cross-reference, a lead adverb) shows
as a change of words, exactly as a reviewer needs to see it.

The list is in document order. `Change.where` says in which part and section a paragraph stands
(the headings themselves are in the clean draft's and the base's `Resolution`, at the same place),
and `Change.edits` lists the automatic edits made in it, for a renderer that annotates them.
"""

from __future__ import annotations

from dataclasses import field

from drafter.assemble.base import Where
from drafter.assemble.compose import compose
from drafter.assemble.draft import Draft
from drafter.assemble.edits import Edit
from drafter.library.fill import fill
from drafter.model import Paragraph, Resolution
from drafter.records import dataclass


@dataclass(frozen=True)
class Change:
    kind: str                      # "preambular" | "operative"
    new: Paragraph | None          # None: dropped
    old: Paragraph | None          # None: added
    where: Where = field(default_factory=Where)
    edits: tuple[Edit, ...] = ()


def changes(draft: Draft) -> tuple[Resolution, list[Change]]:
    """The clean draft and its paragraphs paired with the base's."""
    composed = compose(draft)
    clean = composed.resolution
    new_paragraphs = composed.paragraphs
    olds = [_old(draft, clause) for clause in draft.base.clauses]
    used = {c.base_index for c in draft.clauses if c.base_index is not None and 0 <= c.base_index < len(olds)}
    out: list[Change] = []
    shown: set[int] = set()
    for index, clause in enumerate(draft.clauses):
        match = clause.base_index if clause.base_index in used else None
        if match is not None:
            _dropped_before(match, draft, olds, used, shown, out)
        edits = tuple(e for e in composed.edits if e.clause == index)
        old = olds[match] if match is not None else None
        out.append(Change(clause.kind, new_paragraphs[index], old, composed.pieces[index].where, edits))
    _dropped_before(len(olds), draft, olds, used, shown, out)
    return clean, out


def _old(draft: Draft, clause) -> Paragraph:
    if clause.paragraph is not None:
        return clause.paragraph
    return fill(clause.variant, clause.values, draft.base.session, clause.number).paragraph


def _dropped_before(limit: int, draft: Draft, olds, used: set[int], shown: set[int], out: list[Change]) -> None:
    """Base paragraphs not in the draft, before base position `limit`, in their base order."""
    for j in range(limit):
        if j not in used and j not in shown:
            shown.add(j)
            clause = draft.base.clauses[j]
            out.append(Change(clause.kind, None, olds[j], clause.where))
