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
- a paragraph that ends with a colon keeps it wherever it stands: it introduces what follows it
  (a table, a declaration, a quoted text), and a move does not change that.

A draft moves, adds and drops clauses, so `compose.to_resolution` calls `punctuate` once, after the
clauses are in their final order. Only the final mark is touched: a text ending in a quotation that
closes with its own punctuation ("... Countries.”") is a quoted sentence and is left as written.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from drafter.model import Paragraph, Part, Resolution, Section, SubParagraph


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
    preamble, operative, sections = _body(resolution.preamble, resolution.operative, resolution.sections, marks)
    parts = tuple(_part(part, marks) for part in resolution.parts)
    return replace(resolution, preamble=preamble, operative=operative, sections=sections, parts=parts)


def _part(part: Part, marks: Marks) -> Part:
    preamble, operative, sections = _body(part.preamble, part.operative, part.sections, marks)
    return replace(part, preamble=preamble, operative=operative, sections=sections)


def _body(preamble, operative, sections, marks: Marks):
    """One resolution's body: the last operative paragraph of all (sections included) ends it."""
    last = _last_operative(operative, sections)
    preamble = tuple(_paragraph(p, marks.preambular, marks) for p in preamble)
    operative = tuple(_paragraph(p, marks.last if p is last else marks.operative, marks) for p in operative)
    sections = tuple(_section(s, last, marks) for s in sections)
    return preamble, operative, sections


def _section(section: Section, last: Paragraph | None, marks: Marks) -> Section:
    return replace(
        section,
        preamble=tuple(_paragraph(p, marks.preambular, marks) for p in section.preamble),
        operative=tuple(_paragraph(p, marks.last if p is last else marks.operative, marks)
                        for p in section.operative),
        sections=tuple(_section(s, last, marks) for s in section.sections))


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


def _paragraph(paragraph: Paragraph, end: str, marks: Marks) -> Paragraph:
    if not _is_text(paragraph):
        return paragraph
    if not paragraph.subparagraphs:
        return replace(paragraph, text=ending(paragraph.text, end, marks))
    subs, wrap_up = _subs(paragraph.subparagraphs, paragraph.wrap_up, end, marks)
    return replace(paragraph, text=ending(paragraph.text, marks.introduces, marks), subparagraphs=subs,
                   wrap_up=wrap_up)


def _subs(subs: tuple[SubParagraph, ...], wrap_up: str | None, end: str, marks: Marks):
    """Sub-paragraphs end with the operative mark, the last with `end`, unless closing words follow."""
    if wrap_up:
        return tuple(_sub(s, marks.operative, marks) for s in subs), ending(wrap_up, end, marks)
    out = tuple(_sub(s, end if i == len(subs) - 1 else marks.operative, marks) for i, s in enumerate(subs))
    return out, wrap_up


def _sub(sub: SubParagraph, end: str, marks: Marks) -> SubParagraph:
    if not sub.subparagraphs:
        return replace(sub, text=ending(sub.text, end, marks))
    subs, wrap_up = _subs(sub.subparagraphs, sub.wrap_up, end, marks)
    return replace(sub, text=ending(sub.text, marks.introduces, marks), subparagraphs=subs, wrap_up=wrap_up)


def ending(text: str, end: str, marks: Marks = MARKS) -> str:
    """`text` ending with `end`: its final mark replaced, or `end` added after the last word.

    Footnote offsets stay valid: a mark replaced keeps the length, and a mark added goes after the
    text, where a footnote at the very end still follows the words it belongs to."""
    body = text.rstrip()
    tail = text[len(body):]
    if not body:
        return text
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
