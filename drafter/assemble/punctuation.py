"""Punctuation by position: how each paragraph of a resolution ends depends on where it stands.

The Editorial Manual's rule, which the General Assembly's resolutions of sessions 75-80 follow in
all but a handful of damaged paragraphs (tests/test_punctuation.py measures it on the corpus):

- a preambular paragraph ends with a comma;
- an operative paragraph ends with a semicolon, the last one of the body with a full stop (in a
  body divided into sections, only the last paragraph of the last section; each part A, B, ... is
  a resolution of its own and ends with its own full stop);
- a paragraph that introduces sub-paragraphs ends with a colon; the sub-paragraphs end with
  semicolons and the last one ends as the paragraph would have ended (a sub-paragraph that
  introduces sub-paragraphs of its own is treated the same way, one level down);
- closing words after the sub-paragraphs (`wrap_up`) carry the paragraph's ending instead;
- a preambular paragraph's sub-paragraphs end with commas, as the paragraph does (all 33 of the
  corpus's);
- a paragraph that ends with a colon keeps it wherever it stands: it introduces what follows it
  (a table, a declaration, a quoted text), and a move does not change that.

A draft moves, adds and drops clauses, so `compose.to_resolution` calls `punctuate_with` once, after
the clauses are in their final order. Only the final mark is touched: a text ending in a quotation
that closes with its own punctuation ("... Countries.”") is a quoted sentence, and a line without a
word ("* * *") is no sentence at all; both are left as written.

Only what position decides is rewritten. A paragraph carried from the base whose ending there is
not the one its position gave it ends so for a reason of its own, and keeps it wherever it goes:
an unnumbered paragraph among numbered ones ("Recalls ... 25,472,300 dollars," before the
paragraphs it introduces, 78/253 section XXVI), a table's note read as a paragraph
("Abbreviations: ... (Principal level)."), sub-paragraphs that are items of their own (the agenda
of a congress, each item ending "."). So a draft whose order is unchanged ends every paragraph as
its base does (tests/test_punctuation.py; benchmarks/bench_punctuation.py on the whole corpus).
"""

from __future__ import annotations

from dataclasses import replace

from drafter.model import Paragraph, Part, Resolution, Section, SubParagraph
from drafter.records import dataclass


@dataclass(frozen=True)
class Marks:
    """The marks of one language's resolutions; English (and French, Spanish, Russian) use these."""

    preambular: str = ","
    operative: str = ";"
    last: str = "."
    introduces: str = ":"
    ending: str = ",;.:"                     # the marks that may be replaced
    closers: str = "”’\")]"                  # closing quotes and brackets a mark may follow
    conjunctions: tuple[str, ...] = ("and", "or")   # "(b) ...; and": the item before the last


MARKS = Marks()


def punctuate(resolution: Resolution, marks: Marks = MARKS) -> Resolution:
    return _Pass(marks).resolution(resolution)


def punctuate_with(resolution: Resolution, paragraphs: list[Paragraph], marks: Marks = MARKS,
                   base: Resolution | None = None,
                   origins: list[Paragraph | None] = ()) -> tuple[Resolution, list[Paragraph]]:
    """The resolution punctuated, and `paragraphs` (objects of that resolution) as they now stand.

    `origins[i]`, where given, is the paragraph of `base` that `paragraphs[i]` was carried from:
    each of its endings that the base does not give by position stays as it is."""
    kept: dict[int, _Kept] = {}
    if base is not None:
        positional = _Pass(marks)
        positional.resolution(base)
        for paragraph, origin in zip(paragraphs, origins):
            if origin is not None and id(origin) in positional.changed:
                kept[id(paragraph)] = _kept(origin, positional.changed[id(origin)])
    done = _Pass(marks, kept)
    out = done.resolution(resolution)
    return out, [done.changed.get(id(p), p) for p in paragraphs]


@dataclass(frozen=True)
class _Kept:
    """Which endings of a paragraph (its text, its closing words, each sub-paragraph's) its base
    gives otherwise than by position."""

    text: bool
    wrap_up: bool
    subs: tuple[_Kept, ...]


def _kept(original: Paragraph | SubParagraph, positional: Paragraph | SubParagraph) -> _Kept:
    return _Kept(original.text != positional.text, original.wrap_up != positional.wrap_up,
                 tuple(_kept(o, p) for o, p in zip(original.subparagraphs, positional.subparagraphs)))


def _restore(new, old, kept: _Kept):
    """`new` (punctuated) with the endings `kept` names as `old` (not yet punctuated) has them."""
    subs = list(new.subparagraphs)
    for index, (sub, sub_kept) in enumerate(zip(old.subparagraphs, kept.subs)):
        if index < len(subs):
            subs[index] = _restore(subs[index], sub, sub_kept)
    return replace(new, text=old.text if kept.text else new.text, subparagraphs=tuple(subs),
                   wrap_up=old.wrap_up if kept.wrap_up else new.wrap_up)


class _Pass:
    """One punctuation of a resolution; `changed` maps each paragraph object to its new self;
    `kept` (by paragraph object) the endings to leave as they are."""

    def __init__(self, marks: Marks, kept: dict[int, _Kept] | None = None) -> None:
        self.marks = marks
        self.kept = kept or {}
        self.changed: dict[int, Paragraph] = {}

    def resolution(self, resolution: Resolution) -> Resolution:
        preamble, operative, sections = self.body(resolution.preamble, resolution.operative, resolution.sections)
        parts = tuple(self.part(part) for part in resolution.parts)
        return replace(resolution, preamble=preamble, operative=operative, sections=sections, parts=parts)

    def part(self, part: Part) -> Part:
        preamble, operative, sections = self.body(part.preamble, part.operative, part.sections)
        return replace(part, preamble=preamble, operative=operative, sections=sections)

    def body(self, preamble, operative, sections):
        """One resolution's body: the last operative paragraph of all (sections included) ends it."""
        last = _last_operative(operative, sections)
        return (*self.paragraphs(preamble, operative, last), tuple(self.section(s, last) for s in sections))

    def section(self, section: Section, last: Paragraph | None) -> Section:
        preamble, operative = self.paragraphs(section.preamble, section.operative, last)
        return replace(section, preamble=preamble, operative=operative,
                       sections=tuple(self.section(s, last) for s in section.sections))

    def paragraphs(self, preamble, operative, last):
        marks = self.marks
        return (tuple(self.paragraph(p, marks.preambular, marks.preambular) for p in preamble),
                tuple(self.paragraph(p, marks.last if p is last else marks.operative, marks.operative)
                      for p in operative))

    def paragraph(self, paragraph: Paragraph, end: str, item: str) -> Paragraph:
        """`end`: the paragraph's own ending; `item`: the ending of each sub-paragraph but the last."""
        new = _paragraph(paragraph, end, item, self.marks)
        if id(paragraph) in self.kept:
            new = _restore(new, paragraph, self.kept[id(paragraph)])
        self.changed[id(paragraph)] = new
        return new


def _last_operative(operative, sections) -> Paragraph | None:
    for section in reversed(sections):
        found = _last_operative(section.operative, section.sections)
        if found is not None:
            return found
    return next((p for p in reversed(operative) if _is_text(p)), None)


def _is_text(paragraph: Paragraph) -> bool:
    """Headings and tables are not sentences of the resolution; a paragraph that introduces a
    table keeps the ending it has."""
    return bool(paragraph.text) and paragraph.style != "heading" and paragraph.table is None


def _paragraph(paragraph: Paragraph, end: str, item: str, marks: Marks) -> Paragraph:
    if not _is_text(paragraph):
        return paragraph
    return _sub(paragraph, end, item, marks)


def _subs(subs: tuple[SubParagraph, ...], wrap_up: str | None, end: str, item: str, marks: Marks):
    """Sub-paragraphs end with `item`, the last with `end`, unless closing words follow."""
    if wrap_up:
        return tuple(_sub(s, item, item, marks) for s in subs), ending(wrap_up, end, marks)
    out = tuple(_sub(s, end if i == len(subs) - 1 else item, item, marks) for i, s in enumerate(subs))
    return out, wrap_up


def _sub(sub, end: str, item: str, marks: Marks):
    """A paragraph or sub-paragraph ending with `end`, or introducing its own sub-paragraphs."""
    if not sub.subparagraphs:
        return replace(sub, text=ending(sub.text, end, marks))
    subs, wrap_up = _subs(sub.subparagraphs, sub.wrap_up, end, item, marks)
    return replace(sub, text=ending(sub.text, marks.introduces, marks), subparagraphs=subs, wrap_up=wrap_up)


def ending(text: str, end: str, marks: Marks = MARKS) -> str:
    """`text` ending with `end`: its final mark replaced, or `end` added after the last word.

    Footnote offsets stay valid: a mark replaced keeps the length, and a mark added goes after the
    text, where a footnote at the very end still follows the words it belongs to."""
    body = text.rstrip()
    tail = text[len(body):]
    if not any(character.isalnum() for character in body):
        return text                     # "* * *" and the like: a separator, not a sentence
    words = body.rsplit(None, 1)
    if len(words) == 2 and words[1] in marks.conjunctions and words[0][-1:] in marks.ending:
        return text                     # "...; and" joins this item to the next one
    if body[-1] == marks.introduces:
        return text                     # "Adopts the following declaration:": what follows is its own
    if body[-1] in marks.ending:
        return body[:-1] + end + tail
    closed = body.rstrip(marks.closers)
    if closed != body and closed[-1:] in marks.ending + "?!":
        return text                     # a quoted sentence with its own punctuation
    if body[-1] in "?!…":
        return text
    return body + end + tail
