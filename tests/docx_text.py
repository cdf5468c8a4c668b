"""A DOCX read back as text, the way a word processor shows it, straight from its XML.

`read(data, view)` gives the paragraphs of the body in order (table cells included) with their
style ids, and the text of every footnote they cite. `view` "accept" shows the document after
accepting every tracked change, "reject" after rejecting every one (a paragraph set anew takes
back the style its w:pPrChange kept), None as written (a clean document has no changes). A
paragraph whose mark goes (a paragraph added, then rejected) joins the next one, as in Word. Tabs
read as "\\t", non-breaking hyphens as U+2011, line breaks as "\\n"; a raised letter (a table
note's) stands between spaces, as a word of its own; footnote marks are not text (a mark of a
note's own, "*", and a note cited again are kept apart as `marks`). The empty paragraph the body
ends in (so that no Accept All leaves one behind) is not shown.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_GONE = {"accept": f"{W}del", "reject": f"{W}ins"}


@dataclass
class Para:
    style: str
    text: str
    notes: list[str] = field(default_factory=list)      # note ids cited, in order
    marks: list[str] = field(default_factory=list)      # custom marks ("*") of those notes
    italic: list[str] = field(default_factory=list)     # texts of italic runs


@dataclass
class Document:
    paragraphs: list[Para]
    notes: dict[str, str]                              # id -> text, for every note still cited

    def texts(self) -> list[str]:
        return [p.text for p in self.paragraphs]

    def styles(self) -> list[tuple[str, str]]:
        return [(p.style, p.text) for p in self.paragraphs]

    def words_and_notes(self) -> list[str]:
        """The texts of the paragraphs that have one, then the notes': what a redline's Accept All
        and Reject All are compared on."""
        return [t for t in self.texts() if t] + list(self.notes.values())


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def read(data: bytes, view: str | None = None) -> Document:
    body = part(data, "word/document.xml").find(f"{W}body")
    paragraphs = _fold([_paragraph(p, view) for p in body.iter(f"{W}p")])
    if paragraphs and paragraphs[-1].style == "Normal" and not paragraphs[-1].text and not paragraphs[-1].notes:
        paragraphs.pop()             # the empty paragraph every document ends in (render/word.py)
    notes_root = part(data, "word/footnotes.xml")
    all_notes = {n.get(f"{W}id"): _note_text(n, view) for n in notes_root.findall(f"{W}footnote")}
    cited = {note for p in paragraphs for note in p.notes}
    return Document(paragraphs, {k: v for k, v in all_notes.items() if k in cited})


def _paragraph(p: etree._Element, view: str | None) -> tuple[Para, bool]:
    # Rejected, a paragraph set anew is set as its w:pPrChange kept it.
    was = p.find(f"{W}pPr/{W}pPrChange/{W}pPr/{W}pStyle") if view == "reject" else None
    style = was if was is not None else p.find(f"{W}pPr/{W}pStyle")
    para = Para(style.get(f"{W}val") if style is not None else "", "")
    gone = _GONE.get(view or "")
    for r in p.iter(f"{W}r"):
        if gone and any(a.tag == gone for a in r.iterancestors()):
            continue
        reference = r.find(f"{W}footnoteReference")
        if reference is not None:
            para.notes.append(reference.get(f"{W}id"))
            if reference.get(f"{W}customMarkFollows") == "1":
                para.marks.append("".join(t.text or "" for t in r.iter(f"{W}t", f"{W}delText")))
            continue
        style = r.find(f"{W}rPr/{W}rStyle")
        if style is not None and style.get(f"{W}val") == "FootnoteReference":
            if _run_text(r):
                para.marks.append(_run_text(r))      # a note cited again: its number, not text
            continue
        text = _run_text(r)
        if r.find(f"{W}rPr/{W}vertAlign") is not None:
            text = f" {text} "                      # a raised letter ("a" of a table note) stands apart
        para.text += text
        if r.find(f"{W}rPr/{W}i") is not None and text.strip():
            para.italic.append(text)
    mark_gone = gone is not None and p.find(f"{W}pPr/{W}rPr/{gone}") is not None
    return para, mark_gone


def text_of(element: etree._Element) -> str:
    """All the text of an element (a header, a cell), tabs included."""
    return "".join(_run_text(r) for r in element.iter(f"{W}r"))


def _run_text(r: etree._Element) -> str:
    out = []
    for node in r:
        if node.tag in (f"{W}t", f"{W}delText"):
            out.append(node.text or "")
        elif node.tag == f"{W}tab":
            out.append("\t")
        elif node.tag == f"{W}noBreakHyphen":
            out.append("\u2011")
        elif node.tag == f"{W}br":
            out.append("\n")
    return "".join(out)


def _fold(items: list[tuple[Para, bool]]) -> list[Para]:
    """A paragraph whose mark is gone joins the one after it."""
    out: list[Para] = []
    carry: Para | None = None
    for para, mark_gone in items:
        if carry is not None:
            para = Para(para.style if not carry.text else carry.style, carry.text + para.text,
                        carry.notes + para.notes, carry.marks + para.marks, carry.italic + para.italic)
            carry = None
        if mark_gone:
            carry = para
        else:
            out.append(para)
    if carry is not None and carry.text:
        out.append(carry)
    return out


def _note_text(note: etree._Element, view: str | None) -> str:
    gone = _GONE.get(view or "")
    texts = []
    for r in note.iter(f"{W}r"):
        if gone and any(a.tag == gone for a in r.iterancestors()):
            continue
        style = r.find(f"{W}rPr/{W}rStyle")
        if style is not None and style.get(f"{W}val") == "FootnoteReference":
            continue                      # the note's own mark
        texts.append(_run_text(r))
    return "".join(texts).strip()
