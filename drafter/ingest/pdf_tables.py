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
_STEADY = 1.5            # word spaces: wider than any the text of a cell puts between its words
_STEADY_ROWS = 3         # lines with a space at one place: columns' edges, not words that happen to


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
        if table is not None and crossed and _heading_after(table, line):
            table = None
            items.append(line)          # a heading opens no table either: the next rule does
            continue
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


def _heading_after(table: TableLines, line: PrintedLine) -> bool:
    """A line past one of the table's rules in larger type than any of the table's lines is a
    heading over what follows ("B.<tab>Pension Administration" between two staffing tables): the
    UN sets a table's cells in smaller type than the running text and its headings in the running
    text's own, so the larger line is none of the table's, even when a tab in it looks like a gap
    between cells. A table's cells keep one size from its heading rows down to its totals."""
    return line.size > max(other.size for other in table.lines) + 0.4


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
    word = _word_space(lines)
    gap = _cell_gap(lines, word)
    pieces = {id(line): _pieces(line, gap) for line in lines}
    columns = _apart(_columns(lines, pieces), _steady_gaps(lines, word))
    placed = [_Piece(line, piece, *_place(piece, columns))
              for line in lines for piece in _split(line, pieces[id(line)], columns)]
    spacing = _Spacing.of(lines, placed)
    groups = _rows_of_cells(placed, spacing) if spacing.padded else _rows_of_lines(lines, placed, columns, spacing, pieces)
    rows: list[list[list[tuple[PrintedLine | None, tuple[float, float, int, int]]]]] = []
    for group in groups:
        rows.append([[] for _ in columns])
        for item in group:
            rows[-1][item.column].append((item.line, item.piece))
            for extra in range(item.column + 1, item.column + item.span):
                rows[-1][extra].append((None, (0, 0, 0, 0)))       # covered by the span
    heading = table.heading_until
    edges = _edges(rows)
    built = []
    for row in rows:
        header = heading is not None and all(line.page == table.page and line.y > heading
                                             for cell in row for line, _ in cell if line)
        built.append(tuple(_cells(row, header, words, edges)))
    return Table(rows=tuple(r for r in built if r))


@dataclass(frozen=True)
class _Piece:
    """A piece of a table's line, placed: the column it starts in and how many it spans."""

    line: PrintedLine
    piece: tuple[float, float, int, int]
    column: int
    span: int


def _rows_of_lines(lines, placed: list[_Piece], columns, spacing: _Spacing, pieces) -> list[list[_Piece]]:
    """Rows set at the lines' own pitch: a row is whole lines (see `_new_row`)."""
    on_line: dict[int, list[_Piece]] = {}           # each line's pieces, in their order
    for item in placed:
        on_line.setdefault(id(item.line), []).append(item)
    groups: list[list[_Piece]] = []
    for index, line in enumerate(lines):
        if index == 0 or _new_row(lines[index - 1], line, columns, spacing, pieces[id(lines[index - 1])]):
            groups.append([])
        groups[-1] += on_line.get(id(line), ())
    return groups


def _rows_of_cells(placed: list[_Piece], spacing: _Spacing) -> list[list[_Piece]]:
    """Rows apart by their cells' padding, read cell by cell: a cell is the pieces of one column
    at the table's line pitch, and cells whose lines stand at the same heights make a row. A cell
    set at the foot of its row, or in its middle, need not share a line with its neighbours (a
    two-line cell beside a one-line one), and a cell over several rows (centred beside them) is
    read with the first of them: so the smallest cells make the rows and the taller join them."""
    rows: list[tuple[int, float, float, list[_Piece]]] = []        # page, top, bottom, pieces
    for cell in sorted(_column_cells(placed, spacing), key=lambda c: c[0].line.y - c[-1].line.y):
        top, bottom, page = cell[0].line.y, cell[-1].line.y, cell[0].line.page
        reach = _tolerance(cell[0].line.size)
        hit = [i for i, (p, t, b, _) in enumerate(rows) if p == page and bottom - reach <= t and top + reach >= b]
        if not hit:
            rows.append((page, top, bottom, list(cell)))
        else:
            p, t, b, pieces = rows[hit[0]]
            rows[hit[0]] = (p, max(t, top), min(b, bottom), pieces + cell) if len(hit) == 1 else (p, t, b, pieces + cell)
    order = {id(item): index for index, item in enumerate(placed)}
    rows.sort(key=lambda row: (row[0], -row[1]))
    groups: list[list[_Piece]] = []
    for index, (_, _, _, pieces) in enumerate(rows):
        if groups and rows[index - 1][0] != rows[index][0] and _runs_on(groups[-1], pieces, placed):
            groups[-1] += pieces
        else:
            groups.append(pieces)
    return [sorted(pieces, key=lambda item: order[id(item)]) for pieces in groups]


def _column_cells(placed: list[_Piece], spacing: _Spacing) -> list[list[_Piece]]:
    """The pieces of each column, top down, in runs at the table's line pitch: its cells."""
    cells: list[list[_Piece]] = []
    last: dict[int, list[_Piece]] = {}
    for item in placed:
        cell = last.get(item.column)
        above = cell[-1].line if cell else None
        size = item.line.size
        # Rows of one line each may stand at their own pitch, wider than a line's: no cell goes on.
        pitch = spacing.pitch if spacing.pitch <= _LINE_PITCH * size else 0.0
        if above is None or above.page != item.line.page or not -0.5 <= above.y - item.line.y <= pitch + _tolerance(size):
            cell = last[item.column] = []
            cells.append(cell)
        cell.append(item)
    return cells


def _runs_on(above: list[_Piece], row: list[_Piece], placed: list[_Piece]) -> bool:
    """A page's first row goes on with the row the page before ended on (a row the page break
    cut): cells start at their row's top, so a row's first line holds every cell it has; lines
    at the head of the next page that hold only some of those columns, and open in lower case
    (the words of a cell run on), are the cut row's other lines. A new row with fewer cells is
    a heading or a total ("Part V. Regional cooperation", "Subtotal"): capitalized, often bold
    or over several columns. A capital opens a cut row's rest too ("Officer" under "Senior Risk
    Management"), when it is one cell past the first column (where a heading or a total of a
    staffing table stands) whose first word the cut cell's last line had no room for
    (`_wrapped`): a line takes the next word whenever it fits, and a budget's "Part XII. Safety
    and security" under "Subtotal, part XI" would have fitted."""
    top = max(item.line.y for item in above)
    first = {item.column for item in above if abs(item.line.y - top) < 0.5}
    held = {item.column for item in row}
    opening = row[0].line.text[row[0].piece[2]:row[0].piece[3]]
    wrapped = len(held) == 1 and 0 not in held and _wrapped(above, row[0], placed)
    return held < first and (opening[:1].islower() or wrapped) and not any(item.span > 1 or _bold(item) for item in row)


def _wrapped(above: list[_Piece], item: _Piece, placed: list[_Piece]) -> bool:
    """Whether the last line of `above` in the item's column would pass the column's widest line
    with a word space and the item's first word added: then that word had to go to the next line."""
    cut = [other for other in above if other.column == item.column]
    if not cut:
        return False
    last = max(cut, key=lambda other: (other.line.page, -other.line.y))
    x0, x1, start, end = item.piece
    edge = max((other.piece[1] for other in placed if other.column == item.column and other.span == 1), default=x1)
    word_end = next((before for at, before, _after in item.line.spaces if start < at < end), x1)
    return last.piece[1] + 0.25 * item.line.size + (word_end - x0) > edge + _tolerance(item.line.size)


def _bold(item: _Piece) -> bool:
    _x0, _x1, start, end = item.piece
    letters = [b for ch, b in zip(item.line.text[start:end], item.line.bold[start:end]) if ch.isalnum()]
    return bool(letters) and all(letters)


def _edges(rows) -> list[float]:
    """Each column's right edge: where the widest of its one-column pieces ends (a cell's text
    runs up to it and no further)."""
    edges = [0.0] * (len(rows[0]) if rows else 0)
    for row in rows:
        for index, cell in enumerate(row):
            spanned = index + 1 < len(row) and any(line is None for line, _ in row[index + 1])
            for line, piece in cell:
                if line is not None and not spanned:
                    edges[index] = max(edges[index], piece[1])
    return edges


def _word_space(lines: list[PrintedLine]) -> float:
    """The table's word space, in points: no cell is justified, so its word spaces are all alike."""
    size = lines[0].size
    narrow = sorted(after - before for line in lines for _, before, after in line.spaces
                    if after - before < 0.5 * size)
    return narrow[len(narrow) // 2] if narrow else size


def _cell_gap(lines: list[PrintedLine], word: float) -> float:
    """The least space between two cells of a row, in points: wider than CELL_GAP, or than three
    of the table's word spaces (cells are set apart by their padding)."""
    return min(CELL_GAP * lines[0].size, max(3 * word, 0.6 * lines[0].size))


def _steady_gaps(lines: list[PrintedLine], word: float) -> list[tuple[float, float]]:
    """Spaces wider than a word space that start and end at the same places on several lines: the
    gap between a column set flush right and the next, set flush left, when the two stand closer
    than a cell gap (75/293's staffing tables: the number of posts, "1" or "–", flush against the
    Number column's right edge, the level, "P-4", at the Level column's left, 5.7 points apart
    with word spaces of 2.2). A word space moves with the words before it; only two columns'
    edges hold one still, row after row."""
    found: dict[tuple[int, int], int] = {}
    for line in lines:
        for _, before, after in line.spaces:
            if after - before > _STEADY * word:
                key = (round(before), round(after))
                found[key] = found.get(key, 0) + 1
    return sorted((float(before), float(after)) for (before, after), n in found.items() if n >= _STEADY_ROWS)


def _apart(columns: list[tuple[float, float]], gaps: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Columns cut at a steady gap inside them (see `_steady_gaps`)."""
    out: list[tuple[float, float]] = []
    for x0, x1 in columns:
        for before, after in gaps:
            if x0 < before - 1.0 and after + 1.0 < x1:
                out.append((x0, before))
                x0 = after
        out.append((x0, x1))
    return out


def _pieces(line: PrintedLine, gap: float) -> list[tuple[float, float, int, int]]:
    """(x0, x1, start, end) of the pieces of a line that spaces wider than `gap` set apart."""
    out, x0, start = [], line.x0, 0
    for at, before, after in line.spaces:
        if after - before > gap:
            out.append((x0, before, start, at))
            x0, start = after, at + 1
    out.append((x0, line.x1, start, len(line.text)))
    return out


def _columns(lines: list[PrintedLine], pieces_of: dict[int, list]) -> list[tuple[float, float]]:
    """Column extents from the rows with the most cells; other rows' pieces widen them."""
    pieces = [pieces_of[id(line)] for line in lines]
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
    def of(cls, lines: list[PrintedLine], placed: list[_Piece]) -> _Spacing:
        """The pitch is measured down each column: lines of cells set at different heights (a
        cell centred beside a taller one) stand closer than any two lines of one cell."""
        below: dict[int, PrintedLine] = {}
        pitches = []
        for item in placed:
            above = below.get(item.column)
            if above is not None and above.page == item.line.page and above.y - item.line.y > 0.5 * item.line.size:
                pitches.append(above.y - item.line.y)
            below[item.column] = item.line
        steps = [a.y - b.y for a, b in pairwise(lines) if a.page == b.page and a.y > b.y]
        pitch = min(pitches or steps, default=0.0)
        size = lines[0].size if lines else 0.0
        return cls(pitch, any(step > pitch + _tolerance(size) for step in steps))


def _tolerance(size: float) -> float:
    return max(1.0, 0.1 * size)


def _new_row(above: PrintedLine, line: PrintedLine, columns, spacing: _Spacing, above_pieces) -> bool:
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
    held = {_place(piece, columns)[0] for piece in above_pieces}
    return len(held) >= len(columns)


def _cells(row, header: bool, words, edges: list[float]) -> list[Cell]:
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
        edge = edges[index + span - 1] if span == 1 else float("inf")
        cells.append(_cell(real, header, span, words, edge))
    return cells


def _broken_word(left: str, right: str, words, filled: bool = False) -> bool:
    """A narrow cell breaks a word where it must, without a hyphen ("Numbe" / "r"), or after a
    slash or a dash set close ("Category/" / "Level", "2016–" / "2017", "Under-" /
    "Secretary-General": the UN does not hyphenate, a hyphen is a compound's).

    A word is broken only when it is longer than its cell is wide: then its first piece is the
    whole line and fills the cell up to the column's edge (`filled`), and the rest opens the next
    line in lower case. A line that wraps at a space may look the same ("Leave" / "replacement"),
    so the words decide: joined, the pieces are a word the document prints, its end printed no
    more often than its start (only where the cell breaks it); or the pieces are no words the
    document's running text prints ("Contin" / "uation", a word printed nowhere but in its cells)."""
    tail = left.split()[-1] if left.split() else ""
    head = right.split()[0] if right.split() else ""
    # A dash set apart by spaces ("centre – Asia") is punctuation; what goes on after a broken
    # word is a letter or a digit (a dash opening the next line is a cell of its own: "–").
    if tail.endswith(_BREAKS_AFTER) and len(tail) > 1 and head[:1].isalnum():
        return True
    if not (tail and head and head[:1].islower()):
        return False
    if (tail + head).lower() in words.whole and words.times[head.lower().strip(".,;:)")] <= words.times[tail.lower()]:
        return True
    bare = head.rstrip(".,;:)")
    return (filled and tail == left.strip() and tail.isalpha() and bare.isalpha()
            and tail.lower() not in words.prose and bare.lower() not in words.prose)


def _cell(pieces, header: bool, span: int, words, edge: float) -> Cell:
    builder = TextBuilder()
    previous, filled = "", False
    for line, (_x0, x1, start, end) in pieces:
        text = line.text[start:end]
        if len(builder) and not _broken_word(previous, text, words, filled):
            builder.add(" ")
        previous, filled = text, x1 >= edge - 0.5 * line.size
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
