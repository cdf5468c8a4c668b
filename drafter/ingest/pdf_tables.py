"""Stage 4a of the PDF reader: tables out of the running text, into `model.Table`s.

The UN sets a table between horizontal rules drawn across it: one above, one under the heading
rows, one below; Word and LibreOffice draw them as thin rectangles. What stands between the first
rule and the last of a run of rules, with nothing in it set as running text, is a table; a table
that reaches the foot of a page goes on at the head of the next one, down to its closing rule.

Inside, the cells are the pieces of each line set apart by a wide gap; the columns are where the
pieces of the fullest rows stand, and a piece over several columns spans them. Rows are told by
the space between them: the lines of one cell follow each other at the table's line pitch, a new
row stands further down. A raised letter in a cell cites a note printed under the table.

Promises: `split` returns the page's lines with each table's lines replaced by one `TableLines`,
in reading order; `build` turns it into a Table whose cells hold every word of those lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from drafter.ingest.blocks import TextBuilder
from drafter.ingest.pdf_glyphs import Page
from drafter.ingest.pdf_lines import PrintedLine
from drafter.model import Cell, Table

CELL_GAP = 1.5           # ems between two cells of a row
_WIDE = 0.5              # of the text's width: a table's rule, not a footnote separator


@dataclass
class TableLines:
    """The lines of one table (over one page or several), and the rules under its heading."""

    lines: list[PrintedLine] = field(default_factory=list)
    heading_until: float | None = None        # the y of the rule under the heading rows

    @property
    def page(self) -> int:
        return self.lines[0].page if self.lines else 0


def wide_rules(page: Page, left: float, right: float) -> list[float]:
    """The heights of the rules drawn across the text column, top first: a table's. A rule wider
    than the column (under a masthead, a running header) or short (a footnote separator) is none."""
    width = right - left
    return sorted({round(r.y, 1) for r in page.rules
                   if r.x1 - r.x0 >= _WIDE * width and r.x0 >= left - 10 and r.x1 <= right + width * 0.1},
                  reverse=True)


def split(lines: list[PrintedLine], rules: list[float], carried: TableLines | None,
          tabular) -> tuple[list[PrintedLine | TableLines], TableLines | None]:
    """The page's lines with its tables gathered in `TableLines`; `carried` is a table the previous
    page left open, `tabular(line)` whether a line may stand in a table. Returns the items and the
    table this page leaves open, if any.

    A rule with a line that may stand in a table below it opens a table. A rule crossed inside a
    table is one under its heading, or its closing rule: the closing one when no table line
    follows it (a table's notes, running text), or when it is the page's last rule and what
    follows it on the page is not all table (a table the page break cuts has no closing rule)."""
    items: list[PrintedLine | TableLines] = [carried] if carried is not None else []
    table = carried
    above = float("inf")
    for index, line in enumerate(lines):
        crossed = [y for y in rules if line.y < y < above]
        above = line.y
        if table is not None and crossed and _closes(lines[index:], rules, line, tabular):
            table = None
        elif table is not None:
            if crossed and table.heading_until is None:
                table.heading_until = crossed[0]
            table.lines.append(line)
            continue
        if table is None and crossed and tabular(line) and not _note_under_table(line):
            table = TableLines([line])
            items.append(table)
            continue
        items.append(line)
    closed = table is not None and any(y < table.lines[-1].y for y in rules)
    return items, table if table is not None and not closed else None


def _closes(rest: list[PrintedLine], rules: list[float], line: PrintedLine, tabular) -> bool:
    if not tabular(line) or _note_under_table(line):
        return True
    last_rule = not any(y < line.y for y in rules)
    return last_rule and not all(tabular(other) and not _note_under_table(other) for other in rest)


def _note_under_table(line: PrintedLine) -> bool:
    """A table's note: opening with its raised letter, or with an italic word and a colon."""
    if line.letters and line.letters[0][0] == 0:
        return True
    colon = line.text.find(": ")
    return 0 < colon < 20 and line.text[:colon].isalpha() and all(line.italic[:colon])


def build(table: TableLines, words) -> Table:
    lines = table.lines
    columns = _columns(lines)
    rows: list[list[list[tuple[PrintedLine, tuple[float, float, int, int]]]]] = []
    for index, line in enumerate(lines):
        if index == 0 or _new_row(lines, index, columns):
            rows.append([[] for _ in columns])
        for piece in line.pieces(CELL_GAP):
            first, span = _place(piece, columns)
            rows[-1][first].append((line, piece))
            for extra in range(first + 1, first + span):
                rows[-1][extra].append((None, (0, 0, 0, 0)))       # covered by the span
    heading = table.heading_until
    built = []
    for row in rows:
        header = heading is not None and all(line.y > heading for cell in row for line, _ in cell if line)
        built.append(tuple(_cells(row, header, words)))
    return Table(rows=tuple(r for r in built if r))


def _columns(lines: list[PrintedLine]) -> list[tuple[float, float]]:
    """Column extents from the rows with the most cells; other rows' pieces widen them."""
    pieces = [line.pieces(CELL_GAP) for line in lines]
    most = max(len(p) for p in pieces)
    columns = [(p[0], p[1]) for line in pieces if len(line) == most for p in line]
    merged: list[tuple[float, float]] = []
    for x0, x1 in sorted(columns):
        if merged and x0 <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], x1))
        else:
            merged.append((x0, x1))
    return merged


def _place(piece, columns: list[tuple[float, float]]) -> tuple[int, int]:
    """The first column a piece stands in and how many it spans."""
    x0, x1 = piece[0], piece[1]
    hit = [i for i, (c0, c1) in enumerate(columns) if x0 < c1 and x1 > c0]
    if not hit:
        nearest = min(range(len(columns)), key=lambda i: min(abs(x0 - columns[i][0]), abs(x1 - columns[i][1])))
        return nearest, 1
    return hit[0], hit[-1] - hit[0] + 1


def _new_row(lines: list[PrintedLine], index: int, columns) -> bool:
    """A line starts a row when it stands further below the line above than a cell's lines do
    (cells have padding), or when the line above filled every column."""
    line, above = lines[index], lines[index - 1]
    if line.page != above.page:
        return True
    gaps = [a.y - b.y for a, b in pairwise(lines) if a.page == b.page and a.y > b.y]
    if above.y - line.y > min(gaps, default=0.0) + max(1.0, 0.1 * line.size):
        return True
    # A row's cells end on its last line (the UN sets them at the bottom); a line that fills
    # only some of the columns has more of its row below it.
    held = {_place(piece, columns)[0] for piece in above.pieces(CELL_GAP)}
    return len(held) >= len(columns)


def _cells(row, header: bool, words) -> list[Cell]:
    cells: list[Cell] = []
    skip = 0
    for index, pieces in enumerate(row):
        if skip:
            skip -= 1
            continue
        real = [(line, piece) for line, piece in pieces if line is not None]
        span = 1
        while index + span < len(row) and row[index + span] and all(line is None for line, _ in row[index + span]):
            span += 1
        skip = span - 1
        cells.append(_cell(real, header, span, words))
    return cells


def _broken_word(left: str, right: str, words) -> bool:
    """A narrow cell breaks a word where it must, without a hyphen ("Numbe" / "r"): joined, it
    is a word the document prints, and its end alone is none."""
    tail = left.split()[-1] if left.split() else ""
    head = right.split()[0] if right.split() else ""
    return bool(tail and head and head[:1].islower() and (tail + head).lower() in words.whole
                and head.lower().strip(".,;:)") not in words.whole)


def _cell(pieces, header: bool, span: int, words) -> Cell:
    builder = TextBuilder()
    previous = ""
    for line, (_x0, _x1, start, end) in pieces:
        text = line.text[start:end]
        if len(builder) and not _broken_word(previous, text, words):
            builder.add(" ")
        previous = text
        for index in range(start, end):
            for at, letter in line.letters:
                if at == index:
                    builder.note(letter)
            for at, marker in line.marks:
                if at == index:
                    builder.note(marker)
            builder.add(line.text[index], line.italic[index])
        for at, letter in line.letters:
            if at == end:
                builder.note(letter)
        for at, marker in line.marks:
            if at == end:
                builder.note(marker)
    text, italics, refs = builder.build()
    return Cell(text=text, footnotes=tuple(refs), italics=tuple(italics), header=header, colspan=span)
