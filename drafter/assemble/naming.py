"""How a clause is named to the drafter: by its kind and number as the draft prints them.

One naming for every message of a run (the prompt, the summary, undo labels, the lists printed
after writing, the notes on answers carried into another session), so that "operative 3" is the
paragraph the draft prints as "3.", and a footnote is the number the document gives it:

    operative 3                   a numbered operative paragraph, by the number it is printed with
    preambular 2                  preambular paragraphs, unnumbered in print, counted in order
    operative 2 in section IV     in a resolution divided into sections (the heading's label)
    preambular 1 in part B        in a resolution of parts A, B, ... (each numbered on its own)
    operative (unnumbered, after 12)   a paragraph the base leaves unnumbered among numbered ones
    the operative paragraph       the only one, which the Editorial Manual leaves unnumbered

Never a family id or a parameter name: a value is named by what it is ("the document symbol").
A clause's footnotes are given by the document's numbers, which only the composed draft knows, so
`names(draft)` composes it once (and keeps the last few drafts named, by what they hold, since
the flow asks about the same draft many times).
"""

from __future__ import annotations

from dataclasses import fields
from operator import attrgetter

from drafter.assemble import values
from drafter.assemble.base import Where
from drafter.assemble.compose import Composed, compose
from drafter.assemble.draft import Draft, DraftClause, Heading
from drafter.model import FootnoteRef, Paragraph, Resolution
from drafter.records import dataclass


@dataclass(frozen=True)
class Names:
    """How every clause of one draft is named, and its footnotes numbered, as the draft prints them."""

    labels: tuple[str, ...]                    # by clause index: "operative 3", "preambular 2 in part B"
    notes: tuple[dict[str, str], ...]          # by clause index: its own note number -> the document's


def names(draft: Draft, composed: Composed | None = None) -> Names:
    """The draft's clauses named; `composed`, when the caller has composed the draft already
    (`drafter new` composes it to write it, then names its clauses in the lists it prints: one
    compose, not two)."""
    state = _state(draft)
    for known, found in _named:
        if known == state:
            return found
    found = _names(draft, composed if composed is not None else compose(draft))
    _named.insert(0, (state, found))
    del _named[4:]
    return found


# The drafts named last, by what they held when named: a Draft is a mutable dataclass, so one
# changed in place (draft.annexes = [], a clause's values) is named again, never from the memo.
# Naming composes the draft (~5 ms, 58/208); a run asks ~70 times (325 ms unmemoised; the key
# costs ~15 us a call).
_named: list[tuple[tuple, Names]] = []


def _state(draft: Draft) -> tuple:
    """What `draft` holds: every field of it, of its heading and of its clauses (a field given a new
    value shows), and copies of its lists and of the clauses' dicts (an item added, dropped or set
    shows; a value is set whole, never changed inside, by drafter)."""
    return (_fields(draft), _fields(draft.heading), None if draft.annexes is None else tuple(draft.annexes),
            tuple((_fields(c), tuple(c.values.items()), tuple(c.kinds.items())) for c in draft.clauses))


def _fields(value) -> tuple:
    return _FIELDS[type(value)](value)


_FIELDS = {kind: attrgetter(*(f.name for f in fields(kind))) for kind in (Draft, DraftClause, Heading)}


def _names(draft: Draft, composed: Composed) -> Names:
    base = draft.base.resolution
    labels: list[str] = []
    preambular: dict[Where, int] = {}
    last_number: dict[int | None, str] = {}
    single = sum(1 for c in draft.clauses if c.kind == "operative") == 1
    for index, clause in enumerate(draft.clauses):
        where = composed.pieces[index].where
        if clause.kind == "preambular":
            preambular[where] = preambular.get(where, 0) + 1
            name = f"preambular {preambular[where]}"
        else:
            name = _operative(composed.numbers[index], single, last_number.get(where.part))
            if composed.numbers[index] is not None:
                last_number[where.part] = str(composed.numbers[index])
        labels.append(name + _place(base, where))
    notes = tuple(_note_numbers(composed.pieces[index].paragraph, composed.paragraphs[index])
                  for index in range(len(draft.clauses)))
    return Names(tuple(labels), notes)


def _operative(number: int | str | None, single: bool, before: str | None) -> str:
    if number is not None:
        return f"operative {number}"
    if single:
        return "the operative paragraph"
    return f"operative (unnumbered, after {before})" if before else "operative (unnumbered, first)"


def _place(base: Resolution | None, where: Where) -> str:
    """" in part B", " in section IV.B": where a clause stands, when the base is divided."""
    if base is None:
        return ""
    holder, pieces = base, []
    if where.part is not None and where.part < len(base.parts):
        holder = base.parts[where.part]
        pieces.append(f"part {holder.label}")
    labels = []
    for index in where.sections:
        if index >= len(holder.sections):
            break
        holder = holder.sections[index]
        labels.append((holder.label or str(index + 1)).rstrip("."))
    if labels:
        pieces.append(f"section {'.'.join(labels)}")
    return f" in {', '.join(pieces)}" if pieces else ""


def _note_numbers(own: Paragraph, printed: Paragraph) -> dict[str, str]:
    """The clause's note markers ("1", "2": its wording's own) -> the numbers the document prints."""
    return {ref.marker: done.marker for ref, done in zip(_refs(own), _refs(printed))}


def _refs(item) -> list[FootnoteRef]:
    out = list(item.footnotes)
    for sub in item.subparagraphs:
        out += _refs(sub)
    out += list(item.wrap_up_footnotes)
    table = getattr(item, "table", None)
    if table is not None:
        out += [ref for row in table.rows for cell in row for ref in cell.footnotes]
    return out


def label(draft: Draft, index: int) -> str:
    """"operative 3" for clause `index`, as the draft prints it."""
    return names(draft).labels[index]


def note(draft: Draft, index: int, number: int) -> str:
    """The document's number for footnote `number` of clause `index`'s wording."""
    return names(draft).notes[index].get(str(number), str(number))


def value_name(kind: str) -> str:
    """A value by what it is, for "changed the document symbol in operative 1"."""
    return values.kind(kind).called
