"""Stage 4a of the PDF reader: tables out of the running text, into `model.Table`s.

The UN sets a table between horizontal rules drawn across it: one above, one under the heading
rows, one below; Word and LibreOffice draw them as thin rectangles. What stands between the first
rule and the last of a run of rules, with nothing in it set as running text, is a table; a table
that reaches the foot of a page goes on at the head of the next one, down to its closing rule.

Inside, the cells are the pieces of each line set apart by a wide gap, or by a word space at a
column's left edge (cells set close together); the columns are where the pieces of the fullest
rows stand, and a piece over several columns spans them. Rows are told by the space between them:
the lines of one cell follow each other at the table's line pitch, a new row stands further down
(cells have padding). Heading rows Word prints again at the head of each page are read once. A
raised letter in a cell cites a note printed under the table.

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
_BREAKS_AFTER = ("/", "-", "\u2010", "\u2013", "\u2014")   # a cell's line may end inside a word after these
_WIDE = 0.5              # of the text's width: a table's rule, not a footnote separator


@dataclass
class TableLines:
    """The lines of one table (over one page or several), and the rules under its heading."""

    lines: list[PrintedLine] = field(default_factory=list)
    heading_until: float | None = None        # the y of the rule under the heading rows

    @property
    def page(self) -> int:
        return self.lines[0].page if self.lines else 0


def wide_rules(page: Page, left: float, right: float, furniture: list[PrintedLine],
               title: PrintedLine | None) -> list[float]:
    """The heights of the rules a table may have, top first: rules at least half as wide as the
    text column (a footnote separator is shorter), neither under a line of the page's furniture
    (a running header is ruled below) nor above the title on its page (the masthead's rules). A
    table may be wider than the text column: its rules are not told by their ends."""
    def furniture_rule(y: float) -> bool:
        return any(line.page == page.number and abs(line.y - y) <= 1.5 * line.size for line in furniture)

    top = title.y if title is not None and title.page == page.number else float("inf")
    return sorted({round(r.y, 1) for r in page.rules
                   if r.x1 - r.x0 >= _WIDE * (right - left) and r.y < top and not furniture_rule(r.y)},
                  reverse=True)


def split(lines: list[PrintedLine], rules: list[float], carried: TableLines | None,
          tabular) -> tuple[list[PrintedLine | TableLines], TableLines | None]:
    """The page's lines with its tables gathered in `TableLines`; `carried` is a table the previous
    page left open (its lines on this page are added to it), `tabular(line)` whether a line may
    stand in a table. Returns the page's new items and the table this page leaves open, if any.

    A rule with a line that may stand in a table below it opens a table. A rule crossed inside a
    table is one under its heading, or its closing rule: the closing one when no table line
    follows it (a table's notes, running text), or when it is the page's last rule and what
    follows it on the page is not all table (a table the page break cuts has no closing rule)."""
    items: list[PrintedLine | TableLines] = []      # a carried table is in the items already
    table = carried
    skip = _repeated_heading(carried, lines) if carried is not None else 0
    above = lines[skip - 1].y if skip else float("inf")
    for index, line in enumerate(lines):
        if index < skip:
            continue
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


def _repeated_heading(table: TableLines, lines: list[PrintedLine]) -> int:
    """How many of a page's first lines repeat the heading rows of the table it carries on (Word
    prints a table's heading rows again at the head of each page): they are read once."""
    if table.heading_until is None:
        return 0
    heading = [line.text for line in table.lines if line.page == table.page and line.y > table.heading_until]
    return len(heading) if heading and [line.text for line in lines[:len(heading)]] == heading else 0


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
    spacing = _Spacing.of(lines)
    rows: list[list[list[tuple[PrintedLine, tuple[float, float, int, int]]]]] = []
    for index, line in enumerate(lines):
        if index == 0 or _new_row(lines[index - 1], line, columns, spacing):
            rows.append([[] for _ in columns])
        for piece in _split(line, line.pieces(CELL_GAP), columns):
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


def _split(line: PrintedLine, pieces, columns: list[tuple[float, float]]) -> list:
    """Pieces cut where a word space straddles the left edge of a column they run over: cells set
    close together (less than CELL_GAP apart) read as one piece, but each cell's text starts at
    its column's edge."""
    out = []
    for piece in pieces:
        x0, x1, start, end = piece
        for c0, _c1 in columns:
            if not x0 < c0 < x1:
                continue
            cut = next(((at, before, after) for at, before, after in line.spaces
                        if start < at < end and before - 1.0 <= c0 <= after + 1.0), None)
            if cut is not None:
                at, before, after = cut
                out.append((x0, before, start, at))
                x0, start = after, at + 1
        out.append((x0, x1, start, end))
    return out


def _place(piece, columns: list[tuple[float, float]]) -> tuple[int, int]:
    """The first column a piece stands in and how many it spans."""
    x0, x1 = piece[0], piece[1]
    hit = [i for i, (c0, c1) in enumerate(columns) if x0 < c1 and x1 > c0]
    if not hit:
        nearest = min(range(len(columns)), key=lambda i: min(abs(x0 - columns[i][0]), abs(x1 - columns[i][1])))
        return nearest, 1
    return hit[0], hit[-1] - hit[0] + 1


_LINE_PITCH = 1.35        # of the type size: wider than one line to the next inside a cell


@dataclass(frozen=True)
class _Spacing:
    """How far apart a table's lines stand: `pitch`, the least step from one line to the next, and
    `padded`, whether some steps are wider (rows apart by their cells' padding)."""

    pitch: float
    padded: bool

    @classmethod
    def of(cls, lines: list[PrintedLine]) -> _Spacing:
        steps = [a.y - b.y for a, b in pairwise(lines) if a.page == b.page and a.y > b.y]
        pitch = min(steps, default=0.0)
        size = lines[0].size if lines else 0.0
        return cls(pitch, any(step > pitch + _tolerance(size) for step in steps))


def _tolerance(size: float) -> float:
    return max(1.0, 0.1 * size)


def _new_row(above: PrintedLine, line: PrintedLine, columns, spacing: _Spacing) -> bool:
    """A line starts a row when it stands further below the line above than the table's least
    step (cells have padding), or when even that step is wider than a line's own (every row of
    the table is one line). In a padded table, a line at the least step is more of its cell; in
    one whose rows are set at the lines' own pitch, a row ends on the line that fills every column
    (the UN sets a row's cells at its bottom, so a line that fills only some has more of its row
    below it)."""
    if line.page != above.page or above.y - line.y > spacing.pitch + _tolerance(line.size):
        return True
    if spacing.pitch > _LINE_PITCH * line.size:
        return True
    if spacing.padded:
        return False
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
    is a word the document prints, and its end is printed no more often than its start (only
    where the cell breaks it); or after a slash or a dash ("Category/" / "Level", "2016–" /
    "2017", "Under-" / "Secretary-General": the UN does not hyphenate, a hyphen is a compound's)."""
    tail = left.split()[-1] if left.split() else ""
    head = right.split()[0] if right.split() else ""
    if tail.endswith(_BREAKS_AFTER) and head:
        return True
    return bool(tail and head and head[:1].islower() and (tail + head).lower() in words.whole
                and words.times[head.lower().strip(".,;:)")] <= words.times[tail.lower()])


def _cell(pieces, header: bool, span: int, words) -> Cell:
    builder = TextBuilder()
    previous = ""
    for line, (_x0, _x1, start, end) in pieces:
        text = line.text[start:end]
        if len(builder) and not _broken_word(previous, text, words):
            builder.add(" ")
        previous = text
        for index in range(start, end):
            _notes_at(builder, line, index)
            builder.add(line.text[index], line.italic[index])
        _notes_at(builder, line, end)
    text, italics, refs = builder.build()
    return Cell(text=text, footnotes=tuple(refs), italics=tuple(italics), header=header, colspan=span)


def _notes_at(builder: TextBuilder, line: PrintedLine, index: int) -> None:
    """The notes raised at `index` of the line: its table notes' letters, then its footnote marks."""
    for at, note in (*line.letters, *line.marks):
        if at == index:
            builder.note(note)
