"""Route 2 of the input fixtures: a resolution model -> flat OpenDocument text (.fodt), written here
without drafter's renderer, for LibreOffice to print as PDF and save as DOCX.

It sets the page the way the UN does, by other means than drafter's DOCX: the masthead in the first
page's header, the running symbol and "page/pages" in the other pages' header and footer, a job
number and barcode line at the foot of the first page, leads as italic spans, footnotes as real
ODF notes (text:note), operative numbers and sub-paragraph labels typed before a tab, headings bold
and centred, each part with its own formula and closing, annexes on a new page, tables as tables,
ruled as the UN rules them (above the table, under its heading rows, below it).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" style:font-family-generic="roman"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
  <style:text-properties style:font-name="Times New Roman" fo:font-size="10pt" fo:language="en" fo:country="GB"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="1.27cm" fo:margin-right="1.27cm" fo:text-indent="1.27cm"
   fo:margin-bottom="0.21cm" fo:text-align="justify" fo:line-height="12pt"/>
 </style:style>
 <style:style style:name="Sub1" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:margin-left="3.81cm" fo:text-indent="-1.27cm">
   <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties>
 </style:style>
 <style:style style:name="Sub2" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:margin-left="5.08cm" fo:text-indent="-1.27cm">
   <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties>
 </style:style>
 <style:style style:name="Sub3" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties fo:margin-left="6.35cm" fo:text-indent="-1.27cm">
   <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="1.27cm" fo:margin-right="1.27cm" fo:text-align="center"
   fo:margin-top="0.21cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Subheading" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="2.54cm" fo:margin-right="1.27cm" fo:text-indent="-1.27cm"
   fo:margin-top="0.21cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always">
   <style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="1.27cm" fo:margin-right="1.27cm" fo:margin-bottom="0.42cm"/>
  <style:text-properties fo:font-size="13pt" fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Line" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="1.27cm" fo:margin-bottom="0.21cm"/>
 </style:style>
 <style:style style:name="Closing" style:family="paragraph">
  <style:paragraph-properties fo:margin-right="1.27cm" fo:text-align="end"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph"><style:text-properties fo:font-size="9pt"/></style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="1.27cm" fo:margin-right="1.27cm"/>
  <style:text-properties fo:font-size="8pt"/>
 </style:style>
 <style:style style:name="Small" style:family="paragraph"><style:text-properties fo:font-size="8pt"/></style:style>
 <style:style style:name="Big" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="20pt"/></style:style>
 <style:style style:name="Organ" style:family="paragraph"><style:text-properties fo:font-size="17pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Right" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="Italic" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Sup" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0"
  text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Heading">
  <style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Pad" style:family="table-cell"><style:table-cell-properties fo:padding="0.05cm"/></style:style>
 <style:style style:name="Above" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border-top="0.5pt solid #000000"/></style:style>
 <style:style style:name="Below" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border-bottom="0.5pt solid #000000"/></style:style>
 <style:style style:name="Both" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.05cm" fo:border-top="0.5pt solid #000000"
   fo:border-bottom="0.5pt solid #000000"/></style:style>
 <style:page-layout style:name="A4">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm"
   fo:margin-bottom="1.5cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm">
   <style:footnote-sep style:width="0.018cm" style:rel-width="25%" style:adjustment="left"
    style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:color="#000000"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.6cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.6cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
"""


def _dotted(label: str) -> str:
    """A label as the UN prints it: "A." ("A." when the model already has the dot)."""
    return label if label.endswith((".", ")")) else f"{label}."


def _rules(rows, index: int) -> str:
    """The rules the UN draws across a table, as its cells' borders: one above the table, one
    under its heading rows (the rows of heading cells at its top), one below the table."""
    heading = next((i for i, row in enumerate(rows) if not all(cell.header for cell in row)), len(rows))
    above = index == 0
    below = index == len(rows) - 1 or (heading < len(rows) and index == heading - 1)
    return {(False, False): "Pad", (True, False): "Above", (False, True): "Below", (True, True): "Both"}[above, below]


def _p(style: str, inner: str) -> str:
    return f'<text:p text:style-name="{style}">{inner}</text:p>'


def _plain(text: str) -> str:
    return escape(text or "").replace("\t", "<text:tab/>")


class _Writer:
    def __init__(self, resolution) -> None:
        self.r = resolution
        self.out: list[str] = []
        self.notes = dict(resolution.footnotes)
        self.note_italics = dict(resolution.note_italics)
        for part in resolution.parts:
            self.notes.update(part.footnotes)
            self.note_italics.update(part.note_italics)
        self.count = 0

    def inline(self, text: str, refs=(), italics=(), lead: str | None = None) -> str:
        """Text with its italic runs and footnotes where they stand."""
        spans = [(0, len(lead))] if lead and text.startswith(lead) else []
        spans += [(s.start, s.end) for s in italics]
        cuts = sorted({0, len(text), *(a for a, _ in spans), *(b for _, b in spans), *(r.at for r in refs)})
        pieces: list[str] = []
        for start, end in zip(cuts, cuts[1:] + [None]):
            for ref in refs:
                if ref.at == start:
                    pieces.append(self.note(ref.marker))
            if end is None:
                break
            chunk = _plain(text[start:end])
            italic = any(a <= start and end <= b for a, b in spans)
            pieces.append(f'<text:span text:style-name="Italic">{chunk}</text:span>' if italic and chunk else chunk)
        return "".join(pieces)

    def note(self, marker: str) -> str:
        if marker not in self.notes and not marker.isdigit():
            # A table note's letter ("a"), set as a superscript in the cell; the note stands below.
            return f'<text:span text:style-name="Sup">{_plain(marker)}</text:span>'
        self.count += 1
        text = self.notes.get(marker, "")
        body = self.inline(text, (), self.note_italics.get(marker, ()))
        return (f'<text:note text:id="ftn{self.count}" text:note-class="footnote"><text:note-citation>'
                f'{self.count}</text:note-citation><text:note-body>{_p("Footnote", body)}</text:note-body></text:note>')

    def document(self) -> str:
        r = self.r
        number, letter = r.number, None
        if r.more_titles or r.part_title:
            # A part published alone with titles of its own (75/290 A, B), as the UN sets it: the
            # number, the first title and each further title on a line of its own; then the letter
            # and the part's own title, as headings.
            number, _, letter = r.number.rpartition(" ")
        more = "".join(f"<text:line-break/>{_plain(title)}" for title in r.more_titles)
        self.out.append(_p("Title", self.inline(f"{number}. {r.title or ''}",
                                                 _moved(r.title_footnotes, len(number) + 2)) + more))
        if letter:
            self.heading(letter)
            self.heading(r.part_title)
        if r.parts:
            for part in r.parts:
                self.heading(part.label)
                self.heading(part.title, part.title_footnotes)
                self.formula()
                self.holder(part)
                self.closing(part.adopted)
        else:
            self.formula()
            self.holder(r)
            self.closing(r.adopted)
        for annex in r.annexes:
            self.out.append(_p("Break", _plain(annex.label or "Annex")))
            self.heading(annex.title, annex.title_footnotes)
            for paragraph in annex.paragraphs:
                self.annex_paragraph(paragraph)
        return "".join(self.out)

    def formula(self) -> None:
        self.out.append(_p("Body", f'<text:span text:style-name="Italic">The {_plain(self.r.body)}</text:span>,'))

    def heading(self, text: str | None, refs=()) -> None:
        if text:
            self.out.append(_p("Heading", self.inline(text, refs)))

    def holder(self, holder, depth: int = 0) -> None:
        for paragraph in holder.preamble:
            self.paragraph(paragraph, None)
        for paragraph in holder.operative:
            # 3 prints "3."; a number the source printed otherwise ("3", "1.1") as it is.
            number = paragraph.number
            self.paragraph(paragraph, None if number is None else f"{number}.\t" if isinstance(number, int)
                           else f"{number}\t")
        for section in holder.sections:
            if depth == 0:        # the UN's first level: the label centred, the heading under it
                self.heading(section.label)
                self.heading(section.heading, section.heading_footnotes)
            else:                 # deeper: "A.<tab>Heading" at the left, bold
                label = f"{_dotted(section.label)}\t" if section.label else ""
                refs = _moved(section.heading_footnotes, len(label))
                self.out.append(_p("Subheading", _plain(label) + self.inline(section.heading or "", refs)))
            self.holder(section, depth + 1)

    def paragraph(self, paragraph, prefix: str | None) -> None:
        if paragraph.style == "heading":          # a heading in the text (a table's caption)
            self.heading(paragraph.text, paragraph.footnotes)
        elif paragraph.text or not paragraph.table:
            inner = self.inline(paragraph.text, paragraph.footnotes, paragraph.italics, paragraph.lead)
            self.out.append(_p("Body", (_plain(prefix) if prefix else "") + inner))
        self.subs(paragraph.subparagraphs, 1)
        if paragraph.wrap_up is not None:
            self.out.append(_p("Body", self.inline(paragraph.wrap_up, paragraph.wrap_up_footnotes)))
        if paragraph.table is not None:
            self.table(paragraph.table)

    def subs(self, subs, depth: int) -> None:
        for sub in subs:
            inner = self.inline(sub.text, sub.footnotes, sub.italics)
            # "(a)"; a label with its own punctuation ("1.") as it is; an unlabelled item prints none.
            printed = f"({sub.label})" if sub.label.isalnum() else sub.label
            label = f"{_plain(printed)}<text:tab/>" if sub.label else ""
            self.out.append(_p(f"Sub{min(depth, 3)}", label + inner))
            self.subs(sub.subparagraphs, depth + 1)
            if sub.wrap_up is not None:
                self.out.append(_p(f"Sub{min(depth, 3)}", self.inline(sub.wrap_up, sub.wrap_up_footnotes)))

    def annex_paragraph(self, paragraph) -> None:
        if paragraph.style == "heading":
            label = f"{paragraph.number}\t" if paragraph.number is not None else ""
            self.heading(label + paragraph.text, _moved(paragraph.footnotes, len(label)))
        elif paragraph.text or paragraph.number is not None:
            prefix = f"{paragraph.number}\t" if paragraph.number is not None else ""
            self.out.append(_p("Body", _plain(prefix) + self.inline(paragraph.text, paragraph.footnotes,
                                                                   paragraph.italics, paragraph.lead)))
        self.subs(paragraph.subparagraphs, 1)
        if paragraph.table is not None:
            self.table(paragraph.table)

    def table(self, table) -> None:
        columns = max((sum(c.colspan for c in row) for row in table.rows), default=1)
        self.out.append(f'<table:table table:name="T{len(self.out)}"><table:table-column '
                        f'table:number-columns-repeated="{columns}"/>')
        for index, row in enumerate(table.rows):
            self.out.append("<table:table-row>")
            rules = _rules(table.rows, index)
            for cell in row:
                span = f' table:number-columns-spanned="{cell.colspan}"' if cell.colspan > 1 else ""
                self.out.append(f'<table:table-cell table:style-name="{rules}" office:value-type="string"{span}>'
                                f'{_p("Cell", self.inline(cell.text, cell.footnotes, cell.italics))}</table:table-cell>')
                self.out.extend("<table:covered-table-cell/>" for _ in range(cell.colspan - 1))
            self.out.append("</table:table-row>")
        self.out.append("</table:table>")
        for note in table.notes:
            mark = f'<text:span text:style-name="Sup">{_plain(note.marker)}</text:span><text:tab/>'
            self.out.append(_p("Small", mark + self.inline(note.text, (), note.italics)))

    def closing(self, adopted) -> None:
        if adopted is None:
            return
        if adopted.meeting:
            self.out.append(_p("Closing", _plain(adopted.meeting)))
        if adopted.date:
            self.out.append(_p("Closing", _plain(_un_date(adopted.date))))


def _moved(refs, shift: int):
    from drafter.model import FootnoteRef
    return tuple(FootnoteRef(r.marker, r.at + shift) for r in refs)


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def _un_date(iso: str) -> str:
    year, month, day = (int(x) for x in iso.split("-"))
    return f"{day} {_MONTHS[month - 1]} {year}"


def _masthead(resolution, job: str) -> str:
    m = resolution.masthead
    symbol = (m.symbol if m and m.symbol else None) or resolution.symbol or resolution.number
    right = [x for x in ("Distr.: General", m.issued if m else None, "Original: English") if x]
    left = [x for x in ((m.session if m else None), (m.agenda_item if m else None)) if x]
    rows = (f'<table:table table:name="Masthead"><table:table-column table:number-columns-repeated="2"/>'
            f'<table:table-row><table:table-cell>{_p("Standard", "United Nations")}</table:table-cell>'
            f'<table:table-cell>{_p("Big", _plain(symbol))}</table:table-cell></table:table-row>'
            f'<table:table-row><table:table-cell>{_p("Organ", _plain(resolution.body))}</table:table-cell>'
            f'<table:table-cell>{"".join(_p("Right", _plain(x)) for x in right)}</table:table-cell>'
            f'</table:table-row></table:table>')
    lines = "".join(_p("Standard", _plain(x)) for x in left)
    origin = _p("Line", _plain(m.origin)) if m and m.origin else ""
    return rows + lines + _p("Line", f"Resolution adopted by the {_plain(resolution.body)}") + origin


def fodt(resolution, job: str = "20-00000") -> str:
    """The resolution as a flat ODT document."""
    symbol = resolution.symbol or resolution.number
    body = _Writer(resolution).document()
    digits = job.replace("-", "")
    master = (
        '<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">'
        f'<style:header>{_p("Small", _plain(symbol))}</style:header>'
        f'<loext:header-first>{_masthead(resolution, job)}</loext:header-first>'
        f'<style:footer>{_p("Small", "<text:page-number/>/<text:page-count/>" + "<text:tab/>" + _plain(job))}'
        '</style:footer>'
        f'<loext:footer-first>{_p("Small", _plain(job + " (E)"))}{_p("Small", "*" + digits + "*")}</loext:footer-first>'
        '</style:master-page></office:master-styles>')
    return (_HEAD + master + "<office:body><office:text>" + body + "</office:text></office:body></office:document>")
