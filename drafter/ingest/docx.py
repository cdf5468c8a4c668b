"""The DOCX reader: a Word document -> `blocks.Document`, for drafter.ingest.structure.

python-docx opens the package and finds its parts (styles, numbering, footnotes, headers); the
paragraphs are walked in their raw XML (drafter.ingest.docx_xml), which is where what matters sits:
- italic runs (direct, character style or paragraph style) become italic spans, the lead among them;
- each w:footnoteReference becomes a reference at its offset; notes are numbered 1, 2, 3 ... in the
  order they are cited, as Word prints them, or carry their typed mark (w:customMarkFollows);
- automatic numbering (w:numPr, numbering.xml) becomes the block's label, as Word prints it;
- tables become `model.Table`s; a table before the title is a masthead, its lines kept for it;
- tracked changes read as accepted: insertions kept, deletions dropped, a deleted paragraph mark
  joins two paragraphs; the document says it had them (a warning).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from drafter.errors import ParseError
from drafter.ingest import docx_xml as x
from drafter.ingest.blocks import Block, Document, Note, TextBuilder
from drafter.model import Cell, Table

_TEMPLATE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
_MACRO = b"application/vnd.ms-word.document.macroEnabled.main+xml"
_DOCUMENT = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_BROKEN = (zipfile.BadZipFile, zlib.error, KeyError, ValueError, EOFError, etree.XMLSyntaxError)


def read_docx(data: bytes, path: str) -> Document:
    package = _open(data, path)
    try:
        return _Reader(package).document()
    except _BROKEN as error:
        raise ParseError(f"damaged Word document ({error})", path,
                         hint="open it in Word or LibreOffice and save it again") from None


def _open(data: bytes, path: str):
    from docx import Document as open_document

    try:
        return open_document(io.BytesIO(as_document(data)))
    except _BROKEN as error:
        raise ParseError(f"damaged Word document ({error})", path,
                         hint="open it in Word or LibreOffice and save it again") from None


def as_document(data: bytes) -> bytes:
    """A template (.dotx) or macro document (.docm) is a .docx under another content type; say
    "document" and python-docx opens it (the macros are never run, nor even kept)."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if _TEMPLATE not in types and _MACRO not in types:
            return data
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for item in source.infolist():
                blob = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    blob = blob.replace(_TEMPLATE, _DOCUMENT).replace(_MACRO, _DOCUMENT)
                target.writestr(item.filename, blob)
        return out.getvalue()


def _part_element(package, reltype: str):
    for rel in package.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return etree.fromstring(rel.target_part.blob) if not hasattr(rel.target_part, "element") \
                else rel.target_part.element
    return None


class _Reader:
    def __init__(self, package) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        self.package = package
        self.styles = x.Styles(package.styles.element)
        self.numbering = x.Numbering.read(_part_element(package, RT.NUMBERING))
        self.note_elements = x.footnote_elements(_part_element(package, RT.FOOTNOTES))
        self.notes: dict[str, Note] = {}
        self.note_ids: dict[str, str] = {}          # note id -> marker, for a note cited twice
        self.bookmarks: dict[str, str] = {}         # bookmark name -> the note id it holds
        self.in_cell = False

    def document(self) -> Document:
        root = self.package.element.body
        blocks = self.blocks(root)
        warnings = []
        if x.has_revisions(root):
            warnings.append("the document has tracked changes; they are read as accepted")
        return Document(blocks=blocks, notes=self.notes, masthead=self.first_page_header(),
                        warnings=warnings, format="docx")

    def first_page_header(self) -> list[str]:
        """A UN Word document sets its masthead in the first page's header; the other headers are
        the running symbol, which is page furniture."""
        section = self.package.sections[0] if self.package.sections else None
        if section is None or not section.different_first_page_header_footer:
            return []
        header = section.first_page_header
        if header.is_linked_to_previous:
            return []
        return [line for block in self.blocks(header._element) for line in (block.cell_lines or [block.text])
                if line]

    # --- the body ---------------------------------------------------------------------------
    def blocks(self, container) -> list[Block]:
        blocks: list[Block] = []
        carry: list = []                # paragraphs whose mark a tracked change deleted
        page_break = False
        for element in _body_items(container):
            if element.tag == x.TAG["tbl"]:
                blocks.append(self.table_block(element))
                continue
            carry.append(element)
            if x.mark_deleted(element):
                continue
            block = self.paragraph(carry)
            carry = []
            if block is None:
                page_break = page_break or _holds_page_break(element)
                continue
            block.break_before = page_break or block.break_before
            page_break = False
            blocks.append(block)
        if carry and (block := self.paragraph(carry)) is not None:
            blocks.append(block)
        return blocks

    def paragraph(self, paragraphs: list) -> Block | None:
        builder = TextBuilder()
        bold = []
        for p in paragraphs:
            if len(builder):
                builder.add(" ")
            self.runs(p, builder, bold)
        tab_at = builder.tab_at
        text, italics, refs = builder.build()
        if not text and not refs:
            return None
        first = paragraphs[0]
        style = x.paragraph_style(first) or self.styles.default_paragraph
        align = x.alignment(first) or self.styles.paragraph_prop(style, "jc")
        all_bold = bool(bold) and all(bold)
        numbered = self.numbered(first, style)
        label = self.numbering.label(*numbered) if numbered else None
        inherited = [self.numbering.indent(*numbered) if numbered else None, *self.styles.indents(style)]
        return Block(text=text, italics=italics, refs=refs, label=label,
                     bold=all_bold, centred=align == "center", right=align in ("right", "end"),
                     heading=all_bold or align == "center", indent=x.text_indent(first, inherited),
                     break_before=x.page_break_before(first), look=(style, align, all_bold), tab_at=tab_at)

    def numbered(self, p, style: str | None) -> tuple[str, int] | None:
        """The list (numId, level) that numbers the paragraph, its own or its style's."""
        p_pr = p.find(x.TAG["pPr"])
        return (x.num_pr(p_pr) if p_pr is not None else None) or self.styles.numbering_of(style)

    def runs(self, p, builder: TextBuilder, bold: list[bool], note: bool = False) -> None:
        style = x.paragraph_style(p) or self.styles.default_paragraph
        state = _RunState()
        for run in _runs(p):
            if run.tag == x.TAG["bookmarkStart"]:
                state.bookmarks.append(run.get(f"{x.W}name"))
                continue
            if note and _is_mark(x.run_style(run)):
                continue                  # the note's own mark ("1", or a typed "*"), not its text
            letter = _letter_mark(run, self.styles)
            if letter and (self.in_cell or not len(builder)):
                builder.note(letter)      # a table note's letter: in a cell, or opening the note itself
                continue
            italic = self.effective(run, style, "i")
            before = len(builder)
            for child in run:
                self.run_item(child, builder, italic, state)
            if len(builder) > before and "".join(builder.chars[before:]).strip():
                bold.append(bool(self.effective(run, style, "b")))

    def run_item(self, child, builder: TextBuilder, italic: bool, state: _RunState) -> None:
        tag = child.tag
        if tag == x.TAG["fldChar"]:
            self.field_char(child.get(f"{x.W}fldCharType"), builder, state)
            return
        if state.fields and not state.fields[-1].result:
            if tag == x.TAG["instrText"]:
                state.fields[-1].instruction += child.text or ""
            return                        # a field's instructions are no text
        if tag == x.TAG["t"]:
            text = child.text or ""
            if state.fields and state.fields[-1].refers_to_note:
                state.fields[-1].shown += text        # the number a NOTEREF field shows
            elif state.custom is not None:
                # A typed footnote mark ("*") follows its reference: it is the marker, not text.
                self.cite(state.custom, builder, marker=text.strip() or None)
                state.custom = None
            else:
                builder.add(text, italic)
        elif tag == x.TAG["tab"]:
            builder.tab()
        elif tag == x.TAG["cr"] or (tag == x.TAG["br"] and child.get(f"{x.W}type") != "page"):
            builder.add(" ")
        elif tag == x.TAG["noBreakHyphen"]:
            builder.add("\u2011", italic)
        elif tag == x.TAG["sym"]:
            builder.add(x.symbol_char(child), italic)
        elif tag == x.TAG["footnoteReference"]:
            note_id, custom = x.reference_id(child)
            for name in state.bookmarks:
                self.bookmarks[name] = note_id
            state.bookmarks.clear()
            if custom:
                state.custom = note_id
            else:
                self.cite(note_id, builder)

    def field_char(self, kind: str | None, builder: TextBuilder, state: _RunState) -> None:
        """Fields: instructions, then the result shown. A NOTEREF field cites a note again (Word's
        way of pointing a second time at a note, as drafter writes a note its source cites twice)."""
        if kind == "begin":
            state.fields.append(_Field())
        elif kind == "separate" and state.fields:
            state.fields[-1].result = True
        elif kind == "end" and state.fields:
            field = state.fields.pop()
            if field.refers_to_note:
                note_id = self.bookmarks.get(field.bookmark)
                if note_id in self.note_ids:
                    builder.note(self.note_ids[note_id])
                elif field.shown.strip():
                    builder.note(field.shown.strip())

    def effective(self, run, paragraph_style: str | None, name: str) -> bool:
        for value in (x.run_prop(run, name), self.styles.prop(x.run_style(run), name),
                      self.styles.prop(paragraph_style, name)):
            if value is not None:
                return value
        return False

    def cite(self, note_id: str, builder: TextBuilder, marker: str | None = None) -> None:
        """A reference to note `note_id`: numbered in citing order, its text read on first citing."""
        if note_id not in self.note_ids:
            marker = marker or str(sum(1 for m in self.notes if m.isdigit()) + 1)
            self.note_ids[note_id] = marker
            element = self.note_elements.get(note_id)
            self.notes[marker] = self.note_text(element) if element is not None else Note("")
        builder.note(self.note_ids[note_id])

    def note_text(self, element) -> Note:
        builder = TextBuilder()
        for p in element.iter(x.TAG["p"]):
            if len(builder):
                builder.add(" ")
            self.runs(p, builder, [], note=True)
        text, italics, _ = builder.build()
        return Note(text, italics)

    # --- tables -------------------------------------------------------------------------------
    def table_block(self, tbl) -> Block:
        rows: list[tuple[Cell, ...]] = []
        lines: list[str] = []
        spans: dict[int, Cell] = {}          # grid column -> the cell a vertical merge continues
        for tr in tbl.iter(x.TAG["tr"]):
            if tr.getparent() is not tbl:
                continue
            row, column = [], 0
            header = tr.find(f"{x.W}trPr/{x.W}tblHeader") is not None
            for tc in tr.findall(x.TAG["tc"]):
                colspan, merge = _cell_spans(tc)
                self.in_cell = True
                block = self.paragraph([p for p in tc.iter(x.TAG["p"])]) or Block("")
                self.in_cell = False
                lines += [b.text for b in self.blocks(tc)]
                if merge == "continue" and column in spans:
                    started = spans[column]
                    spans[column] = _grown(started)
                    _replace(rows, started, spans[column])
                else:
                    cell = Cell(text=block.text, footnotes=tuple(block.refs), italics=tuple(block.italics),
                                header=header, bold=block.bold, colspan=colspan,
                                align="center" if block.centred else "right" if block.right else None)
                    row.append(cell)
                    if merge == "restart":
                        spans[column] = cell
                    else:
                        spans.pop(column, None)
                column += colspan
            rows.append(tuple(row))
        return Block(text="", table=Table(rows=tuple(rows)), cell_lines=lines)


@dataclass
class _Field:
    instruction: str = ""
    result: bool = False
    shown: str = ""

    @property
    def refers_to_note(self) -> bool:
        return self.result and self.instruction.split()[:1] == ["NOTEREF"]

    @property
    def bookmark(self) -> str:
        words = self.instruction.split()
        return words[1] if len(words) > 1 else ""


@dataclass
class _RunState:
    fields: list[_Field] = field(default_factory=list)
    custom: str | None = None            # a note whose typed mark comes next
    bookmarks: list[str] = field(default_factory=list)   # started, waiting for a reference


# Word's character style for note marks, under the ids Word, LibreOffice and others give it.
_MARK_STYLES = {"footnotereference", "footnoteanchor", "footnotecharacters", "footnotesymbol"}


_LETTER_MARK = re.compile(r"^(?:[a-z]{1,2}|\*{1,3}|[†‡])$")


def _letter_mark(run, styles: x.Styles) -> str | None:
    """A table note's mark: a letter (or asterisk, dagger) set as a superscript, directly or by
    its character style."""
    if (x.vert_align(run) or styles.run_value(x.run_style(run), "vertAlign")) != "superscript":
        return None
    text = "".join(t.text or "" for t in run.iter(x.TAG["t"])).strip()
    return text if _LETTER_MARK.match(text) else None


def _is_mark(style: str | None) -> bool:
    return bool(style) and style.replace(" ", "").lower() in _MARK_STYLES


def _grown(cell: Cell) -> Cell:
    return Cell(cell.text, cell.footnotes, cell.italics, cell.header, cell.bold, cell.colspan,
                cell.rowspan + 1, cell.align)


def _replace(rows: list[tuple[Cell, ...]], old: Cell, new: Cell) -> None:
    for i, row in enumerate(rows):
        if any(c is old for c in row):
            rows[i] = tuple(new if c is old else c for c in row)
            return


def _cell_spans(tc) -> tuple[int, str | None]:
    tc_pr = tc.find(f"{x.W}tcPr")
    if tc_pr is None:
        return 1, None
    span = tc_pr.find(f"{x.W}gridSpan")
    merge = tc_pr.find(f"{x.W}vMerge")
    colspan = int(span.get(f"{x.W}val", "1")) if span is not None else 1
    return colspan, (merge.get(f"{x.W}val") or "continue") if merge is not None else None


def _body_items(container):
    """Paragraphs and tables in order; content controls and custom XML are looked into."""
    for child in container:
        if child.tag in (x.TAG["p"], x.TAG["tbl"]):
            yield child
        elif child.tag in x.CONTAINERS or child.tag == x.TAG["ins"]:
            yield from _body_items(child)


def _runs(p):
    """The runs of a paragraph as accepted: inside insertions, links and fields, never in deletions;
    bookmark starts among them (a NOTEREF field points at one)."""
    for child in p:
        if child.tag in (x.TAG["r"], x.TAG["bookmarkStart"]):
            yield child
        elif child.tag in x.CONTAINERS:
            yield from _runs(child)


def _holds_page_break(p) -> bool:
    return any(br.get(f"{x.W}type") == "page" for br in p.iter(x.TAG["br"]))
