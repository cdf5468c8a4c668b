"""The PDF reader: a PDF with a text layer -> `blocks.Document`, for drafter.ingest.structure.

    pdf_glyphs.read_glyphs   pages of glyphs (font, size, place) and drawn rules   (pdfminer.six)
    pdf_lines.page_lines     printed lines; superscript markers; italics and bold per character
    pdf_zones                page furniture, footnote zones, the masthead
    pdf_blocks.make_blocks   running text -> paragraph blocks, across page breaks

The layout settles what plain text cannot: leads are italic, markers are superscript, notes sit at
the foot of the page in smaller type. What it leaves open (is an unnumbered paragraph preambular?)
the structure reader settles with the lead lexicon, as the text reader does.
"""

from __future__ import annotations

from collections import Counter

from drafter.ingest import pdf_tables as tables
from drafter.ingest.blocks import Document, Note, TextBuilder
from drafter.ingest.layout import FORMULA, NUMBERED_TITLE, RESOLUTION_LINE
from drafter.ingest.pdf_blocks import (
    STARTS_ITEM,
    Measure,
    Words,
    add_line,
    join,
    make_blocks,
)
from drafter.ingest.pdf_glyphs import read_glyphs
from drafter.ingest.pdf_lines import PrintedLine, insert_space, page_lines
from drafter.ingest.pdf_zones import (
    furniture,
    masthead_lines,
    note_marker,
    note_zone,
    under_rule,
)

# How far a note's number may run ahead of the one expected (a note whose start was missed must not
# derail the rest); below that, a line opening with a number is a note's wrapped line ("31 May ...").
_MAX_SKIP = 3
_ORDINALS = {"st", "nd", "rd", "th"}      # "21st session" opens a line of a note, not note 2


def read_pdf(data: bytes, path: str) -> Document:
    pages = read_glyphs(data, path)
    lines = {page.number: page_lines(page) for page in pages}
    noted = {id(line) for page in pages for line in under_rule(page, lines[page.number])}
    dropped = furniture(pages, lines, keep=_masthead_ids(lines), notes=noted, title=_title_text(lines))
    furniture_lines = [line for ls in lines.values() for line in ls if id(line) in dropped]
    lines = {n: [line for line in ls if id(line) not in dropped] for n, ls in lines.items()}
    everything = [line for n in sorted(lines) for line in lines[n]]
    _tabs_at_stops(everything)
    title = next((i for i, line in enumerate(everything) if _is_title(line)), 0)
    title_line = everything[title] if everything else None
    size = _body_size(everything[title:])
    measure = Measure.of(everything[title:], size)
    body: list = []                   # lines, and the tables gathered from them
    notes = _Notes()
    carried = None
    for page in pages:
        page_text = lines[page.number]
        rules = tables.wide_rules(page, measure.left, measure.right, furniture_lines, title_line)
        start = note_zone(page_text, page.rules, size, measure.left, measure.right, notes.plausible,
                          tables=bool(rules))
        items, carried = tables.split(page_text[:start], rules, carried, lambda line: _tabular(line, size))
        body += items
        notes.read(page_text[start:], measure)
    title_at = next((i for i, item in enumerate(body) if isinstance(item, PrintedLine) and _is_title(item)), 0)
    masthead = masthead_lines([item for item in body[:title_at] if isinstance(item, PrintedLine)])
    words = Words.of(everything, frozenset(id(line) for item in body if isinstance(item, tables.TableLines)
                                           for line in item.lines))
    blocks = make_blocks(body[title_at:], measure, words)
    return Document(blocks=blocks, notes=notes.built(words), masthead=masthead, format="pdf")


def _tabs_at_stops(lines: list[PrintedLine]) -> None:
    """A tab that leaves no more than a word space ("Section 29A<tab>Department ..." where the
    label nearly reaches the tab stop), or less ("Income section 2<tab>General income", a nick
    wider than kerning before a capital), is found by where the next word starts: at a stop where
    the words after wide tabs start on other lines (three or more), or, in a heading, at its
    first nick. Only a label before it (structure: "Section 29A", "A.") makes anything of it."""
    stops = Counter(round(line.gaps[0][2]) for line in lines if line.gaps)
    common = {x for x, n in stops.items() if n >= 3}
    for line in lines:
        if line.gaps:
            continue
        at_stop = [gap for gap in (*line.spaces[:3], *line.nicks) if any(abs(gap[2] - x) <= 1 for x in common)]
        # A heading's label may pass every stop but the next default one, a point away: the nick
        # is the tab's only trace (a heading is not set with tracking, its words with none).
        tab = min(at_stop or (line.nicks[:1] if line.all_bold else []), default=None)
        if tab is not None and tab in line.nicks:
            insert_space(line, tab[0])       # no room left even for a space: "2General"
            line.spaces.append(tab)
        if tab is not None:
            line.gaps.append(tab)


def _tabular(line: PrintedLine, size: float) -> bool:
    """A line that may stand in a table: in smaller type than the body, or in cells apart (and not
    a numbered paragraph's first line, whose number a tab sets apart)."""
    return line.size < size - 0.4 or (len(line.pieces(tables.CELL_GAP)) >= 2 and not STARTS_ITEM.match(line.text))


def _masthead_ids(lines: dict[int, list[PrintedLine]]) -> set[int]:
    """The lines above the number-and-title line, on the page where it stands (the first, or the
    second after a cover page)."""
    for number in sorted(lines)[:2]:
        for index, line in enumerate(lines[number]):
            if _is_title(line):
                return {id(above) for above in lines[number][:index]}
    return set()


def _title_text(lines: dict[int, list[PrintedLine]]) -> str:
    """The number-and-title line and the lines set like it under it: the title, as the running
    headers repeat it."""
    for number in sorted(lines)[:2]:
        page = lines[number]
        for index, line in enumerate(page):
            if _is_title(line):
                same = [line.text]
                for below in page[index + 1:index + 6]:
                    if below.all_bold != line.all_bold or abs(below.size - line.size) > 0.5:
                        break
                    same.append(below.text)
                return " ".join(same)
    return ""


def _body_size(lines: list[PrintedLine]) -> float:
    """The running text's type size: the enacting formula's, which is always set in it (a budget
    resolution may print more words in its tables' smaller type than in its paragraphs)."""
    for line in lines[:12]:
        if FORMULA.match(line.text.replace("\u00a0", " ").rstrip(",") + ","):
            return round(line.size * 2) / 2
    sizes = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _is_title(line: PrintedLine) -> bool:
    text = line.text.replace("\u00a0", " ")
    return bool(NUMBERED_TITLE.match(text) or RESOLUTION_LINE.match(text))


class _Notes:
    """Footnote lines from every page, into notes numbered through the document."""

    def __init__(self) -> None:
        self.lines: dict[str, list[PrintedLine]] = {}
        self.starts: dict[str, int] = {}
        self.last: str | None = None

    def read(self, lines: list[PrintedLine], measure: Measure) -> None:
        previous = None
        for line in lines:
            found = note_marker(line)
            if not (found and self.plausible(found[0])) and (previous is None or not measure.full(previous)):
                found = self.glued(line, letter_only=previous is None)
            previous = line
            if found and self.plausible(found[0]):
                marker, start = found
                self.lines[marker] = [line]
                self.starts[marker] = start
                self.last = marker
            elif self.last is not None:
                self.lines[self.last].append(line)     # a note's wrapped line, or one run on from a page

    def glued(self, line: PrintedLine, letter_only: bool = False) -> tuple[str, int] | None:
        """The next note's number printed flush against a text that opens with a digit or in lower
        case ("21995 Review Conference ...", "8http://..."), on a line after one that stopped short
        (a note's wrapped line follows a full one). A page's first note line may be the last
        note's, run on from the page before ("2015, para. 3"): there, only a letter after the
        number tells a glued one (`letter_only`)."""
        expected = str(max((int(m) for m in self.lines if m.isdigit()), default=0) + 1)
        rest = line.text[len(expected):]
        opens = rest[:1].isalpha() if letter_only else rest[:1].strip()
        if line.text.startswith(expected) and opens and not rest[:2].lower() in _ORDINALS:
            return expected, len(expected)
        return None

    def plausible(self, marker: str) -> bool:
        if not marker.isdigit():
            return marker not in self.lines
        numbers = [int(m) for m in self.lines if m.isdigit()]
        expected = max(numbers, default=0) + 1
        return expected <= int(marker) <= expected + _MAX_SKIP

    def built(self, words: Words) -> dict[str, Note]:
        notes = {}
        for marker, lines in self.lines.items():
            builder = TextBuilder()
            first = lines[0]
            skip = self.starts[marker]
            marks = first.marks[1:] if first.starts_with_mark else first.marks
            head = PrintedLine(first.page, first.y, first.x0, first.x1, first.size, first.text[skip:],
                               first.italic[skip:], first.bold[skip:],
                               [(at - skip, m) for at, m in marks if at >= skip])
            parts = [head, *lines[1:]]
            for index, line in enumerate(parts):
                if index:
                    join(builder, parts[index - 1], line, words)
                add_line(builder, line)
            text, italics, _ = builder.build()
            notes[marker] = Note(text, italics)
        return notes
