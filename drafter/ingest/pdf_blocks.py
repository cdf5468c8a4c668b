"""Stage 4 of the PDF reader: running-text lines -> paragraph blocks.

A line starts a new paragraph where the layout says so: more space above it than between the lines
of a paragraph, a first line set in or out from the lines it follows, a change between heading and
body type (bold, centred, another size). At a page break a paragraph runs on when its last line
filled the measure and the new page's first line is set as a continuation; otherwise it ended.

Lines are joined with one space; a word broken at a hyphen across lines is joined without one,
and loses the hyphen only when the document spells the whole word without it elsewhere (automatic
hyphenation), so "twenty-\\nfourth" stays "twenty-fourth".

Promises: every line lands in exactly one block, in order; marks (footnote markers) become refs at
the offset where they stood; italics are spans of the block's text.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from drafter.ingest.blocks import Block, TextBuilder
from drafter.ingest.pdf_lines import PrintedLine

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_HYPHENS = "-\u2010"
_FINISHED = re.compile(r"[.;:,][”’\"')]*$")
_STARTS_ITEM = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,3}\)|\([ivxlc]{1,7}\))\s")


@dataclass
class Measure:
    """The text column: its left and right edges and the distance between lines of a paragraph."""

    left: float
    right: float
    pitch: float
    size: float
    indents: frozenset[int] = frozenset()     # where many lines start: the paragraph indents

    @classmethod
    def of(cls, lines: list[PrintedLine], size: float) -> Measure:
        body = [line for line in lines if abs(line.size - size) < 0.6]
        lefts = Counter(round(line.x0) for line in body)
        left = float(min(lefts.most_common(3))[0]) if lefts else 0.0
        rights = sorted(line.x1 for line in body) or [0.0]
        right = rights[int(len(rights) * 0.9)] if len(rights) > 1 else rights[0]
        gaps = [a.y - b.y for a, b in zip(body, body[1:]) if a.page == b.page and 0 < a.y - b.y < size * 3]
        pitch = statistics.median(gaps) if gaps else size * 1.2
        indents = frozenset(x for x, n in lefts.items() if n >= max(3, len(body) // 40))
        return cls(left, right, min(pitch, size * 1.6), size, indents)

    def centred(self, line: PrintedLine) -> bool:
        """Set in the middle of the measure, and not where paragraphs start (a short last line at an
        indent is not a heading, however near the middle it ends)."""
        if round(line.x0) in self.indents or round(line.x0) - 1 in self.indents or round(line.x0) + 1 in self.indents:
            return False
        return (line.x0 > self.left + self.size and line.x1 < self.right - self.size
                and abs((line.x0 - self.left) - (self.right - line.x1)) < self.size * 1.5)

    def flush_right(self, line: PrintedLine) -> bool:
        return abs(line.x1 - self.right) < self.size * 0.8 and line.x0 > self.left + (self.right - self.left) * 0.4

    def full(self, line: PrintedLine) -> bool:
        return line.x1 >= self.right - self.size * 2.5


def vocabulary(lines: list[PrintedLine]) -> set[str]:
    """Every word the document prints whole, lower-cased: what tells a hyphenation from a hyphen."""
    words: set[str] = set()
    for line in lines:
        words |= {w.lower() for w in _WORD.findall(line.text)}
    return words


def make_blocks(lines: list[PrintedLine], measure: Measure, words: set[str]) -> list[Block]:
    groups: list[list[PrintedLine]] = []
    for line in lines:
        if groups and not _starts_block(groups[-1], line, measure):
            groups[-1].append(line)
        else:
            groups.append([line])
    return [_block(group, measure, words) for group in groups]


def _style(line: PrintedLine, measure: Measure) -> tuple:
    return (line.all_bold, measure.centred(line), round(line.size))


def _starts_block(group: list[PrintedLine], line: PrintedLine, measure: Measure) -> bool:
    previous = group[-1]
    if _style(previous, measure) != _style(line, measure):
        return True
    if measure.flush_right(line) or measure.flush_right(previous):
        return True
    continuation = group[1].x0 if len(group) > 1 else None
    if line.page != previous.page:
        return not _runs_on(previous, line, continuation, measure)
    if previous.y - line.y > measure.pitch * 1.3 + 0.5:
        return True
    if continuation is not None and abs(line.x0 - continuation) > 2.5:
        return True
    if continuation is None and line.x0 > previous.x0 + 2.5 and not measure.full(previous):
        return True             # a short first line, then one set further in: two paragraphs
    return bool(_STARTS_ITEM.match(line.text)) and _FINISHED.search(previous.text) is not None \
        and not measure.full(previous)


def _runs_on(previous: PrintedLine, line: PrintedLine, continuation: float | None, measure: Measure) -> bool:
    """A paragraph goes on over a page break when its last line filled the measure and the next
    page's first line is set as a continuation, not as a first line."""
    if not measure.full(previous):
        return False
    expected = continuation if continuation is not None else measure.left
    if abs(line.x0 - expected) > 2.5 and abs(line.x0 - measure.left) > 2.5:
        return False
    return not (_STARTS_ITEM.match(line.text) and _FINISHED.search(previous.text))


def _block(group: list[PrintedLine], measure: Measure, words: set[str]) -> Block:
    builder = TextBuilder()
    for index, line in enumerate(group):
        if index:
            _join(builder, group[index - 1], line, words)
        _add_line(builder, line)
    text, italics, refs = builder.build()
    bold = all(line.all_bold for line in group)
    centred = all(measure.centred(line) for line in group)
    right = all(measure.flush_right(line) for line in group)
    return Block(text=text, italics=italics, refs=refs, bold=bold, centred=centred, right=right,
                 heading=bold or centred, indent=group[0].x0 - measure.left, page=group[0].page)


def _join(builder: TextBuilder, previous: PrintedLine, line: PrintedLine, words: set[str]) -> None:
    """Between two lines: a space, or nothing after a hyphen that breaks a word."""
    text = previous.text
    if text[-1:] in _HYPHENS and text[-2:-1].isalpha() and line.text[:1].islower():
        left = _WORD.findall(text)[-1] if _WORD.findall(text) else ""
        right = _WORD.match(line.text)
        whole = (left + (right.group() if right else "")).lower()
        if whole in words and f"{left}-{right.group() if right else ''}".lower() not in words:
            builder.chars.pop()
            builder.italic.pop()
        return
    builder.add(" ")


def _add_line(builder: TextBuilder, line: PrintedLine) -> None:
    marks = dict()
    for at, marker in line.marks:
        marks.setdefault(at, []).append(marker)
    for index, char in enumerate(line.text):
        for marker in marks.pop(index, []):
            builder.note(marker)
        builder.add(char, line.italic[index])
    for at in sorted(marks):
        for marker in marks[at]:
            builder.note(marker)
