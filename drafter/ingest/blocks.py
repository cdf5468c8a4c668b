"""What the DOCX and PDF readers hand to the structure reader: a document as paragraph blocks.

Both readers see the page, not the resolution: paragraphs of text with italic runs, footnote
references where they stand, a numbering the word processor added, whether a paragraph is set as a
heading (centred or bold throughout), tables, and the notes' texts. `drafter.ingest.structure` turns
that into a `Resolution` (title, formula, parts, sections, paragraphs, closing, annexes).

Promises to the structure reader (tests/test_ingest_docx.py, tests/test_ingest_pdf.py):
- `Block.text` is one clean line: single spaces, no leading or trailing space, no-break spaces
  (U+00A0) and non-breaking hyphens (U+2011) kept; footnote markers are out of it and in `refs`,
  each `at` the offset where the marker stood; `italics` are offsets in `text`;
- a numbering the text does not contain (Word's automatic "1.", "(a)") is in `label`, as printed;
- blocks are in reading order, page furniture (running headers, footers, page numbers, job numbers)
  left out; `masthead` holds the lines where a masthead sits (a first-page header, the cells of a
  masthead table), in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.model import FootnoteRef, Span, Table

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff"
                      r"\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad]")
_RUNS_OF_SPACE = re.compile(r"[ \t\r\n\u2002\u2003\u2009\u200a\u3000]+")


@dataclass
class Block:
    text: str
    italics: list[Span] = field(default_factory=list)
    refs: list[FootnoteRef] = field(default_factory=list)
    label: str | None = None        # automatic numbering, as printed: "1.", "(a)"
    heading: bool = False           # centred or bold throughout: a heading, not running text
    bold: bool = False
    centred: bool = False
    right: bool = False             # set flush right (a closing "78th plenary meeting")
    indent: float = 0.0             # where the text stands, in points from the left margin (DOCX:
                                    # left and first-line indents; PDF: the first line); 0 unknown
    table: Table | None = None
    cell_lines: list[str] = field(default_factory=list)   # a table's paragraphs, for a masthead table
    page: int | None = None         # where it starts, for messages
    break_before: bool = False      # a page break stands before it
    look: tuple = ()                # how it is set (style, size, weight, alignment): heading levels
    tab_at: int | None = None       # where a tab (or a tab's wide gap) first stood: "A<tab>Heading"


@dataclass
class Note:
    text: str
    italics: list[Span] = field(default_factory=list)


@dataclass
class Document:
    blocks: list[Block]
    notes: dict[str, Note] = field(default_factory=dict)
    masthead: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    format: str = "docx"


class TextBuilder:
    """Pieces of text in, one clean line out, with italics and footnote references at their offsets.

    Spaces are collapsed as the text is built, so offsets never need moving afterwards."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.italic: list[bool] = []
        self.refs: list[FootnoteRef] = []
        self.tab_at: int | None = None

    def tab(self) -> None:
        """A tab: a space in the text, its place remembered (a label stands before it)."""
        if self.tab_at is None and self.chars:
            self.tab_at = len(self.chars)
        self.add(" ")

    def add(self, text: str, italic: bool = False) -> None:
        for char in _CONTROL.sub("", text):
            if _RUNS_OF_SPACE.fullmatch(char):
                if not self.chars or self.chars[-1] == " ":
                    continue
                char = " "
            self.chars.append(char)
            self.italic.append(italic and char != " ")

    def note(self, marker: str) -> None:
        self.refs.append(FootnoteRef(marker, len(self.chars)))

    def __len__(self) -> int:
        return len(self.chars)

    def build(self) -> tuple[str, list[Span], list[FootnoteRef]]:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.italic.pop()
        start = 1 if self.chars[:1] == [" "] else 0
        text = "".join(self.chars[start:])
        flags = self.italic[start:]
        refs = [FootnoteRef(r.marker, min(max(r.at - start, 0), len(text))) for r in self.refs]
        return text, italic_spans(text, flags), refs


def italic_spans(text: str, flags: list[bool]) -> list[Span]:
    """Runs of italic characters as spans; a space between two italic words stays inside the run,
    and a span never starts or ends on a space."""
    spans: list[Span] = []
    start = None
    for index, char in enumerate(text):
        if flags[index]:
            if start is None:
                start = index
            end = index + 1
        elif char == " " and start is not None and index + 1 < len(text) and flags[index + 1]:
            continue
        elif start is not None:
            spans.append(Span(start, end))
            start = None
    if start is not None:
        spans.append(Span(start, end))
    return spans
