"""DOCX out: a page laid out by layout.py, written as Word writes a UN document.

    build(resolution, reference=None, paper="A4", base=None, redline="tracked") -> (bytes, warnings)

With `base`, the document is the resolution written against its base as tracked changes
(redline.py). The styles come from a reference document (templates/reference.docx, or the user's
own .docx or .dotx, whose styles win; styles it lacks are added and reported). Raw XML is left to
wordml.py, the package around the body to package.py.

What the file carries besides the text: the UN masthead as a ruled table; the running symbol (and
a resolution's title) in the header and "page/pages" in the footer of every page after the first,
outer side on odd and even pages; real Word footnotes; British English; the document's title,
subject, drafter as its author and the document's own date in its properties. Same inputs give
the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from drafter.model import Resolution
from drafter.output import write_atomic
from drafter.records import dataclass
from drafter.render import package, wordml
from drafter.render.chars import xml_text
from drafter.render.layout import (
    Block,
    Note,
    Page,
    PrintedMasthead,
    TableLayout,
    Text,
    inlines,
    layout,
)
from drafter.render.styles import INDENT, MARGINS, PAPER

_ORGANIZATION_WIDTH = 3402       # 6 cm: "United Nations" under the symbol's row
_DISTRIBUTION_WIDTH = 2835       # 5 cm: "Distr.: General", the date, "Original: English"

# A piece of a paragraph with what happened to it: "=" kept, "+" inserted, "-" deleted; "~" a note
# kept whose text changed, holding (old note, new note).
Piece = tuple[str, object]


def render_docx(resolution: Resolution, out: Path, *, reference: Path | None = None, paper: str = "A4",
                force: bool = False) -> list[str]:
    data, warnings = build(resolution, reference=reference, paper=paper)
    write_atomic(Path(out), data, force=force)
    return warnings


def render_docx_bytes(resolution: Resolution, *, reference: Path | None = None, paper: str = "A4") -> bytes:
    return build(resolution, reference=reference, paper=paper)[0]


def build(resolution: Resolution, *, reference: Path | None = None, paper: str = "A4",
          base: Resolution | None = None, redline: str = "tracked") -> tuple[bytes, list[str]]:
    """The document; with `base`, written against it as tracked changes (`redline="tracked"`) or
    the older convention, new text bold and deleted text struck through (`redline="marked"`)."""
    template = package.load(reference)
    page = layout(resolution)
    writer = Writer(template, paper, tracked=base is not None and redline == "tracked",
                    marked=base is not None and redline == "marked")
    if base is None:
        writer.page(page)
        return writer.finish(page), list(template.warnings) + list(page.warnings)
    from drafter.render.redline import write_redline
    base_page = layout(base)
    write_redline(writer, base_page, page)
    return writer.finish(page, base_page.header), list(template.warnings) + list(page.warnings)


def paper_size(paper: str) -> tuple[int, int]:
    key = {"a4": "A4", "letter": "letter"}.get(paper.lower())
    if key is None:
        raise ValueError(f"paper must be A4 or letter, not {paper!r}")
    return PAPER[key]


@dataclass(frozen=True)
class Line:
    """One paragraph of a masthead cell, with what happened to it in a redline."""

    style: str
    pieces: tuple[Piece, ...]
    whole: str | None = None              # "ins" | "del": the paragraph itself added or removed


class Writer:
    AUTHOR = "drafter"
    DATE = "2000-01-01T00:00:00Z"        # fixed, so the same draft gives the same bytes

    def __init__(self, template: package.Template, paper: str, tracked: bool = False,
                 marked: bool = False) -> None:
        self.template = template
        self.paper = paper_size(paper)
        self.width = self.paper[0] - MARGINS["left"] - MARGINS["right"]
        self.style = template.styles
        self.tracked = tracked
        self.marked = marked
        self.revisions = wordml.Revisions(self.AUTHOR, self.DATE)
        self.document = wordml.root("w:document")
        self.body = wordml.sub(self.document, "w:body")
        self.notes = wordml.footnotes_root()
        self.note_count = 0                # notes written so far (ids)
        self.auto_count = 0                # notes Word numbers itself
        self.cited: dict[tuple[str, str], tuple[str, str]] = {}   # (marker, text) -> (bookmark, number)

    # --- the whole page ---------------------------------------------------------------------
    def page(self, page: Page) -> None:
        self.masthead(masthead_lines(page.masthead))
        for block in page.blocks:
            self.block(block, [("=", inline) for inline in block.inlines])

    def finish(self, page: Page, base_header: tuple[str, str | None] | None = None) -> bytes:
        """`base_header`: in a redline, the base's running head, which the draft's replaces as a
        tracked change."""
        extras = [package.Extra("footnotes", "footnotes.xml", "rIdFootnotes", self.notes)]
        headers, footers = {}, {}
        for index, (kind, element) in enumerate(self.running(page.header, base_header), start=1):
            name = "header" if kind.startswith("header") else "footer"
            side = kind.split("-")[1]
            rel_id = f"rId{name.title()}{side.title()}"
            extras.append(package.Extra(name, f"{name}{index}.xml", rel_id, element))
            (headers if name == "header" else footers)[side] = rel_id
        # The body ends in an empty paragraph every document has: Word and LibreOffice never
        # delete a document's last paragraph mark, so a redline ending in blocks the draft drops
        # (58/208's closing) would keep one empty paragraph after Accept All.
        wordml.paragraph(self.body, self.style["Normal"])
        wordml.section_properties(self.body, self.paper, MARGINS, headers, footers)
        settings = {"evenAndOddHeaders": {}}
        if self.tracked:
            settings["trackRevisions"] = {}
        properties = package.Properties(title=xml_text(page.title), subject=xml_text(page.masthead.symbol),
                                        created=f"{page.date}T00:00:00Z", language=page.language)
        return package.write(self.template, self.document, extras, properties, settings)

    # --- masthead ---------------------------------------------------------------------------
    def masthead(self, cells: dict[str, list[Line]]) -> None:
        """Two ruled rows: "United Nations" and the symbol (which may be long: it takes two
        columns), then the organ and the distribution lines at the right."""
        widths = [_ORGANIZATION_WIDTH, self.width - _ORGANIZATION_WIDTH - _DISTRIBUTION_WIDTH, _DISTRIBUTION_WIDTH]
        table = wordml.layout_table(self.body, widths)
        for row, rule in (((("organization", 1), ("symbol", 2)), 4), ((("organ", 2), ("right", 1)), 24)):
            tr = wordml.sub(table, "w:tr")
            column = 0
            for name, span in row:
                width = sum(widths[column:column + span])
                tc = wordml.layout_cell(tr, width, rule, span, align="top" if name == "right" else "bottom")
                self.lines(tc, cells[name] or [Line("MastheadRight", ())])
                column += span
        self.lines(self.body, cells["left"])

    def lines(self, parent, lines: list[Line]) -> None:
        for line in lines:
            p = wordml.paragraph(parent, self.style[line.style])
            self.pieces(p, line.pieces)
            self.whole(p, line.whole)

    # --- blocks -----------------------------------------------------------------------------
    def block(self, block: Block, pieces: list[Piece], whole: str | None = None, was: Block | None = None) -> None:
        """A block of the page; in a redline, `was` is the base's block it replaces, whose
        setting a tracked change keeps when the two are set differently."""
        if block.table is not None:
            self.table(block.table, whole)
            return
        setting = self.setting(block)
        p = wordml.paragraph(self.body, **setting)
        if was is not None and self.tracked and (before := self.setting(was)) != setting:
            wordml.paragraph_properties(self.revisions.setting_change(p), **before)
        self.pieces(p, pieces)
        self.whole(p, whole)

    def setting(self, block: Block) -> dict:
        """How a block's paragraph is set: `wordml.paragraph`'s style and direct formatting."""
        hanging = -block.first if block.first is not None and block.first < 0 else None
        return {"style_id": self.style[block.style], "first": block.first, "left": block.left, "hanging": hanging,
                "page_break": block.page_break, "before": block.before,
                "keep_next": block.kind == "formula" or block.keep_next, "tabs": block.tabs}

    def whole(self, p, whole: str | None) -> None:
        if whole and self.tracked:
            self.revisions.mark_paragraph(p, whole)

    def pieces(self, p, pieces) -> None:
        for op, item in pieces:
            if op == "~":
                self.note(p, item[1], "=", old=item[0])
            elif isinstance(item, Note):
                self.note(p, item, op)
            else:
                self.text(p, item, op)

    def text(self, parent, item: Text, op: str) -> None:
        if not item.text:
            return
        bold, strike = item.bold, False
        if op != "=" and self.marked:
            bold, strike = bold or op == "+", op == "-"
        target = self.change(parent, op)
        wordml.run(target, item.text if item.text == "\n" else xml_text(item.text), italic=item.italic,
                   bold=bold, superscript=item.superscript, strike=strike, deleted=op == "-" and self.tracked)

    def change(self, parent, op: str):
        """Where a run goes: the paragraph itself, or a w:ins / w:del inside it."""
        if op == "=" or not self.tracked:
            return parent
        return self.revisions.wrap(parent, "ins" if op == "+" else "del")

    # --- footnotes --------------------------------------------------------------------------
    def note(self, p, note: Note, op: str, old: Note | None = None) -> None:
        """A Word footnote: the reference in the text, the note in the footnotes part. A note cited
        again (the same marker, the same text) is not a second note: its number is a reference to
        the first (a NOTEREF field), as the UN sets it. In a redline both citations must be kept
        ones (in the base and the draft alike, 78/11), so that Accept All and Reject All each
        leave a citation of a note that is still there."""
        earlier = self.cited.get((note.marker, note.text))
        if earlier is not None and op == "=":
            wordml.note_again(p, self.style["FootnoteReference"], *earlier)
            return
        self.note_count += 1
        mark = self.mark_of(note)
        bookmark = None
        if op == "=":
            bookmark = (self.note_count, f"_RefNote{self.note_count}")
            self.cited[(note.marker, note.text)] = (bookmark[1], mark or str(self.auto_count))
        wordml.footnote_reference(self.change(p, op), self.style["FootnoteReference"], self.note_count, mark,
                                  deleted=op == "-" and self.tracked, bookmark=bookmark)
        paragraph = wordml.footnote(self.notes, self.note_count, self.style["FootnoteText"],
                                    self.style["FootnoteReference"], mark)
        new = [Text(t.text, t.italic) for t in inlines(note.text, (), note.italics)]
        if old is not None and old.text != note.text:
            from drafter.render.redline import diff_inlines
            previous = [Text(t.text, t.italic) for t in inlines(old.text, (), old.italics)]
            self.pieces(paragraph, diff_inlines(previous, new))
        else:
            self.pieces(paragraph, [(op, t) for t in new])

    def mark_of(self, note: Note) -> str | None:
        """None when Word numbers the note itself; else the mark the note keeps ("*"), so that the
        notes after it keep their numbers. In a redline notes come and go, so there every
        numbered note is Word's to number."""
        numbered = note.marker.isdigit() if (self.tracked or self.marked) else \
            note.marker == str(self.auto_count + 1)
        if numbered:
            self.auto_count += 1
            return None
        return note.marker

    # --- tables -----------------------------------------------------------------------------
    def table(self, layout: TableLayout, whole: str | None = None, cells=None) -> None:
        """A UN table; `cells` gives each cell's pieces in a redline (else the cells as laid out)."""
        available = self.width - 2 * INDENT if len(layout.weights) <= 6 else self.width
        total = sum(layout.weights)
        widths = [max(567, available * w // total) for w in layout.weights]
        tbl = wordml.table(self.body, widths, INDENT if len(layout.weights) <= 6 else 0)
        for index, row in enumerate(layout.rows):
            tr = wordml.table_row(tbl, index < layout.header_rows)
            if whole and self.tracked:
                self.revisions.mark_row(tr, whole)
            column = 0
            for position, cell in enumerate(row):
                width = sum(widths[column:column + cell.span])
                tc = wordml.table_cell(tr, width, cell.span, cell.merge,
                                       rule_below=index == layout.header_rows - 1)
                p = wordml.paragraph(tc, self.style["TableText"], align=_ALIGN.get(cell.align))
                op = {"ins": "+", "del": "-"}.get(whole or "", "=")
                self.pieces(p, cells[index][position] if cells else [(op, i) for i in cell.inlines])
                column += cell.span
        # Word needs a paragraph between a table and whatever follows it.
        wordml.paragraph(self.body, self.style["TableText"])

    # --- headers and footers ----------------------------------------------------------------
    def running(self, header: tuple[str, str | None],
                base: tuple[str, str | None] | None = None) -> list[tuple[str, etree._Element]]:
        """First page: nothing. Later pages: the symbol (and a resolution's title) above, the page
        number below, on the outer side: right on odd pages, left on even ones."""
        parts = []
        for side in ("first", "default", "even"):
            element = wordml.root("w:hdr")
            if side != "first":
                odd, new = side == "default", running_head(*header, odd=side == "default")
                pieces = [("=", t) for t in new]
                if base:
                    from drafter.render.redline import diff_inlines
                    pieces = diff_inlines(running_head(*base, odd=odd), new)
                self.pieces(wordml.header_paragraph(element, self.style["Header"], self.width), pieces)
            else:
                wordml.paragraph(element, self.style["Header"])
            parts.append((f"header-{side}", element))
        for side in ("first", "default", "even"):
            element = wordml.root("w:ftr")
            p = wordml.paragraph(element, self.style["Footer"], align="right" if side == "default" else None)
            if side != "first":
                wordml.page_field(p, "PAGE", "1", bold=True)
                wordml.run(p, "/", bold=True)
                wordml.page_field(p, "NUMPAGES", "1", bold=True)
            parts.append((f"footer-{side}", element))
        return parts


def running_head(symbol: str, title: str | None, odd: bool) -> list[Text]:
    """The running head's runs: the symbol bold on the outer side, a resolution's title inside."""
    pieces = [Text(symbol, bold=True)]
    if title:
        return [Text(title), Text("\t"), *pieces] if odd else [*pieces, Text("\t"), Text(title)]
    return [Text("\t"), *pieces] if odd else pieces


_ALIGN = {"left": "left", "center": "center", "right": "right"}


def masthead_lines(m: PrintedMasthead) -> dict[str, list[Line]]:
    """The masthead's cells, each as its lines."""
    left = [Line("MastheadSession", (("=", Text(line)),)) for line in m.left]
    # Several agenda items ("Agenda items 13 and 117"): their titles, one a line.
    for title in (m.agenda_title or "").split("\n"):
        if title.strip():
            left.append(Line("MastheadAgendaTitle", (("=", Text(title)),)))
    return {
        "organization": [Line("MastheadOrganization", (("=", Text(m.organization)),))],
        "symbol": [Line("MastheadSymbol", (("=", Text(m.symbol)),))],
        "organ": [Line("MastheadOrgan", (("=", Text(m.organ)),))],
        # One paragraph, its lines broken: a line added or removed in a redline never leaves an
        # empty paragraph behind in the cell.
        "right": [Line("MastheadRight", tuple(("=", t) for t in with_breaks(m.right)))],
        "left": left,
    }


BREAK = Text("\n")


def with_breaks(lines) -> list[Text]:
    out: list[Text] = []
    for line in lines:
        out += [BREAK, Text(line)] if out else [Text(line)]
    return out


