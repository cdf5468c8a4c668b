"""The Akoma Ntoso reader: the UN's AKN4UN XML -> Resolution.

The XML carries what plain text loses (italic leads, footnotes in place, numbered paragraphs), but
the UN's files are not all marked up one way, and the reader takes each shape as it comes:

- sub-paragraphs as `list/intro/point`, or as following `paragraph`s whose `num` or text opens with
  "(a)" / "(iv)": they hang from the last numbered paragraph, roman ones under the last letter;
- headings as `section` (num, heading) or as `paragraph`s holding only a `subheading`/`heading`/
  `crossHeading` ("I", then "Introduction"): they open a Section;
- several resolutions under one number as a `documentCollection` of components: `parts`;
- a preamble interrupted by a stray `mainBody` (77/118): everything before the last `mainBody` is
  preamble;
- `attachments` as `annexes`, every block of text kept in order, tables flattened.

Promises (tests/test_ingest_akn.py): every word of the source's preamble, body, annexes and notes is
somewhere in the model; text is one clean line; a footnote's `at` is its offset in that line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from drafter.errors import ParseError
from drafter.ingest.clean import clean_chars, one_line
from drafter.model import (Adoption, Annex, FootnoteRef, Masthead, Paragraph, Part, Resolution, Section,
                           Source, SubParagraph)

_NOTE = "\ue002"                        # stands for a footnote while spaces are collapsed
_LABEL = re.compile(r"^\(\s*([a-z]{1,3}|[ivxlc]{1,7})\s*\)\s*")
_ROMAN = re.compile(r"^[ivxlc]+$")
_OPERATIVE_NUMBER = re.compile(r"^(\d{1,3})\s*\.?$")
_HEADING_NUMBER = re.compile(r"^([IVXLC]+|[A-Z])\.?$")
_TRAILING = " ,;:\t"
_PREAMBLE_MARK = "{urn:drafter}preamble"        # set on preamble items merged into the body stream


def _name(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element) -> list:
    return [child for child in element if isinstance(child.tag, str)]


def _find(element, name: str):
    return next((c for c in element.iter() if _name(c) == name), None)


# --- text with footnotes ---------------------------------------------------------------------

@dataclass
class _Notes:
    texts: dict[str, str] = field(default_factory=dict)


def _inline(element, notes: _Notes, skip_num: bool = True) -> tuple[str, list[str]]:
    """The text of an element with footnote sentinels where authorialNotes stood."""
    parts: list[str] = []
    markers: list[str] = []

    def walk(node, top: bool) -> None:
        if node.text and not (_name(node) == "authorialNote"):
            parts.append(node.text)
        for child in node:
            name = _name(child)
            if name == "authorialNote":
                marker = child.get("marker") or str(len(notes.texts) + 1)
                note_text = one_line(clean_chars("".join(child.itertext())))
                if note_text:                  # a note the source lost keeps its marker, not a text
                    notes.texts.setdefault(marker, note_text)
                parts.append(_NOTE)
                markers.append(marker)
            elif name == "num" and skip_num and top:
                pass
            elif name == "eol":
                parts.append(" ")
            elif name:
                walk(child, False)
            if child.tail:
                parts.append(child.tail)

    walk(element, True)
    return "".join(parts), markers


def _clean(raw: str, markers: list[str]) -> tuple[str, tuple[FootnoteRef, ...]]:
    text = one_line(clean_chars(raw))
    # A note between two words keeps one space after it ("Weapons<note/> and", "Weapons <note/>and");
    # a note glued to the word after it stays glued ("a<note/>nd", a markup slip, reads "and").
    text = re.sub(rf" ?{_NOTE} ?", lambda m: _NOTE + (" " if " " in m.group() else ""), text)
    refs = []
    out = []
    for piece_index, piece in enumerate(text.split(_NOTE)):
        out.append(piece)
        if piece_index < len(markers):
            refs.append(FootnoteRef(markers[piece_index], len("".join(out))))
    cleaned = "".join(out)
    stripped = cleaned.strip()
    shift = len(cleaned) - len(cleaned.lstrip())
    return stripped, tuple(FootnoteRef(r.marker, min(max(0, r.at - shift), len(stripped))) for r in refs)


def _lead(element) -> str | None:
    """The italic span that opens the paragraph, if it does."""
    for p in element.iter():
        if _name(p) != "p":
            continue
        if (p.text or "").strip():
            return None
        first = next(iter(_children(p)), None)
        if first is not None and _name(first) == "span" and "italic" in (first.get("class") or ""):
            lead = one_line(clean_chars("".join(first.itertext()))).rstrip(_TRAILING)
            return lead or None
        return None
    return None


def _paragraph(element, notes: _Notes, number=None, kind_lead: bool = True) -> Paragraph:
    raw, markers = _inline(element, notes)
    text, refs = _clean(raw, markers)
    lead = _lead(element) if kind_lead else None
    if lead and not text.startswith(lead):
        lead = None
    return Paragraph(text=text, lead=lead, number=number, footnotes=refs,
                     line=element.sourceline)


# --- the body --------------------------------------------------------------------------------

@dataclass
class _Body:
    """Operative paragraphs and sections being collected, with where sub-paragraphs go."""

    preamble: list[Paragraph] = field(default_factory=list)
    operative: list[Paragraph] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)

    def freeze_section(self, label, heading) -> Section:
        return Section(label, heading, tuple(self.preamble), tuple(self.operative), tuple(self.sections))


class _BodyReader:
    def __init__(self, notes: _Notes) -> None:
        self.notes = notes

    def read(self, items: list) -> _Body:
        """Read a stream of body items; preamble `container`s met inside it (budget resolutions
        give each section a preamble of its own) are preambular wherever they stand."""
        body = _Body()
        self._items(_lift_headings(items), body)
        return body

    def _items(self, items: list, body: _Body) -> None:
        index = 0
        while index < len(items):
            item = items[index]
            name = _name(item)
            if name in ("section", "part", "chapter", "title", "division", "hcontainer"):
                body.sections.append(self._section(item))
            elif self._is_heading(item):
                label, heading, index = self._heading_run(items, index)
                section_body = _Body()
                end = self._section_end(items, index + 1)
                self._items(items[index + 1:end], section_body)
                body.sections.append(section_body.freeze_section(label, heading))
                index = end
                continue
            elif item.get(_PREAMBLE_MARK):
                body.preamble.append(_paragraph(item, self.notes))
            elif name in ("paragraph", "container", "blockList", "table", "p", "tblock", "list"):
                self._paragraph(item, body)
            elif name in ("num", "heading", "subheading", "intro", "wrapUp"):
                pass                                   # read by the section that owns them
            elif name:
                self._paragraph(item, body)
            index += 1

    def _is_heading(self, item) -> bool:
        name = _name(item)
        if name in ("crossHeading", "subheading", "heading"):
            # Some files put whole preambular paragraphs in crossHeadings; a heading never ends
            # the way a paragraph does.
            return not one_line("".join(item.itertext())).endswith((",", ";", ":"))
        if name != "paragraph":
            return False
        kids = [_name(k) for k in _children(item)]
        if kids and all(k in ("subheading", "heading", "num") for k in kids) and any(
                k in ("subheading", "heading") for k in kids):
            return True
        num = _find(item, "num")
        if num is None:
            return _all_bold(item)
        return bool(_HEADING_NUMBER.match((num.text or "").strip()) and not _find(item, "list"))

    def _heading_run(self, items: list, index: int) -> tuple[str | None, str | None, int]:
        """A heading can take two items ("I", then "Introduction"): read both into one."""
        texts = [self._heading_text(items[index])]
        while index + 1 < len(items) and self._is_heading(items[index + 1]) and len(texts) < 2 \
                and _HEADING_NUMBER.match(texts[0] or ""):
            index += 1
            texts.append(self._heading_text(items[index]))
        label = texts[0] if len(texts) == 2 or _HEADING_NUMBER.match(texts[0] or "") else None
        heading = texts[-1] if len(texts) == 2 or label is None else None
        if label and heading is None:
            num = _find(items[index], "num")
            rest = one_line(" ".join(t for k in _children(items[index]) if _name(k) != "num"
                                     for t in k.itertext()))
            if num is not None and rest:
                label, heading = (num.text or "").strip().rstrip("."), rest.lstrip(".\t ").strip() or None
        return label, heading, index

    def _heading_text(self, item) -> str:
        raw, markers = _inline(item, self.notes, skip_num=False)
        text, _ = _clean(raw, markers)
        return text.rstrip(".") if _HEADING_NUMBER.match(text) else text

    def _section_end(self, items: list, start: int) -> int:
        """A section runs to the next heading of the same kind (or the end)."""
        for index in range(start, len(items)):
            if self._is_heading(items[index]):
                return index
        return len(items)

    def _section(self, item) -> Section:
        label = None
        heading_parts = []
        for child in _children(item):
            if _name(child) == "num":
                label = one_line("".join(child.itertext())).rstrip(".") or None
            elif _name(child) in ("heading", "subheading"):
                heading_parts.append(self._heading_text(child))
        if label is None and heading_parts and _HEADING_NUMBER.match(heading_parts[0]) and len(heading_parts) > 1:
            label = heading_parts.pop(0)
        body = _Body()
        inner = [c for c in _children(item) if _name(c) not in ("num", "heading", "subheading")]
        self._items(_lift_headings(inner), body)
        return body.freeze_section(label, " ".join(heading_parts) or None)

    def _paragraph(self, item, body: _Body) -> None:
        num = next((c for c in _children(item) if _name(c) == "num"), None)
        number_text = one_line("".join(num.itertext())) if num is not None else ""
        listing = next((c for c in _children(item) if _name(c) == "list"), None)
        raw, markers = _inline(item if listing is None else self._intro_of(listing), self.notes)
        text, refs = _clean(raw, markers)
        label = self._label(number_text, text)
        if label and (body.operative or body.preamble):
            text, refs = self._strip_label(number_text, text, refs)
            sub = SubParagraph(label, text, refs, self._points(listing) if listing is not None else ())
            self._attach(body, sub)
            return
        if not number_text:
            number_text, text, refs = _typed_number(text, refs)
        match = _OPERATIVE_NUMBER.match(number_text)
        number = int(match.group(1)) if match else (number_text or None)
        lead = _lead(item if listing is None else self._intro_of(listing))
        if lead and not text.startswith(lead):
            lead = None
        subs = self._points(listing) if listing is not None else ()
        paragraph = Paragraph(text=text, lead=lead, number=number, footnotes=refs, subparagraphs=subs,
                              line=item.sourceline)
        if number is None and not body.operative and lead and _looks_preambular(lead):
            body.preamble.append(paragraph)
        else:
            body.operative.append(paragraph)

    def _intro_of(self, listing):
        intro = next((c for c in _children(listing) if _name(c) == "intro"), None)
        return intro if intro is not None else etree.Element("p")

    def _points(self, listing) -> tuple[SubParagraph, ...]:
        subs: list[SubParagraph] = []
        for point in _children(listing):
            if _name(point) == "sublist" and subs:
                # A sublist hangs from the point before it: (i), (ii) under (a).
                last = subs[-1]
                subs[-1] = SubParagraph(last.label, last.text, last.footnotes,
                                        last.subparagraphs + self._points(point))
                continue
            if _name(point) not in ("point", "paragraph", "indent", "alinea", "list", "sublist"):
                if _name(point) == "wrapUp":
                    raw, markers = _inline(point, self.notes)
                    text, refs = _clean(raw, markers)
                    if text:
                        subs.append(SubParagraph("", text, refs))
                continue
            num = next((c for c in _children(point) if _name(c) == "num"), None)
            number_text = one_line("".join(num.itertext())) if num is not None else ""
            inner = next((c for c in _children(point) if _name(c) in ("list", "sublist")), None)
            raw, markers = _inline(point if inner is None else self._intro_of(inner), self.notes)
            text, refs = _clean(raw, markers)
            label = self._label(number_text, text) or number_text.strip("()") or ""
            text, refs = self._strip_label(number_text, text, refs)
            subs.append(SubParagraph(label, text, refs, self._points(inner) if inner is not None else ()))
        return tuple(subs)

    @staticmethod
    def _label(number_text: str, text: str) -> str | None:
        match = _LABEL.match(number_text) if number_text else _LABEL.match(text)
        return match.group(1) if match else None

    @staticmethod
    def _strip_label(number_text: str, text: str, refs):
        if number_text:
            return text, refs
        match = _LABEL.match(text)
        if not match:
            return text, refs
        cut = match.end()
        return text[cut:], tuple(FootnoteRef(r.marker, max(0, r.at - cut)) for r in refs)

    def _attach(self, body: _Body, sub: SubParagraph) -> None:
        """Hang a sub-paragraph from the last paragraph; a roman label under the last letter."""
        holder = body.operative if body.operative else body.preamble
        parent = holder[-1]
        subs = list(parent.subparagraphs)
        roman = _ROMAN.match(sub.label) and not _next_letter(subs, sub.label)
        if roman and subs and not _ROMAN.match(subs[-1].label or "x"):
            last = subs[-1]
            subs[-1] = SubParagraph(last.label, last.text, last.footnotes, last.subparagraphs + (sub,))
        else:
            subs.append(sub)
        holder[-1] = Paragraph(parent.text, parent.lead, parent.number, parent.footnotes, tuple(subs), parent.line)


_TYPED_NUMBER = re.compile(r"^(\d{1,3})\.?\s+(?=[A-Z])")


def _typed_number(text: str, refs):
    """A paragraph number typed into the text instead of a <num> ("26\tCondemns", "6. Reaffirms")."""
    match = _TYPED_NUMBER.match(text)
    if not match:
        return "", text, refs
    cut = match.end()
    return match.group(1), text[cut:], tuple(FootnoteRef(r.marker, max(0, r.at - cut)) for r in refs)


def _all_bold(item) -> bool:
    """A paragraph that is nothing but bold text, not ending like a sentence: a heading set in
    bold where the markup has no heading element (80/243: "I", then the section's title)."""
    text = one_line("".join(item.itertext()))
    if not text or text.endswith((",", ";", ":", ".")) or len(text) > 300:
        return False
    bold = "".join("".join(span.itertext()) for span in item.iter()
                   if _name(span) == "span" and "bold" in (span.get("class") or ""))
    return one_line(bold) == text


def _lift_headings(items: list) -> list:
    """A paragraph that carries its own subheading (79/298: "Budget estimates ..." over para 12)
    is a heading followed by the paragraph: lift the subheading out in front of it."""
    out = []
    for item in items:
        kids = _children(item)
        own = [k for k in kids if _name(k) in ("subheading", "heading")]
        rest = [k for k in kids if _name(k) in ("content", "list", "num")]
        if _name(item) == "paragraph" and own and rest and any(_name(k) != "num" for k in rest):
            for heading in own:
                item.remove(heading)
                heading.tail = None
                out.append(heading)
        out.append(item)
    return out


def _next_letter(subs: list[SubParagraph], label: str) -> bool:
    """Is `label` simply the letter after the last one ("i" after "h", "v" after "u")?"""
    if not subs or len(label) != 1 or len(subs[-1].label or "") != 1:
        return False
    return ord(label) == ord(subs[-1].label) + 1


def _looks_preambular(lead: str) -> bool:
    head = lead.split()[-1] if lead else ""
    return bool(re.search(r"(ing|ed)$", lead.split()[0])) or head.endswith("ing")


# --- the document ----------------------------------------------------------------------------

def parse_akn(data: bytes, path: str) -> Resolution:
    root = _parse_xml(data, path)
    if _name(root) != "akomaNtoso":
        raise ParseError(f"XML, but not Akoma Ntoso (root element <{_name(root) or '?'}>)", path,
                         hint="give the UN's Akoma Ntoso XML or a text file")
    document = next(iter(_children(root)), None)
    if document is None:
        raise ParseError("empty Akoma Ntoso document", path)
    if _name(document) == "documentCollection":
        return _collection(root, document, path)
    if _name(document) not in ("statement", "resolution", "doc", "act", "bill"):
        raise ParseError(f"Akoma Ntoso <{_name(document)}> is not a resolution", path)
    notes = _Notes()
    resolution = _statement(document, notes, path)
    return resolution


def _parse_xml(data: bytes, path: str):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno else None
        message = re.sub(r", line \d+, column \d+$", "", str(error.msg or error))
        raise ParseError(f"invalid XML: {message}", path, line) from None


def _statement(statement, notes: _Notes, path: str) -> Resolution:
    parts = {n: [c for c in _children(statement) if _name(c) == n] for n in
             ("coverPage", "preface", "preamble", "mainBody", "conclusions", "attachments")}
    if not parts["preamble"] and not parts["mainBody"]:
        raise ParseError("Akoma Ntoso without a preamble or a body: not a resolution", path)
    number, title = _preface(parts["preface"][0] if parts["preface"] else None, notes)
    masthead = _masthead(parts["coverPage"][0] if parts["coverPage"] else None)
    body_name, preamble, body = _read_body(statement, notes)
    symbol = masthead.symbol if masthead else None
    body_name = body_name or (masthead.organ if masthead and masthead.organ else "General Assembly")
    annexes = tuple(_annex(a, notes) for block in parts["attachments"] for a in _children(block))
    return Resolution(
        number=number or (symbol or "").replace("A/RES/", "") or "unnumbered",
        symbol=symbol,
        title=title,
        body=body_name,
        session=_session(statement, number),
        preamble=tuple(preamble),
        operative=tuple(body.operative),
        footnotes=dict(notes.texts),
        adopted=_adoption(parts["conclusions"][0] if parts["conclusions"] else None),
        source=Source(path=path, format="akn"),
        sections=tuple(body.sections),
        annexes=annexes,
        masthead=masthead,
    )


def _collection(root, collection, path: str) -> Resolution:
    """Several resolutions under one number (75/101 A-B): the collection's preface and cover page,
    each component a Part with its own preamble, body, footnotes and adoption."""
    components = [c for c in root.iter() if _name(c) == "component" and _find(c, "statement") is not None]
    if not components:
        raise ParseError("Akoma Ntoso collection without resolutions", path)
    cover = next((c for c in _children(collection) if _name(c) == "coverPage"), None)
    preface = next((c for c in _children(collection) if _name(c) == "preface"), None)
    number, title = _preface(preface)
    masthead = _masthead(cover)
    parts = []
    for component in components:
        notes = _Notes()
        inner = _statement(_find(component, "statement"), notes, path)
        parts.append(Part(label=inner.number, title=inner.title, preamble=inner.preamble,
                          operative=inner.operative, sections=inner.sections, footnotes=inner.footnotes,
                          adopted=inner.adopted))
    first = parts[0]
    return Resolution(number=number or "unnumbered", symbol=masthead.symbol if masthead else None, title=title,
                      body=_body_of(collection) or (masthead.organ if masthead and masthead.organ else "General Assembly"),
                      session=_session(collection, number), footnotes={}, adopted=first.adopted,
                      source=Source(path=path, format="akn"), parts=tuple(parts), masthead=masthead)


def _body_of(element) -> str | None:
    formula = _find(element, "formula")
    if formula is None:
        return None
    return _formula_body(formula)


def _formula_body(formula) -> str | None:
    text = one_line(clean_chars("".join(formula.itertext()))).rstrip(",").strip()
    text = re.sub(r"^The\s+", "", text)
    return text or None


def _preface(preface, notes: _Notes | None = None) -> tuple[str | None, str | None]:
    """Number and title; a footnote on the title goes to `notes`, not into the title."""
    if preface is None:
        return None, None
    number = _find(preface, "docNumber")
    title = _find(preface, "docTitle")
    number_text = one_line("".join(number.itertext())).rstrip(".").strip() if number is not None else None
    title_text = None
    if title is not None:
        raw, _ = _inline(title, notes if notes is not None else _Notes())
        title_text = one_line(clean_chars(raw.replace(_NOTE, "")))
    return number_text or None, title_text or None


# Where the cover page keeps each masthead line: (element, (attribute, value) or None, field).
_COVER_FIELDS = [
    ("docNumber", None, "symbol"),
    ("docAuthority", ("refersTo", "#issuingBody"), "organ"),
    ("docStatus", None, "distribution"),
    ("docDate", None, "issued"),
    ("session", None, "session"),
    ("inline", ("name", "agenda item"), "agenda_item"),
    ("docProponent", None, "origin"),
]


def _masthead(cover) -> Masthead | None:
    if cover is None:
        return None

    found: dict[str, str | None] = {}
    for element in cover.iter():
        for name, attribute, field_name in _COVER_FIELDS:
            if _name(element) == name and (attribute is None or element.get(attribute[0]) == attribute[1]):
                found.setdefault(field_name, one_line(clean_chars("".join(element.itertext()))) or None)
    return Masthead(**{k: v for k, v in found.items() if v})


def _read_body(statement, notes: _Notes) -> tuple[str | None, list[Paragraph], _Body]:
    """The enacting formula, the preamble, and the body, read as one stream.

    Most files have one preamble and one mainBody. Budget resolutions repeat preamble + mainBody
    for each section (its heading closing the mainBody before), and a stray split puts one
    preambular paragraph in a mainBody of its own (77/118); reading everything after the first
    preamble as one stream of items, preamble containers marked as such, serves all three.
    """
    body_name = None
    preamble: list[Paragraph] = []
    stream: list = []
    seen_body = False
    for block in _children(statement):
        name = _name(block)
        if name == "preamble":
            for item in _children(block):
                if _name(item) == "formula":
                    body_name = body_name or _formula_body(item)
                elif not seen_body:
                    paragraph = _paragraph(item, notes)
                    if paragraph.text or paragraph.footnotes:
                        preamble.append(paragraph)
                else:
                    item.set(_PREAMBLE_MARK, "1")
                    stream.append(item)
        elif name == "mainBody":
            seen_body = True
            stream += _children(block)
    body = _BodyReader(notes).read(stream)
    return body_name, preamble + body.preamble, body


def _session(element, number: str | None) -> int | None:
    session = _find(element, "session")
    if session is not None and (session.get("value") or "").isdigit():
        return int(session.get("value"))
    first = (number or "").split("/")[0]
    return int(first) if first.isdigit() and int(first) < 1000 else None


def _adoption(conclusions) -> Adoption | None:
    if conclusions is None:
        return None
    # Sessions 75-77 write <inline name="adoptionMeeting">; 78-80 <location refersTo="#adoptionMeeting">.
    meeting = next((e for e in conclusions.iter() if e.get("name") == "adoptionMeeting"
                    or e.get("refersTo") == "#adoptionMeeting"), None)
    date = _find(conclusions, "docDate")
    meeting_text = one_line("".join(meeting.itertext())) if meeting is not None else None
    iso = date.get("date") if date is not None else None
    if not meeting_text and not iso:
        return None
    return Adoption(meeting=meeting_text or None, date=iso or None)


def _annex(attachment, notes: _Notes) -> Annex:
    doc = next((c for c in attachment.iter() if _name(c) in ("doc", "statement")), attachment)
    label, title = _preface(next((c for c in _children(doc) if _name(c) == "preface"), None))
    paragraphs = []
    for block in doc.iter():
        if _name(block) not in ("p", "heading", "subheading", "num", "td", "th"):
            continue
        if any(_name(a) in ("p", "td", "th", "authorialNote", "meta", "preface") for a in block.iterancestors()
               if a is not doc and _name(a) != "doc") and _name(block) != "td":
            continue
        raw, markers = _inline(block, notes, skip_num=False)
        text, refs = _clean(raw, markers)
        if text:
            paragraphs.append(Paragraph(text=text, footnotes=refs, line=block.sourceline))
    return Annex(label=label, title=title, paragraphs=tuple(paragraphs))
