"""Stage 2 of the PDF reader: glyphs -> printed lines, with italics, bold and superscripts.

Promises:
- glyphs sharing a baseline make one `PrintedLine`, left to right, top of the page first;
- a group of smaller glyphs raised above the line below it (a superscript: a footnote marker) joins
  that line as a `marks` entry at the offset where it stands, when it is a marker (digits, asterisks,
  daggers); other superscripts ("1st") stay in the text;
- spaces are put where the glyphs leave a gap and the PDF drew none; a gap wider than a few ems
  splits the line into `segments` (the two sides of a masthead, the cells of a table row);
- ligature glyphs become their letters.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from drafter.ingest.pdf_glyphs import Glyph, Page

_MARKER = re.compile(r"^(?:\d{1,3}|\*{1,3}|[†‡§]{1,2})$")
_LETTER = re.compile(r"^[a-z]$")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
_KERNED_SPACE = 0.08        # of the font size: a gap the PDF fills with a space glyph
_SPACE_GAP = 0.18           # of the font size: narrower than any word space, wider than kerning
_SEGMENT_GAP = 4.0          # ems: a masthead's two sides, a table's cells
_HANGING_LETTER = 6.0       # ems: how far left of its line a raised letter may hang (a tab's width)
_TAB_GAP = 1.0              # an em: wider than any justified word space, what a tab leaves
_BASELINE_TOLERANCE = 0.6   # points: glyphs of one line share their baseline; a masthead puts two lines 1 pt apart


@dataclass
class PrintedLine:
    page: int
    y: float
    x0: float
    x1: float
    size: float
    text: str = ""
    italic: list[bool] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    marks: list[tuple[int, str]] = field(default_factory=list)
    letters: list[tuple[int, str]] = field(default_factory=list)   # raised single letters: table notes
    gaps: list[tuple[int, float, float]] = field(default_factory=list)   # offset, x before, x after
    spaces: list[tuple[int, float, float]] = field(default_factory=list)  # every word space, as gaps
    # Gaps narrower than a word space but wider than kerning, between a letter or digit and a
    # capital, as gaps: a tab that a label nearly filled ("Income section 2<tab>General").
    nicks: list[tuple[int, float, float]] = field(default_factory=list)
    starts_with_mark: bool = False

    @property
    def all_bold(self) -> bool:
        letters = [b for ch, b in zip(self.text, self.bold) if ch.isalnum()]
        return bool(letters) and all(letters)

    @property
    def all_italic(self) -> bool:
        letters = [i for ch, i in zip(self.text, self.italic) if ch.isalnum()]
        return bool(letters) and all(letters)

    @property
    def tab_at(self) -> int | None:
        """Where the first gap wider than a word space stands (a tab's)."""
        return self.gaps[0][0] if self.gaps else None

    @property
    def segments(self) -> list[tuple[float, float, int, int]]:
        """Pieces apart by more than a few ems: a masthead's two sides, a running header's."""
        return self.pieces(_SEGMENT_GAP)

    def pieces(self, ems: float) -> list[tuple[float, float, int, int]]:
        """(x0, x1, start, end) of the pieces that gaps wider than `ems` set apart."""
        out, x0, start = [], self.x0, 0
        for at, before, after in self.gaps:
            if after - before > ems * self.size:
                out.append((x0, before, start, at))
                x0, start = after, at + (1 if self.text[at:at + 1] == " " else 0)
        out.append((x0, self.x1, start, len(self.text)))
        return out


def page_lines(page: Page) -> list[PrintedLine]:
    groups = _baseline_groups(page.glyphs)
    raised: dict[int, list[Glyph]] = {}
    hosted: set[int] = set()
    for index in range(len(groups)):
        host = _host_below(groups, index)
        if host is not None:
            raised.setdefault(host, []).extend(groups[index])
            hosted.add(index)
    built = [_build(page.number, group, raised.get(index, []))
             for index, group in enumerate(groups) if index not in hosted]
    built = [line for line in built if line.text.strip() or line.marks]
    return sorted(built, key=lambda line: (-line.y, line.x0))


def _baseline_groups(glyphs: list[Glyph]) -> list[list[Glyph]]:
    groups: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (-g.y, g.x0)):
        if groups and abs(groups[-1][0].y - glyph.y) <= _BASELINE_TOLERANCE:
            groups[-1].append(glyph)
        else:
            groups.append([glyph])
    return groups


def _size(group: list[Glyph]) -> float:
    sizes = [g.size for g in group if g.text.strip()]
    return max(sizes) if sizes else 0.0


def _host_below(groups: list[list[Glyph]], index: int) -> int | None:
    """The line a group of small glyphs is a superscript of: the next line down, if the group is
    smaller than it and sits less than its own height above its baseline, within its width."""
    group = groups[index]
    size = _size(group)
    if not size:
        return None
    for offset, below in enumerate(groups[index + 1:index + 3], start=index + 1):
        host_size = _size(below)
        rise = group[0].y - below[0].y
        if host_size and size < 0.8 * host_size and 0 < rise < 0.75 * host_size:
            left, right = min(g.x0 for g in below), max(g.x1 for g in below)
            # A table note's letter may hang before a tab ("ᵃ<tab>See A/77/528.").
            reach = _HANGING_LETTER if _LETTER.match("".join(g.text for g in group).strip()) else 2
            if min(g.x0 for g in group) >= left - host_size * reach and max(g.x1 for g in group) <= right + host_size * 2:
                return offset
    return None


def _build(page: int, glyphs: list[Glyph], raised: list[Glyph]) -> PrintedLine:
    glyphs = sorted(glyphs, key=lambda g: g.x0)
    sizes = [g.size for g in glyphs if g.text.strip()] or [glyphs[0].size]
    size = statistics.median(sizes)
    line = PrintedLine(page, glyphs[0].y, glyphs[0].x0, max(g.x1 for g in glyphs), size)
    stream = sorted([(g, False) for g in glyphs] + [(g, True) for g in raised], key=lambda p: p[0].x0)
    previous: Glyph | None = None
    pending: list[Glyph] = []
    spaced = False
    for glyph, is_raised in stream:
        if is_raised:
            pending.append(glyph)
            continue
        if pending:
            _flush_raised(line, pending, previous)
            pending = []
        if glyph.text.isspace():
            spaced = True         # the gap decides where a space goes, the PDF's space glyph helps
            continue
        gap = glyph.x0 - previous.x1 if previous is not None else 0.0
        if previous is not None and gap > _TAB_GAP * size and line.text:
            line.gaps.append((len(line.text.rstrip(" ")), previous.x1, glyph.x0))
        # A kerned pair ("r A", "’ p") narrows a word space the PDF still prints as a space glyph.
        wide = gap > (_KERNED_SPACE if spaced else _SPACE_GAP) * size
        spaced = False
        if previous is not None and wide and line.text and not line.text.endswith(" "):
            line.spaces.append((len(line.text), previous.x1, glyph.x0))
            _add(line, " ", False, False)
        elif gap > _KERNED_SPACE * size and len(line.nicks) < 3 and line.text[-1:].isalnum() and glyph.text.isupper():
            line.nicks.append((len(line.text), previous.x1, glyph.x0))
        _add(line, _LIGATURES.get(glyph.text, glyph.text), glyph.italic, glyph.bold)
        previous = glyph
    if pending:
        _flush_raised(line, pending, previous)
    _trim(line)
    return line


def _add(line: PrintedLine, text: str, italic: bool, bold: bool) -> None:
    for char in text:
        if char.isspace():
            if not line.text or line.text.endswith(" "):
                continue
            char = " "
        line.text += char
        line.italic.append(italic and char != " ")
        line.bold.append(bold and char != " ")


def _flush_raised(line: PrintedLine, raised: list[Glyph], previous: Glyph | None) -> None:
    """Raised glyphs: one marker per run of glyphs without a gap between them ("12", "5 6")."""
    runs: list[list[Glyph]] = []
    for glyph in raised:
        if runs and glyph.x0 - runs[-1][-1].x1 <= 0.5 * glyph.size and glyph.text.strip():
            runs[-1].append(glyph)
        elif glyph.text.strip():
            runs.append([glyph])
    for run in runs:
        text = "".join(g.text for g in run)
        markers = [text] if _MARKER.match(text) else _consecutive(text)
        at = len(line.text.rstrip(" ")) if previous is not None else 0
        if markers:
            if previous is None:
                line.starts_with_mark = True
            line.marks.extend((at, marker) for marker in markers)
        elif _LETTER.match(text):
            line.letters.append((at, text))    # a table note's letter ("2023ᵃ"), or a raised letter
        else:
            for glyph in run:
                _add(line, glyph.text, glyph.italic, glyph.bold)


def _consecutive(digits: str) -> list[str]:
    """Markers printed flush one after another ("123456" for notes 1 to 6, "1213" for 12 and 13),
    when the digits read as consecutive numbers and nothing else; [] otherwise."""
    if not digits.isdigit():
        return []
    for width in (1, 2, 3):
        first = int(digits[:width])
        out, n, rest = [], first, digits
        while rest.startswith(str(n)):
            out.append(str(n))
            rest = rest[len(str(n)):]
            n += 1
        if not rest and len(out) > 1:
            return out
    return []


def insert_space(line: PrintedLine, at: int) -> None:
    """A space put into the line's text at `at` (a tab its glyphs left no room for); what stands
    at or after it moves on by one."""
    line.text = line.text[:at] + " " + line.text[at:]
    line.italic.insert(at, False)
    line.bold.insert(at, False)
    line.marks = [(a + (a >= at), m) for a, m in line.marks]
    line.letters = [(a + (a >= at), m) for a, m in line.letters]
    for name in ("gaps", "spaces", "nicks"):
        setattr(line, name, [(a + (a > at), b, c) for a, b, c in getattr(line, name)])


def _trim(line: PrintedLine) -> None:
    while line.text.endswith(" "):
        line.text = line.text[:-1]
        line.italic.pop()
        line.bold.pop()
