"""Cross-references follow their paragraphs when paragraphs come, go or move.

"as requested in paragraph 16 above", "paragraphs 5 to 7 of the present resolution": when the
operative paragraphs are numbered anew, each number that names a paragraph of this resolution
becomes the number that paragraph now has. A number is renumbered only when it names one base
paragraph for certain (within the same part; not where the base numbers its sections from 1
again), and a paragraph that was dropped keeps its old number, for the drafter to see.
References to other documents ("paragraph 5 of resolution 75/1") are no cross-references.
"""

from __future__ import annotations

import re
from collections import defaultdict

from drafter.assemble.edits import Edit
from drafter.assemble.edits.rewrite import edit_texts

KIND = "cross-reference"
WHY = "the paragraph it names has a new number"
# How a resolution names its own paragraphs (English): "paragraph 16 above", "paragraphs 5 and 6
# below", "paragraphs 3 to 7 of the present resolution".
_REFERENCE = re.compile(
    r"\bparagraphs? (?P<numbers>\d+(?:(?:, | and | to |–|-)\d+)*)"
    r"(?= (?:above|below|of the present resolution|of this resolution|hereof)\b)")
_NUMBER = re.compile(r"\d+")


def apply(draft, pieces, numbers) -> list[Edit]:
    renumbered = _moves(draft, pieces, numbers)
    if not renumbered:
        return []
    out = []
    for index, piece in enumerate(pieces):
        top = piece.where.part
        moves = renumbered.get(top)
        if not moves:
            continue

        def cuts(text: str, moves=moves):
            found = []
            for match in _REFERENCE.finditer(text):
                for number in _NUMBER.finditer(match["numbers"]):
                    new = moves.get(int(number.group()))
                    if new is not None:
                        start = match.start("numbers") + number.start()
                        found.append((start, start + len(number.group()), str(new)))
            return found

        piece.paragraph, made = edit_texts(piece.paragraph, cuts)
        out += [Edit(KIND, index, f"paragraph {before}", f"paragraph {after}", WHY, place)
                for place, before, after in made]
    return out


def _moves(draft, pieces, numbers) -> dict[int | None, dict[int, int]]:
    """Per part: old number -> new number, for the base paragraphs whose number changed, where the
    old number names one paragraph of that part only."""
    named: dict[int | None, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for clause in draft.base.clauses:
        if clause.kind == "operative" and isinstance(clause.number, int):
            named[clause.where.part][clause.number].append(clause.number)
    out: dict[int | None, dict[int, int]] = {}
    for clause, number, piece in zip(draft.clauses, numbers, pieces):
        if clause.base_index is None or not isinstance(number, int):
            continue
        original = draft.base.clauses[clause.base_index]
        old = original.number
        if isinstance(old, int) and old != number and len(named[original.where.part][old]) == 1:
            out.setdefault(piece.where.part, {})[old] = number
    return out
