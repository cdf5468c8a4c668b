"""Changing words inside a filled paragraph without losing what stands at an offset in it.

A paragraph of the model keeps its footnote markers (`FootnoteRef.at`), its italics (`Span`) and its
lead (a prefix of the text) as offsets in its text. `rewrite` replaces spans of the text and moves
every offset with it, so an edit never shifts a footnote onto the wrong word. `follow` carries
offsets from one wording of a text to another (the base as adopted -> the same text for the new
session), by the characters the two share.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

from drafter.model import FootnoteRef, Span

Cut = tuple[int, int, str]          # (start, end, new text): text[start:end] becomes new text


def rewrite_text(text: str, cuts: list[Cut]) -> tuple[str, callable]:
    """The text with `cuts` made (they must not overlap) and a function taking an offset in the
    old text to the new one. An offset at the start of a cut stays before the new text (a note on
    the word before an insertion stays on it); one inside a replaced span goes to its end."""
    cuts = sorted(cuts)
    out, position = [], 0
    for start, end, new in cuts:
        out.append(text[position:start])
        out.append(new)
        position = end
    out.append(text[position:])

    def moved(offset: int) -> int:
        delta = 0
        for start, end, new in cuts:
            if offset <= start:
                break
            if offset < end:
                return start + delta + len(new)
            delta += len(new) - (end - start)
        return offset + delta

    return "".join(out), moved


def rewrite(item, cuts: list[Cut]):
    """A Paragraph or SubParagraph with `cuts` made in its text; notes, italics and lead follow."""
    if not cuts:
        return item
    text, moved = rewrite_text(item.text, cuts)
    changes = {"text": text,
               "footnotes": tuple(FootnoteRef(f.marker, moved(f.at)) for f in item.footnotes),
               "italics": tuple(Span(moved(s.start), moved(s.end)) for s in item.italics)}
    lead = getattr(item, "lead", None)
    if lead and item.text.startswith(lead):
        changes["lead"] = text[:moved(len(lead))]
    return replace(item, **changes)


def follow(old: str, new: str):
    """A function taking an offset in `old` to the same place in `new`, by their common characters."""
    if old == new:
        return lambda offset: offset
    blocks = difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()

    def moved(offset: int) -> int:
        for a, b, size in blocks:
            if a <= offset <= a + size:
                return b + (offset - a)
            if offset < a:
                return b
        return len(new)

    return moved


def follow_spans(old: str, new: str, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    if not spans:
        return spans
    moved = follow(old, new)
    out = tuple(Span(moved(s.start), moved(s.end)) for s in spans)
    return tuple(s for s in out if s.end > s.start)


def edit_texts(paragraph, cuts_for) -> tuple:
    """A paragraph with `cuts_for(text)` made in its text, its sub-paragraphs and its closing words;
    also the list of (place, before, after) of every cut, for the list of edits."""
    made: list[tuple[str, str, str]] = []

    def one(item, place: str):
        cuts = cuts_for(item.text)
        made.extend((place, item.text[s:e], new) for s, e, new in cuts)
        item = rewrite(item, cuts)
        subs = tuple(one(sub, f"sub-paragraph ({sub.label})") for sub in item.subparagraphs)
        changes = {"subparagraphs": subs}
        if item.wrap_up:
            cuts = cuts_for(item.wrap_up)
            made.extend(("closing words", item.wrap_up[s:e], new) for s, e, new in cuts)
            text, moved = rewrite_text(item.wrap_up, cuts)
            changes.update(wrap_up=text,
                           wrap_up_footnotes=tuple(FootnoteRef(f.marker, moved(f.at)) for f in item.wrap_up_footnotes))
        return replace(item, **changes)

    return one(paragraph, "text"), made


def edit_notes(notes: list[str], cuts_for) -> list[str]:
    """Footnote texts with `cuts_for(text)` made in each (a note holds no offsets of its own)."""
    return [rewrite_text(note, cuts_for(note))[0] for note in notes]
