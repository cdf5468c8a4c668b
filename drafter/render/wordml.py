"""The one module that writes raw WordprocessingML: paragraphs, runs, footnotes, tables, tracked
changes, headers and footers, page setup and settings. The layout (word.py) and the redline
(redline.py) say what goes on the page; this module says how Word spells it.

Elements are built with lxml directly (python-docx's own builders are a hundred times slower, and
it has no API for footnotes, revisions or fields). What Word needs, and why:
- text runs: a tab is `w:tab`, a non-breaking hyphen (U+2011) `w:noBreakHyphen`; a no-break
  space (U+00A0) stays a character;
- a footnote reference is a run in the "footnote reference" style holding `w:footnoteReference`;
  the note opens with `w:footnoteRef` (Word numbers it) or, for a mark of its own ("*"), a
  `customMarkFollows` reference followed by the mark as text, so later notes keep their numbers;
- tracked changes wrap runs in `w:ins` / `w:del` (deleted text in `w:delText`) with id, author and
  date; a paragraph added or removed whole also marks its paragraph mark, and a paragraph set anew
  keeps its old properties in `w:pPrChange`, so accepting every change gives exactly the new
  document and rejecting every change exactly the old one.
"""

from __future__ import annotations

import re

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_NAMESPACES = {"w": W, "r": R}
_QN: dict[str, str] = {}


def qn(tag: str) -> str:
    """"w:p" -> "{http://...main}p"."""
    name = _QN.get(tag)
    if name is None:
        prefix, local = tag.split(":")
        name = _QN[tag] = f"{{{_NAMESPACES[prefix]}}}{local}"
    return name


def sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """A child element; attribute names are w: unless they say otherwise."""
    if not attributes:
        return etree.SubElement(parent, qn(tag))
    return etree.SubElement(parent, qn(tag), {_attribute(key): value for key, value in attributes.items()})


def _attribute(key: str) -> str:
    name = _QN.get(key)
    if name is None:
        name = _QN[key] = qn(key if ":" in key else f"w:{key}")
    return name


def root(tag: str) -> etree._Element:
    return etree.Element(qn(tag), nsmap=_NAMESPACES)


# --- paragraphs and runs ---------------------------------------------------------------------

def paragraph(parent: etree._Element, style_id: str, *, first: int | None = None,
              left: int | None = None, hanging: int | None = None, keep_next: bool = False,
              page_break: bool = False, align: str | None = None, before: int | None = None,
              after: int | None = None, tabs: tuple[tuple[str, int], ...] = ()) -> etree._Element:
    """A paragraph in a style, with whatever direct formatting the layout asks for; `tabs` are
    (kind, position) stops added to ("left") or taken from ("clear") the style's."""
    p = sub(parent, "w:p")
    paragraph_properties(p, style_id, first=first, left=left, hanging=hanging, keep_next=keep_next,
                         page_break=page_break, align=align, before=before, after=after, tabs=tabs)
    return p


def paragraph_properties(parent: etree._Element, style_id: str, *, first: int | None = None,
                         left: int | None = None, hanging: int | None = None, keep_next: bool = False,
                         page_break: bool = False, align: str | None = None, before: int | None = None,
                         after: int | None = None, tabs: tuple[tuple[str, int], ...] = ()) -> etree._Element:
    """The w:pPr of `paragraph`, at the end of `parent` (a paragraph, or the w:pPrChange that keeps
    what a paragraph's setting was)."""
    p_pr = sub(parent, "w:pPr")
    sub(p_pr, "w:pStyle", val=style_id)
    if keep_next:
        sub(p_pr, "w:keepNext")
    if page_break:
        sub(p_pr, "w:pageBreakBefore")
    if tabs:
        stops = sub(p_pr, "w:tabs")
        for kind, position in tabs:
            sub(stops, "w:tab", val=kind, pos=str(position))
    if before is not None or after is not None:
        spacing = sub(p_pr, "w:spacing")
        if before is not None:
            spacing.set(qn("w:before"), str(before))
        if after is not None:
            spacing.set(qn("w:after"), str(after))
    if first is not None or left is not None or hanging is not None:
        indent = sub(p_pr, "w:ind")
        if left is not None:
            indent.set(qn("w:left"), str(left))
        if hanging is not None:
            indent.set(qn("w:hanging"), str(hanging))
        elif first is not None:
            indent.set(qn("w:firstLine"), str(first))
    if align:
        sub(p_pr, "w:jc", val=align)
    return p_pr


def run(parent: etree._Element, text: str, *, italic: bool = False, bold: bool = False,
        superscript: bool = False, strike: bool = False, style: str | None = None,
        deleted: bool = False) -> etree._Element:
    """A run of text: tabs and non-breaking hyphens become their own elements."""
    r = sub(parent, "w:r")
    if italic or bold or superscript or strike or style:
        r_pr = sub(r, "w:rPr")
        if style:
            sub(r_pr, "w:rStyle", val=style)
        if bold:
            sub(r_pr, "w:b")
        if italic:
            sub(r_pr, "w:i")
        if strike:
            sub(r_pr, "w:strike")
        if superscript:
            sub(r_pr, "w:vertAlign", val="superscript")
    tag = qn("w:delText" if deleted else "w:t")
    for piece in _SPECIAL.split(text):
        if piece in _ELEMENTS:
            sub(r, _ELEMENTS[piece])
        elif piece:
            t = etree.SubElement(r, tag)
            t.text = piece
            if piece[0] == " " or piece[-1] == " ":
                t.set(XML_SPACE, "preserve")
    return r


# Characters that are elements of their own in WordprocessingML.
_ELEMENTS = {"\t": "w:tab", "\u2011": "w:noBreakHyphen", "\n": "w:br"}
_SPECIAL = re.compile("([\t\u2011\n])")


def header_paragraph(parent: etree._Element, style_id: str, width: int) -> etree._Element:
    """A running head: ruled below, with a right tab at the text's right edge."""
    p = sub(parent, "w:p")
    p_pr = sub(p, "w:pPr")
    sub(p_pr, "w:pStyle", val=style_id)
    sub(sub(p_pr, "w:pBdr"), "w:bottom", val="single", sz="4", space="1", color="auto")
    sub(sub(p_pr, "w:tabs"), "w:tab", val="right", pos=str(width))
    return p


def page_field(parent: etree._Element, instruction: str, shown: str, bold: bool = False) -> None:
    """A field (PAGE, NUMPAGES) as Word writes it: begin, instruction, separate, result, end."""
    for part in ("begin", "instruction", "separate", "result", "end"):
        r = sub(parent, "w:r")
        if bold:
            sub(sub(r, "w:rPr"), "w:b")
        if part == "instruction":
            t = sub(r, "w:instrText")
            t.text = f" {instruction} "
            t.set(XML_SPACE, "preserve")
        elif part == "result":
            sub(r, "w:t").text = shown
        else:
            sub(r, "w:fldChar", fldCharType=part)


# --- footnotes -------------------------------------------------------------------------------

def footnote_reference(parent: etree._Element, style_id: str, note_id: int, mark: str | None = None,
                       deleted: bool = False, bookmark: tuple[int, str] | None = None) -> None:
    """The mark in the text: Word's number, or a mark of the note's own ("*") that follows it;
    `bookmark` (id, name) marks it for a later NOTEREF to the same note."""
    if bookmark:
        sub(parent, "w:bookmarkStart", id=str(bookmark[0]), name=bookmark[1])
    r = sub(parent, "w:r")
    sub(sub(r, "w:rPr"), "w:rStyle", val=style_id)
    reference = sub(r, "w:footnoteReference", id=str(note_id))
    if mark is not None:
        reference.set(qn("w:customMarkFollows"), "1")
        sub(r, "w:delText" if deleted else "w:t").text = mark
    if bookmark:
        sub(parent, "w:bookmarkEnd", id=str(bookmark[0]))


def note_again(parent: etree._Element, style_id: str, bookmark: str, number: str) -> None:
    """A note cited a second time: its number, as a field that refers to the first reference."""
    for part in ("begin", "instruction", "separate", "result", "end"):
        r = sub(parent, "w:r")
        sub(sub(r, "w:rPr"), "w:rStyle", val=style_id)
        if part == "instruction":
            t = sub(r, "w:instrText")
            t.text = f" NOTEREF {bookmark} \\f \\h "
            t.set(XML_SPACE, "preserve")
        elif part == "result":
            sub(r, "w:t").text = number
        else:
            sub(r, "w:fldChar", fldCharType=part)


def footnotes_root() -> etree._Element:
    """The footnotes part with Word's separator and continuation separator (ids -1 and 0)."""
    notes = root("w:footnotes")
    for note_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        note = sub(notes, "w:footnote", type=kind, id=note_id)
        p = sub(note, "w:p")
        sub(sub(p, "w:pPr"), "w:spacing", after="0", line="240", lineRule="auto")
        sub(sub(p, "w:r"), f"w:{kind}")
    return notes


def footnote(notes: etree._Element, note_id: int, text_style: str, mark_style: str,
             mark: str | None = None) -> etree._Element:
    """A new note: its paragraph opens with the mark and a tab; the caller adds the text."""
    note = sub(notes, "w:footnote", id=str(note_id))
    p = paragraph(note, text_style)
    r = sub(p, "w:r")
    sub(sub(r, "w:rPr"), "w:rStyle", val=mark_style)
    if mark is None:
        sub(r, "w:footnoteRef")
    else:
        sub(r, "w:t").text = mark
    sub(sub(p, "w:r"), "w:tab")
    return p


# --- tracked changes -------------------------------------------------------------------------

class Revisions:
    """The tracked changes of one document: ids, author and a fixed date for every w:ins/w:del."""

    def __init__(self, author: str, date: str) -> None:
        self.author = author
        self.date = date
        self.next_id = 1

    def _attributes(self) -> dict[str, str]:
        attributes = {"id": str(self.next_id), "author": self.author, "date": self.date}
        self.next_id += 1
        return attributes

    def wrap(self, parent: etree._Element, kind: str) -> etree._Element:
        """A w:ins or w:del at the end of `parent`, to put runs in."""
        return sub(parent, f"w:{kind}", **self._attributes())

    def mark_paragraph(self, p: etree._Element, kind: str) -> None:
        """The paragraph mark itself inserted or deleted: a paragraph added or removed whole."""
        p_pr = p.find(qn("w:pPr"))
        r_pr = p_pr.find(qn("w:rPr"))
        if r_pr is None:
            r_pr = sub(p_pr, "w:rPr")
        sub(r_pr, f"w:{kind}", **self._attributes())

    def setting_change(self, p: etree._Element) -> etree._Element:
        """A w:pPrChange at the end of the paragraph's w:pPr (where the schema wants it), to hold
        the paragraph's old properties (`paragraph_properties`): a paragraph set anew (the title
        of an adopted resolution, "58/208.<tab>Title", indented as a draft's). Reject All sets it
        as it was (LibreOffice checked, tests/test_libreoffice.py)."""
        return sub(p.find(qn("w:pPr")), "w:pPrChange", **self._attributes())

    def mark_row(self, tr: etree._Element, kind: str) -> None:
        """A table row added or removed whole."""
        sub(tr.find(qn("w:trPr")), f"w:{kind}", **self._attributes())


# --- tables ----------------------------------------------------------------------------------

def table(parent: etree._Element, widths: list[int], indent: int) -> etree._Element:
    """A table with fixed column widths, ruled as UN tables are: a thin rule on top, a thicker one
    at the bottom, no vertical rules; header rows get their own rule from `cell`."""
    tbl = sub(parent, "w:tbl")
    tbl_pr = sub(tbl, "w:tblPr")
    sub(tbl_pr, "w:tblW", w=str(sum(widths)), type="dxa")
    sub(tbl_pr, "w:tblInd", w=str(indent), type="dxa")
    borders = sub(tbl_pr, "w:tblBorders")
    sub(borders, "w:top", val="single", sz="4", space="0", color="auto")
    sub(borders, "w:bottom", val="single", sz="12", space="0", color="auto")
    sub(tbl_pr, "w:tblLayout", type="fixed")
    margins = sub(tbl_pr, "w:tblCellMar")
    sub(margins, "w:left", w="57", type="dxa")
    sub(margins, "w:right", w="57", type="dxa")
    grid = sub(tbl, "w:tblGrid")
    for width in widths:
        sub(grid, "w:gridCol", w=str(width))
    return tbl


def table_row(tbl: etree._Element, header: bool) -> etree._Element:
    tr = sub(tbl, "w:tr")
    tr_pr = sub(tr, "w:trPr")
    sub(tr_pr, "w:cantSplit")
    if header:
        sub(tr_pr, "w:tblHeader")
    return tr


def table_cell(tr: etree._Element, width: int, span: int = 1, merge: str | None = None,
               rule_below: bool = False) -> etree._Element:
    """A cell; `merge` "restart"/"continue" for a cell spanning rows (the continuation is empty)."""
    tc = sub(tr, "w:tc")
    tc_pr = sub(tc, "w:tcPr")
    sub(tc_pr, "w:tcW", w=str(width), type="dxa")
    if span > 1:
        sub(tc_pr, "w:gridSpan", val=str(span))
    if merge:
        sub(tc_pr, "w:vMerge", val=merge)
    if rule_below:
        sub(sub(tc_pr, "w:tcBorders"), "w:bottom", val="single", sz="4", space="0", color="auto")
    sub(tc_pr, "w:vAlign", val="bottom")
    return tc


# --- masthead cells: a borderless table whose rows are ruled below -------------------------------

def layout_table(parent: etree._Element, widths: list[int]) -> etree._Element:
    tbl = sub(parent, "w:tbl")
    tbl_pr = sub(tbl, "w:tblPr")
    sub(tbl_pr, "w:tblW", w=str(sum(widths)), type="dxa")
    sub(tbl_pr, "w:tblLayout", type="fixed")
    margins = sub(tbl_pr, "w:tblCellMar")
    sub(margins, "w:left", w="0", type="dxa")
    sub(margins, "w:right", w="0", type="dxa")
    grid = sub(tbl, "w:tblGrid")
    for width in widths:
        sub(grid, "w:gridCol", w=str(width))
    return tbl


def layout_cell(tr: etree._Element, width: int, rule: int = 0, span: int = 1,
                align: str = "bottom") -> etree._Element:
    """A masthead cell; `rule` is the thickness of the line under it in eighths of a point."""
    tc = sub(tr, "w:tc")
    tc_pr = sub(tc, "w:tcPr")
    sub(tc_pr, "w:tcW", w=str(width), type="dxa")
    if span > 1:
        sub(tc_pr, "w:gridSpan", val=str(span))
    if rule:
        sub(sub(tc_pr, "w:tcBorders"), "w:bottom", val="single", sz=str(rule), space="0", color="auto")
    sub(tc_pr, "w:vAlign", val=align)
    return tc


# --- page setup, headers and footers -----------------------------------------------------------

def section_properties(body: etree._Element, paper: tuple[int, int], margins: dict[str, int],
                       headers: dict[str, str], footers: dict[str, str]) -> None:
    """Page size and margins; headers and footers by kind ("first", "default" = odd, "even"),
    each a relationship id; a first page of its own (w:titlePg)."""
    sect = sub(body, "w:sectPr")
    for kind, rel_id in headers.items():
        sub(sect, "w:headerReference", type=kind, **{"r:id": rel_id})
    for kind, rel_id in footers.items():
        sub(sect, "w:footerReference", type=kind, **{"r:id": rel_id})
    sub(sect, "w:pgSz", w=str(paper[0]), h=str(paper[1]))
    sub(sect, "w:pgMar", **{key: str(value) for key, value in margins.items()}, gutter="0")
    sub(sect, "w:cols", space="720")
    if headers or footers:
        sub(sect, "w:titlePg")


def _element(tag: str, **attributes: str) -> etree._Element:
    element = etree.Element(qn(tag))
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), value)
    return element


# --- settings --------------------------------------------------------------------------------

# The order CT_Settings fixes for the elements drafter sets (Word refuses other orders).
_SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
    "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
    "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors",
    "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate",
    "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
    "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting",
    "documentProtection", "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop",
    "autoHyphenation", "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps",
    "showEnvelope", "summaryLength", "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders",
    "bookFoldRevPrinting", "bookFoldPrinting", "bookFoldPrintingSheets",
    "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing", "displayHorizontalDrawingGridEvery",
    "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData",
    "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
    "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture", "doNotValidateAgainstSchema",
    "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
    "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
    "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr",
    "compat", "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
    "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
    "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
    "decimalSymbol", "listSeparator",
)
_RANK = {name: index for index, name in enumerate(_SETTINGS_ORDER)}


def set_setting(settings: etree._Element, name: str, **attributes: str) -> etree._Element:
    """Put w:<name> into settings where the schema wants it, replacing one already there."""
    old = settings.find(qn(f"w:{name}"))
    if old is not None:
        settings.remove(old)
    element = _element(f"w:{name}", **attributes)
    rank = _RANK[name]
    for index, child in enumerate(settings):
        local = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if child.tag.startswith(f"{{{W}}}") and _RANK.get(local, len(_RANK)) > rank:
            settings.insert(index, element)
            return element
    settings.append(element)
    return element


def drop_setting(settings: etree._Element, name: str) -> None:
    old = settings.find(qn(f"w:{name}"))
    if old is not None:
        settings.remove(old)


def compatibility(settings: etree._Element, mode: str = "15") -> None:
    """Word's current layout rules (compatibilityMode 15): the document does not open in
    compatibility mode. A reference document's own mode, when it has one, stays."""
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = set_setting(settings, "compat")
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            return
    sub(compat, "w:compatSetting", name="compatibilityMode", uri="http://schemas.microsoft.com/office/word",
        val=mode)


def serialize(element: etree._Element) -> bytes:
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)
