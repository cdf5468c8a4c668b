"""A resolution as the page shows it: masthead, then a flat list of blocks in reading order.

    layout(resolution) -> Page(masthead, blocks, header)

Every renderer that draws pages (Word, the redline, text) starts here, so structure is decided once:
- the masthead's cells and lines (a draft's sponsor and committee lines, an adopted resolution's
  "Resolution adopted by ... on <date>" and "[on the report of ...]" lines);
- the title with its number, and the notes the model puts on it (never notes cited nowhere);
- each part with its own label, title, enacting formula, body and closing;
- sections with their labels and headings (the first level centred, deeper levels as run-in
  headings), their own preambles and paragraphs;
- paragraphs numbered exactly as the source numbers them; leads and other italics as runs;
  footnotes where their markers stood; sub-paragraphs one level deeper each; closing words after
  sub-paragraphs; tables as tables, their lettered notes beneath;
- annexes, each from a new page, with their label and title once.

Blocks are plain frozen data (`kind`, `style`, `inlines`), so two pages can be compared block by
block (redline.py) and tests can check the structure without opening Word.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import field, replace

from drafter.model import (
    Annex,
    Cell,
    FootnoteRef,
    Paragraph,
    Part,
    Resolution,
    Section,
    Span,
    SubParagraph,
    Table,
    refs_in,
)
from drafter.ordinals import session_heading
from drafter.records import dataclass
from drafter.render.measure import text_stop
from drafter.render.phrases import (
    ENGLISH,
    committee_of,
    is_draft,
    sponsor_line,
    un_date,
    words_for,
)
from drafter.render.styles import INDENT


@dataclass(frozen=True)
class Text:
    """A run of text and how it looks."""

    text: str
    italic: bool = False
    bold: bool = False
    superscript: bool = False


@dataclass(frozen=True)
class Note:
    """A footnote: the marker the source gives it ("1", "*") and its text."""

    marker: str
    text: str
    italics: tuple[Span, ...] = ()


Inline = Text | Note


@dataclass(frozen=True)
class CellLayout:
    """A table cell as printed: its inlines, span and alignment."""

    inlines: tuple[Inline, ...]
    span: int = 1
    merge: str | None = None              # "restart" | "continue" for a cell spanning rows
    align: str | None = None


@dataclass(frozen=True)
class TableLayout:
    """A table as printed: its column widths and rows."""

    weights: tuple[int, ...]              # relative column widths
    rows: tuple[tuple[CellLayout, ...], ...]
    header_rows: int = 0


@dataclass(frozen=True)
class Block:
    """A paragraph of the page: its kind, its style and what it holds."""

    kind: str          # title, formula, preambular, operative, sub, wrap-up, part, section, subsection,
                       # annex, heading, text, table, table-note, closing, sponsor, adoption, report
    style: str
    inlines: tuple[Inline, ...]
    first: int | None = None              # first-line indent, where the style has none
    page_break: bool = False
    table: TableLayout | None = None
    level: int = 0
    left: int | None = None               # left indent, where the style's is not the one
    before: int | None = None             # space before, where the style's is not the one
    keep_next: bool = False               # on the same page as the block after it
    tabs: tuple[tuple[str, int], ...] = ()  # ("clear" | "left", position): stops the style's lack

    def text(self) -> str:
        return "".join(i.text for i in self.inlines if isinstance(i, Text))


@dataclass(frozen=True)
class PrintedMasthead:
    """The masthead as the page prints it, its left and right columns."""

    organization: str
    symbol: str
    organ: str
    right: tuple[str, ...]                # distribution, date, "Original: English"
    left: tuple[str, ...]                 # session, committee, agenda item
    agenda_title: str | None = None


@dataclass(frozen=True)
class Page:
    """The whole document as laid out, for any renderer: masthead, blocks, running head."""

    masthead: PrintedMasthead
    blocks: tuple[Block, ...]
    header: tuple[str, str | None]        # the running symbol and, for a resolution, its title
    title: str                            # for the file's properties
    date: str                             # ISO date the document is of
    warnings: tuple[str, ...] = ()
    language: str | None = None           # the text's language tag ("fr-FR"), when not English


def layout(resolution: Resolution, words=None) -> Page:
    """The page, in the words of the resolution's language unless `words` are given."""
    return _Layout(resolution, words or words_for(resolution.language)).page()


@dataclass
class _Notes:
    """The notes of what is being laid out now (the resolution's or a part's)."""

    texts: dict[str, str]
    italics: dict[str, tuple[Span, ...]]
    table_markers: frozenset[str] = frozenset()
    warnings: list[str] = field(default_factory=list)

    def inline(self, ref: FootnoteRef) -> Inline:
        if ref.marker in self.table_markers:
            return Text(ref.marker, superscript=True)
        text = self.texts.get(ref.marker)
        if text is None:
            self.warnings.append(f"footnote {ref.marker} has no text in the source; it is left empty")
        return Note(ref.marker, text or "", self.italics.get(ref.marker, ()))


class _Layout:
    def __init__(self, resolution: Resolution, words) -> None:
        self.r = resolution
        self.words = words
        self.draft = is_draft(resolution)
        self.notes = _Notes(resolution.footnotes, resolution.note_italics)
        self.warnings = self.notes.warnings
        self.blocks: list[Block] = []
        self.last_letter: str | None = None       # of free text lettered "(a)", "(b)" ...

    def page(self) -> Page:
        r = self.r
        self.heading_lines()
        self.title()
        if r.preamble or r.operative or r.sections or not r.parts:
            self.formula(r)
            self.holder(r, 1)
        for part in r.parts:
            self.part(part)
        if r.adopted and not self.draft and not any(part.adopted for part in r.parts):
            self.closing(r.adopted)
        for annex in r.annexes:
            self.annex(annex)
        masthead = self.masthead()
        header = (masthead.symbol, None if self.draft else r.title)
        title = r.title or masthead.symbol
        language = self.words["language_tag"] if r.language != "en" else None
        return Page(masthead, tuple(self.blocks), header, title, document_date(r, self.words),
                    tuple(dict.fromkeys(self.warnings)), language)

    def add(self, kind: str, style: str, inlines, **extra) -> None:
        self.blocks.append(Block(kind, style, tuple(inlines), **extra))

    # --- masthead and title -----------------------------------------------------------------
    def masthead(self) -> PrintedMasthead:
        r, m, words = self.r, self.r.masthead, self.words
        symbol = (m.symbol if m and m.symbol else None) or r.symbol or r.number
        organ = (m.organ if m and m.organ else None) or r.body
        distribution = (m.distribution if m and m.distribution else None) or (
            words["limited"] if self.draft else words["general"])
        right = [distribution]
        if m and m.issued:
            right.append(m.issued)
        elif self.draft:
            right.append(words["date_to_fill"])
        if self.draft:
            right.append(words["original"])
        session = (m.session if m and m.session else None) or (session_heading(r.session) if r.session else None)
        committee = committee_of(symbol, words) if self.draft else None
        left = tuple(x for x in (session, committee, m.agenda_item if m else None) if x)
        return PrintedMasthead(words["organization"], symbol, organ, tuple(right), left,
                        m.agenda_title if m else None)

    def heading_lines(self) -> None:
        r, m = self.r, self.r.masthead
        if self.draft:
            # Always there: a sponsor nobody named yet is a placeholder, listed as still to fill.
            line = sponsor_line(m.sponsor if m else None, (m.symbol if m else None) or r.symbol, self.words)
            self.add("sponsor", "Sponsor", [Text(line)])
            return
        if r.adopted:
            self.add("adoption", "AdoptionLine", [Text(adoption_line(r, self.words))])
            if m and m.origin:
                self.add("report", "ReportLine", [Text(m.origin)])

    def title(self) -> None:
        r = self.r
        refs, warning = title_notes(r)
        if warning:
            self.warnings.append(warning)
        if self.draft:
            self.add("title", "DocTitle", self.inlines(r.title or "", refs), first=0, left=INDENT)
            return
        number, letter = one_part(r)
        # One resolution of several adopted under a number, published alone (75/245 B): the
        # number and title of them all, then its letter, which carries the notes on it, and the
        # part's own title under it (75/290 A). Further titles follow the first a line each.
        more = [line for title in r.more_titles for line in (Text("\n"), Text(title))]
        self.add("title", "DocTitle", [Text(f"{number}.\t"), *self.inlines(r.title or "", () if letter else refs),
                                       *more])
        if letter:
            self.add("part", "PartHeading", [Text(letter), *(self.notes.inline(ref) for ref in refs)])
            if r.part_title:
                self.add("part", "PartHeading", [Text(r.part_title)], before=0)

    def formula(self, holder) -> None:
        """"The General Assembly," -- with a comma when preambular paragraphs follow, without one
        when the resolution goes straight to what it does ("The General Assembly / Resolves that")."""
        comma = [Text(",")] if opens_with_preamble(holder) else []
        self.add("formula", "SingleTxt", [Text(self.words["formula"].format(body=self.r.body), italic=True),
                                          *comma], first=INDENT)

    # --- parts, sections, paragraphs --------------------------------------------------------
    def part(self, part: Part) -> None:
        saved = self.notes
        self.notes = _Notes(part.footnotes or self.r.footnotes, part.note_italics or self.r.note_italics,
                            warnings=self.warnings)
        self.add("part", "PartHeading", [Text(part.label)])
        if part.title:
            self.add("part", "PartHeading", self.inlines(part.title, part.title_footnotes), before=0)
        self.formula(part)
        self.holder(part, 1)
        if part.adopted:
            self.closing(part.adopted)
        self.notes = saved

    def holder(self, holder, depth: int) -> None:
        for paragraph in holder.preamble:
            self.paragraph(paragraph, "preambular")
        for paragraph in holder.operative:
            self.paragraph(paragraph, "operative")
        for section in holder.sections:
            self.section(section, depth)

    def section(self, section: Section, depth: int) -> None:
        heading = self.inlines(section.heading or "", section.heading_footnotes)
        if depth == 1:
            if section.label:
                self.add("section", "SectionHeading", [Text(section.label)], level=depth)
            if section.heading:
                # Under its label ("I"), the heading follows at once.
                self.add("section", "SectionHeading", heading, level=depth, before=0 if section.label else None)
        elif section.label or section.heading:
            label = [Text(section.label + ("\t" if section.heading else ""))] if section.label else []
            self.add("subsection", "SubsectionHeading", [*label, *heading], level=depth,
                     **_hang_past(section.label if section.heading else ""))
        self.holder(section, depth + 1)

    def paragraph(self, paragraph: Paragraph, kind: str) -> None:
        if paragraph.style == "heading":
            label = None if paragraph.number is None else str(paragraph.number)
            prefix = [Text(f"{label}\t")] if label is not None else []
            # A heading has no stops of its own: its title goes to Word's next 0.25 in default stop.
            self.add("heading", "Heading", [*prefix, *self.text_of(paragraph)],
                     tabs=_tabs_past(label, INDENT, INDENT + 360, bold=True))
        elif paragraph.text or paragraph.number is not None or not paragraph.table:
            number = _number(paragraph.number, kind)
            prefix = [Text(f"{number}\t")] if number else []
            depth = self.label_depth(number) if kind == "text" else 0
            if depth:
                # Free text lettered "(a)" or "(i)" (an annex's rules, a declaration) is set as the
                # sub-paragraphs of the body are, one step deeper for each kind of label.
                style = ("SubPara", "SubSubPara")[depth - 1]
                self.add("sub", style, [*prefix, *self.text_of(paragraph)], level=depth)
            else:
                self.add(kind, "SingleTxt", [*prefix, *self.text_of(paragraph)], first=INDENT,
                         tabs=_tabs_past(number, 2 * INDENT, BODY_TEXT_STOP))
        self.subparagraphs(paragraph.subparagraphs, 1)
        if paragraph.wrap_up is not None:
            self.add("wrap-up", "SingleTxt", self.inlines(paragraph.wrap_up, paragraph.wrap_up_footnotes))
        if paragraph.table is not None:
            self.table(paragraph.table)

    def label_depth(self, number: str | None) -> int:
        """1 for a letter "(a)", 2 for a roman numeral "(i)" (unless it is the letter after "(h)"),
        0 for anything else; remembers the last letter, so "(h)", "(i)" stay letters."""
        found = _LETTER_LABEL.match(number or "")
        if not found:
            return 0
        label = found.group(1)
        follows = self.last_letter is not None and len(label) == 1 and ord(label) == ord(self.last_letter) + 1
        if _ROMAN.match(label) and not follows:
            return 2
        self.last_letter = label[-1]
        return 1

    def subparagraphs(self, subs: tuple[SubParagraph, ...], depth: int) -> None:
        style = ("SubPara", "SubSubPara", "SubSubSubPara")[min(depth, 3) - 1]
        for sub in subs:
            label = [Text(f"{sub_label(sub.label)}\t")] if sub.label else []
            self.add("sub", style, [*label, *self.inlines(sub.text, sub.footnotes, sub.italics)], level=depth)
            self.subparagraphs(sub.subparagraphs, depth + 1)
            if sub.wrap_up is not None:
                self.add("wrap-up", "SingleTxt", self.inlines(sub.wrap_up, sub.wrap_up_footnotes))

    def text_of(self, paragraph: Paragraph) -> list[Inline]:
        lead = paragraph.lead if paragraph.lead and paragraph.text.startswith(paragraph.lead) else ""
        italics = ((Span(0, len(lead)),) if lead else ()) + paragraph.italics
        return self.inlines(paragraph.text, paragraph.footnotes, italics)

    def inlines(self, text: str, refs=(), italics=(), bold: bool = False) -> list[Inline]:
        return inlines(text, refs, italics, self.notes.inline, bold)

    # --- tables ----------------------------------------------------------------------------
    def table(self, table: Table) -> None:
        saved = self.notes
        # The table's own marks: its notes', and any mark in a cell that names none of the
        # document's notes, the table having set its note in a cell (80/226: "a" / "See sect. E.").
        cited = {ref.marker for row in table.rows for cell in row for ref in cell.footnotes}
        own = {n.marker for n in table.notes} | {marker for marker in cited if marker not in saved.texts}
        self.notes = _Notes(saved.texts, saved.italics, frozenset(own), warnings=self.warnings)
        self.add("table", "TableText", [], table=self.grid(table))
        for note in table.notes:
            self.add("table-note", "TableNote", [Text(note.marker, superscript=True), Text("\t"),
                                                 *self.inlines(note.text, (), note.italics)])
        self.notes = saved

    def grid(self, table: Table) -> TableLayout:
        """Cells placed on the grid: a cell spanning rows leaves an empty continuation cell in the
        rows below, as Word wants; column widths follow the longest text in each column."""
        below: dict[int, tuple[int, int]] = {}       # column -> (rows still covered, columns spanned)
        rows, weights = [], {}
        for row in table.rows:
            cells: list[CellLayout] = []
            column = _continued(cells, below, 0)
            for cell in row:
                cells.append(self.cell(cell))
                if cell.rowspan > 1:
                    below[column] = (cell.rowspan - 1, cell.colspan)
                if cell.colspan == 1:
                    weights[column] = max(weights.get(column, 0), min(len(cell.text), 48))
                column = _continued(cells, below, column + cell.colspan)
            for start in sorted(c for c in below if c >= column):   # spans reaching past the row's cells
                column = _continued(cells, below, start)
            rows.append(tuple(cells))
        columns = max((sum(c.span for c in row) for row in rows), default=1)
        header_rows = next((i for i, row in enumerate(table.rows) if not all(c.header for c in row)), len(rows))
        return TableLayout(tuple(weights.get(c, 0) + 6 for c in range(columns)), tuple(rows), header_rows)

    def cell(self, cell: Cell) -> CellLayout:
        merge = "restart" if cell.rowspan > 1 else None
        return CellLayout(tuple(self.inlines(cell.text, cell.footnotes, cell.italics, cell.bold)),
                          cell.colspan, merge, cell.align)

    # --- closing and annexes ----------------------------------------------------------------
    def closing(self, adopted) -> None:
        """The meeting and the date, a line each on one page, no space between them, as the UN sets them."""
        lines = [line for line in (adopted.meeting, un_date(adopted.date, self.words) if adopted.date else None)
                 if line]
        for index, line in enumerate(lines):
            self.add("closing", "Closing", [Text(line)], before=0 if index else None,
                     keep_next=index < len(lines) - 1)

    def annex(self, annex: Annex) -> None:
        first = True
        for line, refs in ((annex.label, ()), (annex.title, annex.title_footnotes)):
            if line:
                self.add("annex", "AnnexHeading", self.inlines(line, refs), page_break=first,
                         before=None if first else 0)
                first = False
        for paragraph in annex.paragraphs:
            self.paragraph(paragraph, "text")
            if first:                      # an annex with no heading still starts a page
                self.blocks[-1] = _with_page_break(self.blocks[-1])
                first = False


def _continued(cells: list[CellLayout], below: dict[int, tuple[int, int]], column: int) -> int:
    """Empty continuation cells for the cells above that span down into this row at `column`."""
    while column in below:
        rows, span = below[column]
        cells.append(CellLayout((), span=span, merge="continue"))
        if rows > 1:
            below[column] = (rows - 1, span)
        else:
            del below[column]
        column += span
    return column


def _with_page_break(block: Block) -> Block:
    return replace(block, page_break=True)


def inlines(text: str, refs=(), italics=(), note_for=None, bold: bool = False) -> list[Inline]:
    """Text cut into runs at every italic boundary, with each note where its marker stood."""
    cuts = {0, len(text)} | {min(max(s.start, 0), len(text)) for s in italics} | {
        min(max(s.end, 0), len(text)) for s in italics} | {min(r.at, len(text)) for r in refs}
    out: list[Inline] = []
    ordered = sorted(refs, key=lambda ref: ref.at)
    stops = sorted(cuts)
    for start, end in zip(stops, stops[1:] + [None]):
        out.extend(note_for(ref) for ref in ordered if min(ref.at, len(text)) == start)
        if end is not None and end > start:
            italic = any(s.start <= start and end <= s.end for s in italics)
            out.append(Text(text[start:end], italic=italic, bold=bold))
    return out


_LETTER_LABEL = re.compile(r"^\(([a-z]{1,4})\)$")
_ROMAN = re.compile(r"^(?=[ivxl])(x{0,3})(ix|iv|v?i{0,3})$")
_PART_LETTER = re.compile(r"^(\S+)\s+([A-Z])$")


def one_part(resolution: Resolution) -> tuple[str, str | None]:
    """"75/245 B" -> ("75/245", "B"): the number of a resolution that is one part of several and
    that prints its letter apart, under the title; else (the number, None)."""
    found = _PART_LETTER.match(resolution.number or "")
    if found and not resolution.parts and not _lettered_when_adopted(resolution):
        return found.group(1), found.group(2)
    return resolution.number, None


def _lettered_when_adopted(resolution: Resolution) -> bool:
    """Texts adopted together under one number at the main part of the session (September to
    December of 1945 + session) carry their letter in it: "78/183 A.", "78/183 B.". A text
    adopted under a number already used, at the resumed part of the next year, has its letter
    set under the title, with a note that the first text becomes "A" (75/245 B, 77/292 B). In the
    corpus: 2 and 20 of the 22 files published alone under a lettered number."""
    adopted, session = resolution.adopted, resolution.session
    if resolution.body != "General Assembly" or not (adopted and adopted.date and session):
        return False
    return int(adopted.date[:4]) == 1945 + session


def adoption_line(resolution: Resolution, words=ENGLISH) -> str:
    """"Resolution adopted by the General Assembly on 19 December 2023"; "Resolutions ..." for
    resolutions adopted together (every corpus masthead says so: 15 of 15, and 1,901 singular)."""
    adopted = resolution.adopted
    date = un_date(adopted.date, words) if adopted and adopted.date else None
    key = ("adopted_together" if resolution.parts else "adopted") + ("_on" if date else "")
    return words[key].format(body=resolution.body, date=date)


def opens_with_preamble(holder) -> bool:
    """Does a preambular paragraph come first, at the top or opening the first section? In the
    corpus the formula takes a comma exactly then (1,934 of 1,937 formulas)."""
    if holder.preamble:
        return True
    if holder.operative or not holder.sections:
        return False
    return opens_with_preamble(holder.sections[0])


def sub_label(label: str) -> str:
    """"a" -> "(a)"; a label printed with its own punctuation ("1.", "a)") stays as it is."""
    return f"({label})" if label.isalnum() else label


def title_notes(resolution: Resolution) -> tuple[tuple[FootnoteRef, ...], str | None]:
    """The notes on the title: where the model puts them; else the notes marked by a symbol ("*")
    that nothing cites, as in a text that lost where its marks stood (2006/2). Numbered notes cited
    nowhere are never piled on the title: they are reported."""
    if resolution.title_footnotes:
        return resolution.title_footnotes, None
    cited = _cited(resolution)
    loose = [m for m in resolution.footnotes if m not in cited]
    numbered = [m for m in loose if m.isdigit()]
    warning = f"footnotes {', '.join(numbered)} are cited nowhere in the source; left out" if numbered else None
    end = len(resolution.title or "")
    return tuple(FootnoteRef(m, end) for m in loose if not m.isdigit()), warning


def _number(number, kind: str) -> str | None:
    """The number as the source prints it: 3 -> "3."; a number the source wrote otherwise ("1.1",
    "I.", "(a)") stays as it is."""
    if number is None:
        return None
    return f"{number}." if isinstance(number, int) else str(number)


# A numbered paragraph's number stands at 2.54 cm, its text at the body's next tab stop.
BODY_TEXT_STOP = 2 * INDENT + 360


def _tabs_past(label: str | None, start: int, stop: int, bold: bool = False) -> tuple[tuple[str, int], ...]:
    """No tab stops of its own for a label that leaves room before the style's `stop` ("1.", "A.");
    for a wider one ("158.", "Income section 2"), the style's stop cleared and one where the text
    stands clear of the label (drafter/render/measure.py)."""
    if not label:
        return ()
    moved = text_stop(start, label, stop, bold=bold)
    return () if moved == stop else (("clear", stop), ("left", moved))


def _hang_past(label: str) -> dict:
    """A sub-section heading hangs its label at 1.27 cm and its title at 2.54 cm; a label wider than
    the hang moves the title (and the lines under it) to a stop clear of the label."""
    tabs = _tabs_past(label, INDENT, 2 * INDENT, bold=True)
    if not tabs:
        return {}
    stop = tabs[-1][1]
    return {"tabs": tabs, "left": stop, "first": INDENT - stop}


def _cited(resolution: Resolution) -> set[str]:
    cited = {ref.marker for ref in resolution.title_footnotes}
    for _, paragraph in resolution.all_paragraphs():
        cited |= {ref.marker for ref in refs_in(paragraph)}
    for section in _sections(resolution):
        cited |= {ref.marker for ref in section.heading_footnotes}
    for annex in resolution.annexes:
        cited |= {ref.marker for ref in annex.title_footnotes}
        for paragraph in annex.paragraphs:
            cited |= {ref.marker for ref in refs_in(paragraph)}
    return cited


def _sections(holder):
    for section in holder.sections:
        yield section
        yield from _sections(section)
    for part in getattr(holder, "parts", ()):
        yield from _sections(part)


_DAY = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")


def document_date(resolution: Resolution, words=ENGLISH) -> str:
    """The date a document is of, for its properties: the adoption, the issue date, the month the
    session a draft is for opens (September of 1945 + session), or the year of a number such as
    2006/2."""
    if resolution.adopted and resolution.adopted.date:
        return resolution.adopted.date[:10]
    issued = resolution.masthead.issued if resolution.masthead else None
    found = _DAY.match(" ".join((issued or "").split()))
    if found and found.group(2) in words["months"]:
        return dt.date(int(found.group(3)), words["months"].index(found.group(2)) + 1,
                       int(found.group(1))).isoformat()
    if resolution.session and resolution.body == "General Assembly":
        return f"{1945 + resolution.session}-09-01"
    year = re.match(r"^(\d{4})/", resolution.number or "")
    return f"{year.group(1)}-01-01" if year else "2000-01-01"
