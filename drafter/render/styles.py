"""The styles of a UN document, as data, and the styles part built from them.

`SingleTxt` is the body text of UN documents: Times New Roman 10 pt, indented 1.27 cm (0.5 in) on
both sides, justified, exactly 12 pt lines, 6 pt after, tab stops every 0.25 in from 0.75 in. A
paragraph's first line is indented a further 1.27 cm; an operative paragraph's number stands there
and its text follows at the next tab stop. Sub-paragraphs indent only their first line, one step
deeper per level ("(a)" at 2.54 cm, "(i)" at 3.81 cm from the body's margin); their second and later
lines run back to the body's margin, as the UN sets them.

Footnotes use Word's built-in styles ("footnote text", "footnote reference"), so any word
processor knows them for what they are and raises the marks. Styles are matched by name or id:
a user's reference document keeps its own, and only what it lacks is added (and reported).

Measures are in twentieths of a point (twips): 567 to the centimetre, 720 to the half inch.
"""

from __future__ import annotations

from lxml import etree

from drafter.records import dataclass
from drafter.render.wordml import W, qn

FONT = "Times New Roman"
LANGUAGE = "en-GB"

PAPER = {"A4": (11906, 16838), "letter": (12240, 15840)}          # width, height in twips
MARGINS = {"top": 1417, "bottom": 1417, "left": 1247, "right": 1247, "header": 720, "footer": 567}
INDENT = 720                                                        # 1.27 cm
BODY_TABS = (1080, 1440, 1800, 2160, 2520, 2880, 3240, 3600, 3960, 4320)


@dataclass(frozen=True)
class Style:
    """A Word style drafter writes: its name, kind and look."""

    id: str
    name: str
    kind: str = "paragraph"               # "paragraph" | "character"
    size: float | None = None             # points
    bold: bool = False
    italic: bool = False
    superscript: bool = False
    align: str | None = None              # w:jc: "left" | "right" | "center" | "both"
    left: int = 0
    right: int = 0
    first: int = 0                        # first-line indent; negative hangs
    before: int = 0
    after: int = 0
    line: int | None = None               # exact line height
    tabs: tuple[int, ...] = ()
    keep_next: bool = False
    based_on: str | None = "Normal"


def _body(id_: str, name: str, **extra) -> Style:
    base = {"size": 10, "align": "both", "left": INDENT, "right": INDENT, "after": 120, "line": 240,
            "tabs": BODY_TABS}
    base.update(extra)
    return Style(id_, name, **base)


STYLES = (
    Style("Normal", "Normal", size=10, based_on=None),
    _body("SingleTxt", "SingleTxt"),
    _body("SubPara", "SubPara", first=2 * INDENT),
    _body("SubSubPara", "SubSubPara", first=3 * INDENT),
    _body("SubSubSubPara", "SubSubSubPara", first=4 * INDENT),
    # The masthead, top to bottom.
    Style("MastheadOrganization", "MastheadOrganization", size=10, line=240),
    Style("MastheadSymbol", "MastheadSymbol", size=20, align="right", line=400),
    Style("MastheadOrgan", "MastheadOrgan", size=17, bold=True, line=340, before=60),
    Style("MastheadRight", "MastheadRight", size=10, align="left", line=240),
    Style("MastheadSession", "MastheadSession", size=10, line=240, before=0),
    Style("MastheadAgendaTitle", "MastheadAgendaTitle", size=10, bold=True, line=240, right=4 * INDENT),
    Style("Sponsor", "Sponsor", size=10, left=INDENT, right=INDENT, line=240, before=480, after=240),
    Style("AdoptionLine", "AdoptionLine", size=12, bold=True, left=INDENT, right=INDENT, line=280,
          before=480, keep_next=True),
    Style("ReportLine", "ReportLine", size=10, left=INDENT, right=INDENT, line=240, keep_next=True),
    # The number hangs and the title follows at 3.17 cm: "78/217.<tab>Protection of migrants".
    Style("DocTitle", "DocTitle", size=13, bold=True, left=1800, right=INDENT, first=-1080, line=300,
          before=360, after=240, tabs=(1800,), keep_next=True),
    # Parts (A, B), sections (I, II), lettered sub-sections, annexes and headings in free text.
    Style("PartHeading", "PartHeading", size=12, bold=True, align="center", left=INDENT, right=INDENT,
          line=280, before=240, after=120, keep_next=True),
    Style("SectionHeading", "SectionHeading", size=10, bold=True, align="center", left=INDENT,
          right=INDENT, line=240, before=240, after=120, keep_next=True),
    Style("SubsectionHeading", "SubsectionHeading", size=10, bold=True, left=2 * INDENT, right=INDENT,
          first=-INDENT, line=240, before=120, after=120, tabs=(2 * INDENT,), keep_next=True),
    Style("AnnexHeading", "AnnexHeading", size=12, bold=True, left=INDENT, right=INDENT, line=280,
          after=120, keep_next=True),
    Style("Heading", "Heading", size=10, bold=True, left=INDENT, right=INDENT, line=240, before=120,
          after=120, keep_next=True),
    Style("Closing", "Closing", size=10, align="right", left=INDENT, right=INDENT, line=240, before=240),
    # Tables: cell text, and the lettered notes under a table.
    Style("TableText", "TableText", size=9, line=220, before=40, after=40),
    Style("TableNote", "TableNote", size=9, left=INDENT + 360, right=INDENT, first=-360, line=220,
          after=40, tabs=(INDENT + 360,)),
    # Word's own, by their built-in names.
    Style("FootnoteText", "footnote text", size=9, left=INDENT + 360, right=INDENT, first=-360, line=200,
          after=40, tabs=(INDENT + 360,)),
    Style("FootnoteReference", "footnote reference", kind="character", superscript=True, based_on=None),
    Style("Header", "header", size=9, line=220),
    Style("Footer", "footer", size=9, line=220),
)


def style_element(style: Style) -> etree._Element:
    """One <w:style>, built from the data above."""
    element = etree.Element(qn("w:style"), nsmap={"w": W})
    element.set(qn("w:type"), style.kind)
    element.set(qn("w:styleId"), style.id)
    if style.id == "Normal":
        element.set(qn("w:default"), "1")
    _sub(element, "w:name", val=style.name)
    if style.based_on:
        _sub(element, "w:basedOn", val=style.based_on)
    if style.kind == "paragraph":
        _sub(element, "w:qFormat")
        element.append(_paragraph_properties(style))
    element.append(_run_properties(style))
    return element


def _paragraph_properties(style: Style) -> etree._Element:
    p_pr = etree.Element(qn("w:pPr"))
    if style.keep_next:
        _sub(p_pr, "w:keepNext")
    if style.tabs:
        tabs = _sub(p_pr, "w:tabs")
        for position in style.tabs:
            _sub(tabs, "w:tab", val="left", pos=str(position))
    spacing = {"before": str(style.before), "after": str(style.after)}
    if style.line:
        spacing.update(line=str(style.line), lineRule="exact")
    _sub(p_pr, "w:spacing", **spacing)
    indent = {"left": str(style.left), "right": str(style.right)}
    if style.first < 0:
        indent["hanging"] = str(-style.first)
    elif style.first:
        indent["firstLine"] = str(style.first)
    _sub(p_pr, "w:ind", **indent)
    if style.align:
        _sub(p_pr, "w:jc", val=style.align)
    return p_pr


def _run_properties(style: Style) -> etree._Element:
    r_pr = etree.Element(qn("w:rPr"))
    if style.kind == "paragraph" and style.id == "Normal":
        _sub(r_pr, "w:rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT)
    if style.bold:
        _sub(r_pr, "w:b")
    if style.italic:
        _sub(r_pr, "w:i")
    if style.size:
        _sub(r_pr, "w:sz", val=str(int(style.size * 2)))
        _sub(r_pr, "w:szCs", val=str(int(style.size * 2)))
    if style.superscript:
        _sub(r_pr, "w:vertAlign", val="superscript")
    return r_pr


def doc_defaults() -> etree._Element:
    """Times New Roman 10 pt in British English unless a style says otherwise."""
    defaults = etree.Element(qn("w:docDefaults"), nsmap={"w": W})
    r_pr = _sub(_sub(defaults, "w:rPrDefault"), "w:rPr")
    _sub(r_pr, "w:rFonts", ascii=FONT, hAnsi=FONT, cs=FONT, eastAsia=FONT)
    _sub(r_pr, "w:sz", val="20")
    _sub(r_pr, "w:szCs", val="20")
    _sub(r_pr, "w:lang", val=LANGUAGE, eastAsia="zh-CN", bidi="ar-SA")
    _sub(_sub(_sub(defaults, "w:pPrDefault"), "w:pPr"), "w:spacing", after="0", line="240", lineRule="auto")
    return defaults


def styles_part() -> etree._Element:
    """The whole styles part of drafter's own reference document."""
    root = etree.Element(qn("w:styles"), nsmap={"w": W})
    root.append(doc_defaults())
    for style in STYLES:
        root.append(style_element(style))
    return root


def ensure_styles(root: etree._Element) -> tuple[list[str], dict[str, str]]:
    """Add to a styles part what drafter needs and it lacks, and give British English as the
    language when it names none. Returns the names added and, for every style drafter uses, the
    id it has in this part (a Word-made document may spell "footnote text" with another id)."""
    ids = {}
    for element in root.findall(qn("w:style")):
        name = element.find(qn("w:name"))
        style_id = element.get(qn("w:styleId"))
        ids[style_id.lower()] = style_id
        if name is not None:
            ids[name.get(qn("w:val")).lower()] = style_id
    added, found = [], {}
    for style in STYLES:
        existing = ids.get(style.name.lower()) or ids.get(style.id.lower())
        if existing is None:
            root.append(style_element(style))
            existing = style.id
            added.append(style.name)
        found[style.id] = existing
    _ensure_language(root)
    return added, found


def _ensure_language(root: etree._Element) -> None:
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        root.insert(0, doc_defaults())
        return
    r_pr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if r_pr is not None and r_pr.find(qn("w:lang")) is None:
        _sub(r_pr, "w:lang", val=LANGUAGE)


def _sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    child = etree.SubElement(parent, qn(tag))
    for key, value in attributes.items():
        child.set(qn(f"w:{key}"), value)
    return child
