"""Stage 1 of the PDF reader: a PDF's pages as glyphs (character, place, size, font) and rules.

pdfminer.six (MIT) interprets the pages without its own layout analysis, which is slow and guesses
at what the next stages decide for themselves. Every failure a user can meet comes out as one
ParseError: a PDF that needs a password, a damaged file, one with more pages than a resolution has,
one with no text layer (a scan).

Promises: `read_glyphs` returns one `Page` per page, in order, each with its glyphs (baseline `y`
growing upwards, as PDF measures) and its short horizontal rules (drawn lines and thin rectangles).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from drafter.errors import ParseError

# The longest General Assembly resolution in the corpus prints on well under 150 pages (the 2030
# Agenda takes 35); 400 pages leaves room for annexed conventions while refusing a whole journal.
MAX_PAGES = 400

_ITALIC = re.compile(r"italic|oblique|[-,]it$|[-,]ital", re.I)
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float
    x1: float
    y: float            # baseline
    size: float
    italic: bool
    bold: bool


@dataclass(frozen=True)
class Rule:
    x0: float
    x1: float
    y: float


@dataclass
class Page:
    number: int         # 1-based
    width: float
    height: float
    glyphs: list[Glyph] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


def read_glyphs(data: bytes, path: str) -> list[Page]:
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    document = _open(data, path)
    manager = PDFResourceManager(caching=True)
    device = _Collector(manager)
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[Page] = []
    try:
        # The page tree is counted before any page is read, so a long PDF is refused at once.
        pdf_pages = list(PDFPage.create_pages(document))
        if len(pdf_pages) > MAX_PAGES:
            raise ParseError(f"{len(pdf_pages)} pages, more than {MAX_PAGES} pages (drafter's limit): too long "
                             "for a resolution", path, hint="split out the resolution's own pages")
        for number, pdf_page in enumerate(pdf_pages, start=1):
            device.glyphs = []
            interpreter.process_page(pdf_page)
            pages.append(_page(number, device.layout, device.glyphs))
    except ParseError:
        raise
    except Exception as error:        # pdfminer raises many kinds for a damaged page
        raise ParseError(f"damaged PDF ({type(error).__name__}: {error})", path,
                         hint="open it in a PDF viewer and save or print it as a new PDF") from None
    if not pages:
        raise ParseError("a PDF with no pages", path)
    if not any(g.text.strip() for page in pages for g in page.glyphs):
        raise ParseError("no text layer: this PDF needs OCR first", path,
                         hint="it is a scan; run it through OCR, or give the DOCX or text")
    return pages


def _collector_base():
    from pdfminer.converter import PDFLayoutAnalyzer
    return PDFLayoutAnalyzer


class _Collector(_collector_base()):
    """A pdfminer device that keeps each character as a `Glyph` (place, size, font) and leaves the
    drawn paths to pdfminer's page object: building pdfminer's own character objects, with their
    bounding boxes, costs more than the rest of the reading."""

    def __init__(self, manager) -> None:
        super().__init__(manager, laparams=None)
        self.glyphs: list[Glyph] = []
        self.layout = None
        self._styles: dict[str, tuple[bool, bool]] = {}

    def receive_layout(self, ltpage) -> None:
        self.layout = ltpage

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate) -> float:
        from pdfminer.pdffont import PDFUnicodeNotDefined

        try:
            text = font.to_unichr(cid)
        except PDFUnicodeNotDefined:
            text = ""                 # a glyph with no Unicode meaning: nothing to read
        adv = font.char_width(cid) * fontsize * scaling
        a, b, c, d, e, f = matrix
        if abs(b) > 0.1 * abs(a or 1) or a <= 0 or d <= 0 or not text:
            return adv                # rotated or mirrored text (a stamp, a margin note) is not running text
        name = font.fontname if isinstance(font.fontname, str) else str(font.fontname)
        style = self._styles.get(name)
        if style is None:
            bare = name.split("+")[-1]
            style = self._styles[name] = (bool(_ITALIC.search(bare)), bool(_BOLD.search(bare)))
        italic = style[0] or abs(c / d) > 0.15       # a synthesized italic shears x by y
        # A superscript may be set by text rise (Ts) instead of a moved baseline: count it in.
        self.glyphs.append(Glyph(text, e, e + a * adv, f + rise * d, round(fontsize * d, 2), italic, style[1]))
        return adv


def page_count(data: bytes, path: str) -> int:
    from pdfminer.pdfpage import PDFPage
    return sum(1 for _ in PDFPage.create_pages(_open(data, path)))


def _open(data: bytes, path: str):
    from pdfminer.pdfdocument import (
        PDFDocument,
        PDFEncryptionError,
        PDFPasswordIncorrect,
    )
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFException
    from pdfminer.psparser import PSException

    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ParseError("encrypted: this PDF needs a password to be read", path,
                         hint="open it with its password and save or print it without one") from None
    except (PDFException, PSException, ValueError, KeyError, TypeError, AttributeError) as error:
        raise ParseError(f"damaged PDF ({type(error).__name__})", path,
                         hint="open it in a PDF viewer and save or print it as a new PDF") from None
    if not document.is_extractable:
        raise ParseError("its author forbids extracting the text", path,
                         hint="ask for the DOCX, or print the PDF to a new one") from None
    return document


def _page(number: int, layout, glyphs: list[Glyph]) -> Page:
    from pdfminer.layout import LTCurve, LTFigure

    x0, y0, x1, y1 = layout.bbox
    page = Page(number, x1 - x0, y1 - y0)
    page.glyphs = [Glyph(g.text, g.x0 - x0, g.x1 - x0, g.y - y0, g.size, g.italic, g.bold) for g in glyphs] \
        if (x0, y0) != (0, 0) else glyphs

    def walk(items) -> None:
        for item in items:
            if isinstance(item, LTFigure):
                walk(item)
            elif isinstance(item, LTCurve) and item.height <= 2 and item.width >= 20:
                page.rules.append(Rule(item.x0 - x0, item.x1 - x0, (item.y0 + item.y1) / 2 - y0))

    walk(layout)
    return page
