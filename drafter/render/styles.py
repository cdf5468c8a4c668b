"""The paragraph and character styles of a UN document, named as the UN names them.

`SingleTxt` is the body text of UN documents (Times New Roman 10 pt, indented 1.27 cm both sides,
justified, exactly 12 pt lines, 6 pt after). The others are drafter's: masthead lines, the title,
sub-paragraphs, the closing, and Word's own footnote styles. `ensure_styles` adds whatever a
document lacks and reports which it added, so a user's reference document keeps its own.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Cm, Pt

FONT = "Times New Roman"

PAPER = {"A4": (Cm(21.0), Cm(29.7)), "letter": (Cm(21.59), Cm(27.94))}

# name: (type, size pt, bold, italic, alignment, left cm, right cm, first-line cm, space after pt)
PARAGRAPH_STYLES = {
    "SingleTxt": (10, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 1.27, 1.27, 0, 6),
    # The label "(a)" hangs in the margin of the text, which starts at a tab stop.
    "SubPara": (10, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 3.81, 1.27, -1.27, 6),
    "SubSubPara": (10, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 5.08, 1.27, -1.27, 6),
    "Masthead": (10, False, False, WD_ALIGN_PARAGRAPH.LEFT, 0, 0, 0, 0),
    "MastheadRight": (10, False, False, WD_ALIGN_PARAGRAPH.RIGHT, 0, 0, 0, 0),
    "MastheadSymbol": (20, False, False, WD_ALIGN_PARAGRAPH.RIGHT, 0, 0, 0, 6),
    "Organ": (17, True, False, WD_ALIGN_PARAGRAPH.LEFT, 0, 0, 0, 12),
    "Sponsor": (10, False, False, WD_ALIGN_PARAGRAPH.LEFT, 1.27, 1.27, 0, 12),
    "DocTitle": (13, True, False, WD_ALIGN_PARAGRAPH.LEFT, 1.27, 1.27, 0, 12),
    "SectionHeading": (10, True, False, WD_ALIGN_PARAGRAPH.CENTER, 1.27, 1.27, 0, 6),
    "Closing": (10, False, False, WD_ALIGN_PARAGRAPH.RIGHT, 1.27, 1.27, 0, 0),
    "FootnoteText": (9, False, False, WD_ALIGN_PARAGRAPH.LEFT, 1.27, 1.27, 0, 2),
}
CHARACTER_STYLES = {"FootnoteReference": True}         # name: superscript


def ensure_styles(document: Document) -> list[str]:
    """Add the styles drafter needs; return the names that had to be added."""
    added = []
    styles = document.styles
    # A style counts as present by name or by id: Word's own "footnote text" has the id FootnoteText,
    # and adding ours beside it would give styles.xml two styles with one id.
    names = {style.name for style in styles} | {style.style_id for style in styles}
    normal = styles["Normal"]
    normal.font.name = normal.font.name or FONT
    for name, (size, bold, italic, align, left, right, first, after) in PARAGRAPH_STYLES.items():
        if name in names:
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.left_indent = Cm(left)
        fmt.right_indent = Cm(right)
        fmt.first_line_indent = Cm(first)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(after)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(max(12, size + 2))
        if first < 0:
            fmt.tab_stops.add_tab_stop(Cm(left))
        added.append(name)
    for name, superscript in CHARACTER_STYLES.items():
        if name in names:
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.font.superscript = superscript
        added.append(name)
    return added


def set_page(document: Document, paper: str) -> None:
    key = {"a4": "A4", "letter": "letter"}.get(paper.lower())
    if key is None:
        raise ValueError(f"paper must be A4 or letter, not {paper!r}")
    width, height = PAPER[key]
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = width, height
        section.top_margin = Cm(2.5)
        section.bottom_margin = Cm(2.5)
        section.left_margin = Cm(2.2)
        section.right_margin = Cm(2.2)
