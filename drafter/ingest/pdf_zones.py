"""Stage 3 of the PDF reader: what on a page is not running text.

- page furniture: running headers and footers, page numbers, the UN's job number ("20-16546 (E)
  181220") and barcode line ("*2016546*"), found by their place in the top or bottom band of the
  page and by repetition (the same line at the same height on other pages) or by
  their shape;
- the footnote zone: the lines at the foot of a page set in smaller type than the body, or under a
  drawn separator rule, opening with a marker (superscript or not);
- the masthead: what stands on the first page above the number-and-title line.

Promises: `furniture` returns the ids of the lines to drop; `note_zone` the index where a page's
notes start (len(lines) when it has none); neither looks at a line's meaning beyond these shapes.
"""

from __future__ import annotations

import re

from drafter.ingest.pdf_glyphs import Page
from drafter.ingest.pdf_lines import PrintedLine

_BAND = 0.13                                          # of the page height, top and bottom
# What page furniture prints, alone or several on one line ("2/15   20-16546"):
_PIECE = "|".join([
    r"\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s*/\.\.\.)?",   # the job number, 20-16546 (E) 181220
    r"\*\s?\d{7,8}\s?\*",                                 # the barcode line under it, *2016546*
    r"\d{1,4}\s*/\s*\d{1,4}",                              # page numbers: 2/15
    r"Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?",
    r"-\s*\d{1,4}\s*-",
    r"Please\s+recycle",
    # A running header: a document symbol alone (A/RES/58/208, A/C.2/60/L.12), no full stop after it.
    r"[A-Z]{1,4}(?:\.\d+)?(?:/[A-Za-z0-9.()-]+){2,}(?:\s+[A-Z](?:-[A-Z])?)?(?<!\.)",
])
# A bare number is furniture alone on its line (a page number), never as one of several: a table
# row "35 871 050" is three bare numbers.
_FURNITURE = re.compile(rf"^(?:(?:{_PIECE})(?:\s+(?:{_PIECE}))*|\d{{1,4}})$", re.IGNORECASE)
_SYMBOL = r"[A-Z]{1,4}(?:\.\d+)?(?:/[A-Za-z0-9.()-]+){2,}(?:\s+[A-Z](?:-[A-Z])?)?(?<!\.)"
# A running header's title may fill its line up to the symbol, with no space left between them
# ("... Central African RepublicA/RES/76/282"): the symbol is taken apart all the same.
_SYMBOL_AT_END = re.compile(rf"^(?:(?P<before>.+?)(?:\s+|(?<=[a-z)]))(?=[A-Z]))?(?P<symbol>{_SYMBOL})(?:\s+(?P<after>.+))?$")
_MARKER_START = re.compile(r"^(?P<marker>\d{1,3}|\*{1,3}|[†‡])(?:\s+|(?=[A-Z“\"(]))")


def furniture(pages: list[Page], lines: dict[int, list[PrintedLine]], keep: set[int],
              notes: set[int] = frozenset(), title: str = "") -> set[int]:
    """The ids of running headers, footers, page numbers, job numbers and barcodes; `keep` are the
    masthead's lines, which sit where a running header does but are read; `notes` the lines under a
    footnote rule, furniture only by their shape (two notes may repeat a text at one height).

    A line is furniture when each of its pieces is: the symbol and the title of a running header
    swap sides from page to page, so each piece is looked for on other pages at the same height.
    Then words of the title (a running header wraps a long title its own way) are furniture too,
    where headers were found and in type other than the body's or beside the symbol: elsewhere a
    paragraph may end by citing the title, or an annex's title open a page."""
    band = _Band(pages, lines, keep, notes)
    drop = {line_id for line_id, line in band.lines.items()
            if all(band.shaped(p) or band.repeated(line_id, line, p) for p in _pieces(line))}
    found: dict[int, list[float]] = {}          # page -> heights where its furniture stands
    for line_id, line in band.lines.items():
        if line_id in drop or any(band.shaped(p) for p in _pieces(line)):
            found.setdefault(line.page, []).append(line.y)
    title_key = _squeezed(title)
    body_size = _common_size(lines)
    for line_id, line in band.lines.items():
        if line_id in drop or line_id in notes or not any(
                abs(line.y - y) <= 2.5 * line.size for y in found.get(line.page, ())):
            continue
        pieces = _pieces(line)
        if abs(line.size - body_size) < 0.5 and not (len(pieces) > 1 and any(band.shaped(p) for p in pieces)):
            continue
        if all(band.shaped(p) or _squeezed(p) in title_key for p in pieces):
            drop.add(line_id)
    return drop


class _Band:
    """The lines in the top and bottom bands of the pages, and which of their pieces repeat."""

    def __init__(self, pages: list[Page], lines: dict[int, list[PrintedLine]], keep: set[int],
                 notes: set[int]) -> None:
        heights = {page.number: page.height for page in pages}
        self.notes = notes
        # Furniture is on most pages: a line found at one height on a few pages of many is no
        # running header (two annexes each open a page with "Annex").
        self.often = max(2, -(-len(lines) * 3 // 10))
        self.lines: dict[int, PrintedLine] = {}
        self.seen: dict[tuple[str, int], set[int]] = {}
        for number, page_lines in lines.items():
            height = heights[number]
            for line in page_lines:
                if (line.y > height * (1 - _BAND) or line.y < height * _BAND) and id(line) not in keep:
                    self.lines[id(line)] = line
                    if id(line) not in notes:
                        for piece in _pieces(line):
                            self.seen.setdefault((piece, round(line.y / 4)), set()).add(number)

    def shaped(self, piece: str) -> bool:
        return bool(_FURNITURE.match(piece))

    def repeated(self, line_id: int, line: PrintedLine, piece: str) -> bool:
        return line_id not in self.notes and len(self.seen.get((piece, round(line.y / 4)), ())) >= self.often


def _common_size(lines: dict[int, list[PrintedLine]]) -> float:
    sizes: dict[float, int] = {}
    for page_lines in lines.values():
        for line in page_lines:
            sizes[round(line.size * 2) / 2] = sizes.get(round(line.size * 2) / 2, 0) + len(line.text)
    return max(sizes, key=sizes.get) if sizes else 10.0


def _squeezed(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def _pieces(line: PrintedLine) -> list[str]:
    """The line's segments, a document symbol at either end of one taken apart from the rest (a
    running header "A/RES/77/108  Title" has no wide gap when the title is long)."""
    out = []
    for _x0, _x1, start, end in line.segments:
        piece = line.text[start:end].strip()
        match = _SYMBOL_AT_END.match(piece)
        if match:
            out += [p for p in (match["before"], match["symbol"], match["after"]) if p and p.strip()]
        elif piece:
            out.append(piece)
    return [p.strip() for p in out] or [line.text.strip()]


def note_zone(lines: list[PrintedLine], rules, body_size: float, text_left: float, text_right: float,
              plausible=lambda marker: True, tables: bool = False) -> int:
    """Where the footnotes of a page start (len(lines) when it has none).

    Under the short rule Word and LibreOffice draw above the notes, when the page has one: the
    notes are what stands below it, a note run on from the page before included. Without a rule,
    the lowest run of smaller type at the foot of the page, from its first line that opens with a
    marker that comes next in the numbering (a table in small type opening with "35 871 050" is
    no note); none on a page with `tables` drawn across the text and no separator."""
    separator = _separator_below(lines, rules, text_left, text_right)
    if separator is not None:
        return separator
    if tables:
        return len(lines)     # a page whose rules set out a table and none its notes has no notes
    start = len(lines)
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].size <= body_size * 0.93:
            start = index
        else:
            break
    while start < len(lines):
        found = note_marker(lines[start])
        if found and plausible(found[0]):
            break
        start += 1
    return start


def starts_note(line: PrintedLine) -> bool:
    return line.starts_with_mark or bool(_MARKER_START.match(line.text))


def note_marker(line: PrintedLine) -> tuple[str, int] | None:
    """The marker a note line opens with, and where its text starts."""
    if line.starts_with_mark and line.marks:
        return line.marks[0][1], 0
    match = _MARKER_START.match(line.text)
    return (match["marker"], match.end()) if match else None


def _is_separator(rule, text_left: float, text_right: float) -> bool:
    width = text_right - text_left
    return rule.x1 - rule.x0 < 0.6 * width and abs(rule.x0 - text_left) < 0.1 * width + 40


def under_rule(page: Page, lines: list[PrintedLine]) -> list[PrintedLine]:
    """The lines under a page's footnote rule, judged before the text's measure is known: a short
    rule in the lower half of the page, starting where the text does."""
    rules = [r for r in page.rules if r.y < page.height / 2 and r.x1 - r.x0 < page.width * 0.4]
    if not rules or not lines:
        return []
    left = min(line.x0 for line in lines)
    rules = [r for r in rules if r.x0 <= left + page.width * 0.15]
    if not rules:
        return []
    lowest = min(r.y for r in rules)
    return [line for line in lines if line.y < lowest]


def _separator_below(lines, rules, text_left, text_right) -> int | None:
    separators = [r for r in rules if _is_separator(r, text_left, text_right)]
    if not separators:
        return None
    rule = min(separators, key=lambda r: r.y)
    for index, line in enumerate(lines):
        if line.y < rule.y:
            return index
    return None


def masthead_lines(lines: list[PrintedLine]) -> list[str]:
    """The masthead's texts in reading order, each side of a line on its own."""
    texts: list[str] = []
    for line in lines:
        for _x0, _x1, start, end in line.segments:
            piece = line.text[start:end].strip()
            if piece:
                texts.append(piece)
    return texts
