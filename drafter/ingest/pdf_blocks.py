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
from drafter.ingest.pdf_tables import TableLines
from drafter.ingest.pdf_tables import build as build_table

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_COMPOUND = re.compile(r"[^\W\d_]+(?:[-\u2010][^\W\d_]+)+")
_HYPHENS = "-\u2010"
_DASHES = "\u2013\u2014"             # a line may break after an unspaced dash ("2015–2030")
# A hyphen that ends a line before one of these suspends a compound ("science- and
# technology-based"): the space stays. Conjunctions of the six official languages.
_CONJUNCTIONS = {"and", "or", "nor", "et", "ou", "y", "o", "u", "e", "и", "или"}
# A line that ends inside a web address, after a hyphen. (Where the UN's texts have a space in a
# web address after an underscore, where their original broke its line, a PDF breaks there too:
# that keeps its space; after a slash no space is kept, see `join`.)
_URL_BROKEN = re.compile(r"(?:https?://|www\.)\S*-$")
_FINISHED = re.compile(r"[.;:,][”’\"')]*$")
_BARE_LABEL = re.compile(r"^(?:[IVXLC]+|[A-Z])\.?$")
_TIED = 4                    # words a no-break space may tie together in a title (see _broken_by_hand)
_WORD_SPACE = 0.35           # of the type size: as wide as a word space gets in unjustified text
STARTS_ITEM = re.compile(r"^(?:\d{1,3}\.|\([a-z]{1,3}\)|\([ivxlc]{1,7}\))\s")


@dataclass
class Measure:
    """The text column: its left and right edges and the distance between lines of a paragraph."""

    left: float
    right: float
    pitch: float
    size: float
    indents: frozenset[int] = frozenset()     # where many lines start: the paragraph indents
    edges: tuple[float, ...] = ()             # where justified lines end (styles may differ)

    @classmethod
    def of(cls, lines: list[PrintedLine], size: float) -> Measure:
        body = [line for line in lines if abs(line.size - size) < 0.6]
        lefts = Counter(round(line.x0) for line in body)
        # The text's left edge: the leftmost place where a good share of the lines start (first
        # lines are indented, headings centred, a stray line further out is no edge).
        common = [x for x, n in lefts.items() if n >= 0.1 * len(body)] or list(lefts)
        left = float(min(common)) if common else 0.0
        rights = sorted(line.x1 for line in body) or [0.0]
        right = rights[int(len(rights) * 0.9)] if len(rights) > 1 else rights[0]
        # The line pitch: the distance below a line that fills the measure, to the next line of
        # its paragraph (a full line always goes on), so paragraph spacing and table rows never
        # count in.
        gaps = [a.y - b.y for a, b in zip(body, body[1:])
                if a.page == b.page and 0 < a.y - b.y < size * 3 and a.x1 >= right - size * 2.5]
        pitch = statistics.median(gaps) if gaps else size * 1.2
        indents = frozenset(x for x, n in lefts.items() if n >= max(3, len(body) // 100))
        ends = Counter(round(line.x1) for line in body)
        top = max(ends.values(), default=0)
        edges = tuple(sorted(x for x, n in ends.items()
                             if n >= max(4, top // 40) and x > left + 0.6 * (right - left)))
        return cls(left, right, min(pitch, size * 1.6), size, indents, edges or (right,))

    def centred(self, line: PrintedLine) -> bool:
        """Set in the middle of the measure, and not where paragraphs start (a short last line at an
        indent is not a heading, however near the middle it ends). Paragraphs start in the left
        third of the measure: a line that starts further in is no paragraph's last line, even
        where the lines of a table or a list happen to start."""
        near_left = line.x0 < self.left + (self.right - self.left) / 3
        if near_left and any(round(line.x0) + d in self.indents for d in (-1, 0, 1)):
            return False
        margin = line.x0 - self.left
        return margin > self.size * 0.3 and abs(margin - (self.right - line.x1)) < self.size * 0.4

    def flush_right(self, line: PrintedLine) -> bool:
        return abs(line.x1 - self.right) < self.size * 0.8 and line.x0 > self.left + (self.right - self.left) * 0.4

    def full(self, line: PrintedLine) -> bool:
        """The line runs to a right edge of the text: its paragraph goes on after it."""
        return line.x1 >= self.right - self.size * 2.5 or any(
            edge - self.size * 2.5 <= line.x1 <= edge + self.size for edge in self.edges)


@dataclass
class Words:
    """What the document prints whole, lower-cased, and whether it hyphenates words at line ends.

    UN documents are set without hyphenation, so a hyphen at the end of a line is a compound's
    ("twenty-\nfourth", "by-\ncatch") and stays. A document set with automatic hyphenation breaks
    words into pieces that are no words ("implemen-\ntation"); in one that does so at most of its
    line-end hyphens, a broken word whose whole form the document prints elsewhere is joined."""

    whole: set[str]
    hyphenates: bool
    times: Counter                 # how often each word is printed (a piece of a broken word: once)
    prose: frozenset[str] = frozenset()   # the words printed outside tables

    @classmethod
    def of(cls, lines: list[PrintedLine], tabled: frozenset[int] = frozenset()) -> Words:
        """`tabled`: the ids of the lines that stand in tables."""
        times: Counter = Counter()
        prose: set[str] = set()
        for line in lines:
            found = [w.lower() for w in _WORD.findall(line.text)]
            times.update(found)
            if id(line) not in tabled:
                prose.update(found)
            times.update(w.lower() for w in _COMPOUND.findall(line.text))
        whole = set(times)
        breaks = [pair for pair in (_broken(a, b) for a, b in zip(lines, lines[1:])) if pair]
        pieces = sum(1 for left, right in breaks if left.lower() not in whole or right.lower() not in whole)
        return cls(whole, len(breaks) >= 3 and pieces * 2 > len(breaks), times, frozenset(prose))

    def join_without_hyphen(self, left: str, right: str) -> bool:
        return (self.hyphenates and (left + right).lower() in self.whole
                and f"{left}-{right}".lower() not in self.whole)


def _broken(line: PrintedLine, following: PrintedLine) -> tuple[str, str] | None:
    """The two pieces of a word broken at a hyphen at the end of `line`, if it is."""
    text = line.text
    if text[-1:] not in _HYPHENS or not text[-2:-1].isalpha() or line.page != following.page:
        return None
    left = _WORD.findall(text)
    right = _WORD.match(following.text)
    return (left[-1], right.group()) if left and right and following.text[:1].islower() else None


def make_blocks(items: list, measure: Measure, words: Words) -> list[Block]:
    """Lines into paragraph blocks; a table (`pdf_tables.TableLines`) is a block of its own, and
    no paragraph runs on across it."""
    groups: list = []
    for item in items:
        if isinstance(item, TableLines):
            groups.append(item)
        elif groups and isinstance(groups[-1], list) and not _starts_block(groups[-1], item, measure):
            groups[-1].append(item)
        else:
            groups.append([item])
    return [_block(group, measure, words) if isinstance(group, list) else
            Block(text="", table=build_table(group, words), page=group.page) for group in groups]


def _style(line: PrintedLine, measure: Measure) -> tuple:
    return (line.all_bold, measure.centred(line), round(line.size))


def _starts_block(group: list[PrintedLine], line: PrintedLine, measure: Measure) -> bool:
    previous = group[-1]
    if _opens_with_letter(line):
        return True             # a table's note: "ᵃ See A/77/528."
    if _heading_goes_on(previous, line, measure):
        return False
    if _style(previous, measure) != _style(line, measure):
        return True
    if measure.flush_right(line) or measure.flush_right(previous):
        return True
    continuation = group[1].x0 if len(group) > 1 else None
    if line.page != previous.page:
        return not _runs_on(previous, line, continuation, measure)
    if previous.y - line.y > measure.pitch * 1.3 + 0.5:
        return True
    if measure.centred(line) and measure.centred(previous) and not _BARE_LABEL.match(previous.text):
        return False            # a heading over two lines, each centred on its own
    if continuation is not None and abs(line.x0 - continuation) > 2.5:
        return True
    if continuation is None and line.x0 > previous.x0 + 2.5 and not measure.full(previous) \
            and not STARTS_ITEM.match(previous.text):
        return True             # a short first line, then one set further in: two paragraphs
    return bool(STARTS_ITEM.match(line.text)) and _FINISHED.search(previous.text) is not None \
        and not measure.full(previous)


def _first_word(text: str) -> str:
    match = _WORD.match(text)
    return match.group().lower() if match else ""


def _opens_with_letter(line: PrintedLine) -> bool:
    return bool(line.letters) and line.letters[0][0] == 0


def _heading_goes_on(previous: PrintedLine, line: PrintedLine, measure: Measure) -> bool:
    """Bold lines of one size at the line pitch are one heading, however each is set (centred,
    hanging, a long first line): but a label ("I") is a line of its own."""
    return (previous.all_bold and line.all_bold and previous.page == line.page
            and abs(previous.size - line.size) < 0.5 and not _BARE_LABEL.match(previous.text)
            and previous.y - line.y <= max(measure.pitch, line.size * 1.2) * 1.3 + 0.5)


def _runs_on(previous: PrintedLine, line: PrintedLine, continuation: float | None, measure: Measure) -> bool:
    """A paragraph goes on over a page break when its last line filled the measure and the next
    page's first line is set as its continuation: where its lines run on, at the text's left edge,
    further in than a labelled first line ("(g)" hangs), or opening in lower case."""
    if not measure.full(previous):
        return False
    if STARTS_ITEM.match(line.text) and _FINISHED.search(previous.text):
        return False
    expected = continuation if continuation is not None else measure.left
    if abs(line.x0 - expected) <= 2.5 or abs(line.x0 - measure.left) <= 2.5:
        return True
    hanging = continuation is None and STARTS_ITEM.match(previous.text) and line.x0 > previous.x0
    return bool(hanging) or line.text[:1].islower()


def _block(group: list[PrintedLine], measure: Measure, words: Words) -> Block:
    builder = TextBuilder()
    widest = max(line.x1 for line in group)
    for index, line in enumerate(group):
        if index and _broken_by_hand(group[index - 1], line, widest):
            builder.line_break()
        elif index:
            join(builder, group[index - 1], line, words)
        add_line(builder, line, letters_as_marks=index == 0 and _opens_with_letter(line))
    text, italics, refs = builder.build()
    bold = all(line.all_bold for line in group)
    centred = all(measure.centred(line) for line in group)
    right = all(measure.flush_right(line) for line in group)
    italic = all(line.all_italic for line in group)
    tab_at = group[0].tab_at
    return Block(tab_at=tab_at, text=text, italics=italics, refs=refs, bold=bold, centred=centred, right=right,
                 breaks=builder.breaks,
                 heading=bold or centred, indent=group[0].x0 - measure.left, page=group[0].page,
                 # A long centred heading's first line may fill the measure: one centred line is enough.
                 look=(round(group[0].size * 2) / 2, any(measure.centred(line) for line in group), bold, italic))


def _broken_by_hand(previous: PrintedLine, line: PrintedLine, widest: float) -> bool:
    """Whether a line break was typed after `previous` (a title printed under another in one
    paragraph, 75/290 B): Word and LibreOffice fill a line with every word that fits, so a line
    that stops short of its paragraph's widest line with room left for what opens the next line
    was broken by hand. A no-break space binds words the page prints as spaced ("and
    representatives" ends 77/108's title, "9 December 2022" in 77/5's): the room must hold the
    next line's first `_TIED` words, the most a no-break space ties in a corpus title (ties of
    two words 277 times, of three 28, of four 5; in all the corpus's text one of five in 31,065)."""
    if previous.text[-1:] in _HYPHENS + _DASHES + "/" or previous.page != line.page:
        return False
    ends = [before for _at, before, _after in line.spaces]
    reach = (ends[_TIED - 1] if len(ends) >= _TIED else line.x1) - line.x0
    return widest - previous.x1 >= reach + _WORD_SPACE * line.size


def join(builder: TextBuilder, previous: PrintedLine, line: PrintedLine, words: Words) -> None:
    """Between two lines: a space, or nothing after a hyphen that breaks a word or a compound."""
    text = previous.text
    if _URL_BROKEN.search(text) and line.text[:1].isalnum():
        return                  # a web address has no spaces: broken after a hyphen, no space
    if text[-1:] in _HYPHENS and text[-2:-1].isalpha() and line.text[:1].isalnum() \
            and _first_word(line.text) not in _CONJUNCTIONS:
        pieces = _broken(previous, line)
        if pieces and words.join_without_hyphen(*pieces):
            builder.chars.pop()
            builder.italic.pop()
        return
    # "2015–\n2030", "A/RES/\n75/1", "Category/\nLevel": broken after a dash or a slash set close,
    # no space. A slash may stand before a space in the text too, but the page cannot show one at
    # a line end (LibreOffice breaks after "Category/" in 78/253's "Category/Level" as after
    # "Under-Secretary-General/" in 75/293's "Under-Secretary-General/ Office"), and the corpus
    # sets a slash close: between two letters 7,295 times in its running text, before a space 14.
    if text[-1:] in (*_DASHES, "/") and text[-2:-1].strip() and line.text[:1].isalnum():
        return
    builder.add(" ")


def add_line(builder: TextBuilder, line: PrintedLine, letters_as_marks: bool = False) -> None:
    """A line's text into the builder, its markers as notes where they stand; raised letters are
    table notes' marks in a table or under it (`letters_as_marks`), text anywhere else."""
    stops: dict[int, list[tuple[str, bool]]] = {}
    for at, marker in line.marks:
        stops.setdefault(at, []).append((marker, True))
    for at, letter in line.letters:
        stops.setdefault(at, []).append((letter, letters_as_marks))
    for index in range(len(line.text) + 1):
        for mark, is_mark in stops.pop(index, []):
            if is_mark:
                builder.note(mark)
            else:
                builder.add(mark, line.italic[index - 1] if index else False)
        if index < len(line.text):
            builder.add(line.text[index], line.italic[index])
