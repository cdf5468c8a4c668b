"""The one module that writes raw WordprocessingML: footnotes and tracked changes.

python-docx has no API for either. Footnotes follow the way python-docx builds its comments part
(`docx/parts/comments.py`): a part made on first use from a shipped template
(`default-footnotes.xml`, holding Word's separator and continuation-separator notes), related to
the document part, ids allocated as max + 1. A reference is a run with style FootnoteReference
holding `w:footnoteReference`, placed exactly where the marker stood; the note is a `w:footnote`
whose paragraph has style FootnoteText and opens with `w:footnoteRef` (Word numbers the notes).

Tracked changes wrap runs in `w:ins` / `w:del` (deleted text in `w:delText`), each with an id,
author and date; a paragraph inserted or deleted whole also marks its paragraph mark, so accepting
every change in a word processor gives exactly the clean document.
"""

from __future__ import annotations

import copy
from importlib import resources

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


class Footnotes:
    """The document's footnotes part, created on first use."""

    def __init__(self, document) -> None:
        self.document = document
        self._part: XmlPart | None = None

    @property
    def part(self) -> XmlPart:
        if self._part is None:
            self._part = self._existing() or self._create()
        return self._part

    def _existing(self) -> XmlPart | None:
        for rel in self.document.part.rels.values():
            if rel.reltype == RT.FOOTNOTES and not rel.is_external:
                return rel.target_part
        return None

    def _create(self) -> XmlPart:
        blob = resources.files("drafter.render").joinpath("default-footnotes.xml").read_bytes()
        package = self.document.part.package
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(blob), package)
        # settings.xml may name the separator notes (w:footnotePr); it is optional, and leaving it
        # out keeps settings.xml in the schema's strict element order that Word checks.
        self.document.part.relate_to(part, RT.FOOTNOTES)
        return part

    def add(self, text: str) -> int:
        """A new footnote with `text`; returns its id (max + 1)."""
        root = self.part.element
        ids = [int(n.get(qn("w:id"))) for n in root.findall(qn("w:footnote"))]
        note_id = max([0, *ids]) + 1
        note = _element("w:footnote", {"w:id": str(note_id)})
        paragraph = _sub(note, "w:p")
        _sub(_sub(paragraph, "w:pPr"), "w:pStyle", {"w:val": "FootnoteText"})
        marker_run = _sub(paragraph, "w:r")
        _sub(_sub(marker_run, "w:rPr"), "w:rStyle", {"w:val": "FootnoteReference"})
        _sub(marker_run, "w:footnoteRef")
        text_run = _sub(paragraph, "w:r")
        _text(text_run, " " + text, "w:t")
        root.append(note)
        return note_id


def reference_run(paragraph, note_id: int, change=None) -> None:
    """Append the run that cites footnote `note_id`, inside a tracked insertion when given."""
    run = _element("w:r")
    _sub(_sub(run, "w:rPr"), "w:rStyle", {"w:val": "FootnoteReference"})
    _sub(run, "w:footnoteReference", {"w:id": str(note_id)})
    (change.wrap(paragraph._p, "ins") if change else paragraph._p).append(run)


def text_run(paragraph, text: str, italic: bool = False, deleted: bool = False, change=None,
             kind: str | None = None) -> None:
    """Append a run of text; `kind` "ins"/"del" puts it in a tracked change."""
    run = _element("w:r")
    if italic:
        _sub(_sub(run, "w:rPr"), "w:i")
    # A tab is its own element in WordprocessingML, never a character inside w:t.
    for index, piece in enumerate(text.split("\t")):
        if index:
            _sub(run, "w:tab")
        if piece:
            _text(run, piece, "w:delText" if kind == "del" else "w:t")
    target = change.wrap(paragraph._p, kind) if (change and kind) else paragraph._p
    target.append(run)


class Revisions:
    """Tracked changes of one document: ids, author and a fixed date for every w:ins/w:del."""

    def __init__(self, author: str, date: str) -> None:
        self.author = author
        self.date = date
        self.next_id = 1

    def wrap(self, parent, kind: str):
        element = _element(f"w:{kind}", {"w:id": str(self.next_id), "w:author": self.author,
                                        "w:date": self.date})
        self.next_id += 1
        parent.append(element)
        return element

    def mark_paragraph(self, paragraph, kind: str) -> None:
        """Mark a paragraph's own mark as inserted or deleted (a whole paragraph added or removed)."""
        p_pr = paragraph._p.get_or_add_pPr()
        r_pr = p_pr.find(qn("w:rPr"))
        if r_pr is None:
            r_pr = _sub(p_pr, "w:rPr")
        r_pr.append(_element(f"w:{kind}", {"w:id": str(self.next_id), "w:author": self.author,
                                          "w:date": self.date}))
        self.next_id += 1


def _element(tag: str, attrs: dict[str, str] | None = None):
    element = parse_xml(f'<{tag} xmlns:w="{W}"/>')
    for key, value in (attrs or {}).items():
        element.set(qn(key), value)
    return element


def _sub(parent, tag: str, attrs: dict[str, str] | None = None):
    child = _element(tag, attrs)
    parent.append(child)
    return child


def _text(run, text: str, tag: str) -> None:
    t = _sub(run, tag)
    t.text = text
    t.set(XML_SPACE, "preserve")


def copy_element(element):
    return copy.deepcopy(element)
