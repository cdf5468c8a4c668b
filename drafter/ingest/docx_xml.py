"""The raw WordprocessingML the DOCX reader needs where python-docx has no API: run properties
through the styles, automatic numbering (numbering.xml), the footnotes part, tracked changes.

Everything that names an OOXML element lives here; drafter.ingest.docx walks the document with
these calls and never spells a tag itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from docx.oxml.ns import qn

from drafter.ingest.heading_labels import roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TAG = {name: f"{W}{name}" for name in (
    "p", "r", "t", "tab", "br", "cr", "tbl", "tr", "tc", "ins", "del", "moveTo", "moveFrom", "sdt",
    "sdtContent", "hyperlink", "smartTag", "customXml", "fldSimple", "footnoteReference",
    "endnoteReference", "noBreakHyphen", "softHyphen", "sym", "pPr", "rPr", "delText", "instrText",
    "fldChar", "footnote", "footnoteRef", "lastRenderedPageBreak", "pageBreakBefore", "bookmarkStart")}
# What a run or paragraph may hold around its runs; their runs count as the paragraph's own.
CONTAINERS = {TAG[n] for n in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "sdt",
                               "sdtContent")}
# Text a tracked change took out: read as accepted, it is gone.
REMOVED = {TAG["del"], TAG["moveFrom"]}


def on(element) -> bool | None:
    """A toggle property (w:i, w:b): None when absent, else its value ("0"/"false" is off)."""
    if element is None:
        return None
    return element.get(qn("w:val")) not in ("0", "false", "off")


class Styles:
    """Italic and bold as a run inherits them: the run, its character style, its paragraph's style
    and the document defaults, each style through its `basedOn` chain."""

    def __init__(self, styles_element) -> None:
        self.by_id = {}
        self.default_paragraph = None
        self._indents: dict[str | None, tuple] = {}     # style id -> its chain's w:ind, read once
        if styles_element is None:
            return
        for style in styles_element.findall(qn("w:style")):
            style_id = style.get(qn("w:styleId"))
            self.by_id[style_id] = style
            if style.get(qn("w:type")) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
                self.default_paragraph = style_id

    def prop(self, style_id: str | None, name: str) -> bool | None:
        """A toggle run property (w:i, w:b) through the style chain."""
        return self._inherited(style_id, "w:rPr", name, on)

    def run_value(self, style_id: str | None, name: str) -> str | None:
        """A run property's w:val through a character style's chain (w:vertAlign)."""
        return self._inherited(style_id, "w:rPr", name, lambda element: element.get(qn("w:val")))

    def paragraph_prop(self, style_id: str | None, name: str) -> str | None:
        """A paragraph property's w:val through the style chain (w:jc for the alignment)."""
        return self._inherited(style_id, "w:pPr", name, lambda element: element.get(qn("w:val")))

    def _inherited(self, style_id: str | None, container: str, name: str, read):
        """`read` of the property `name` in the first style of the `basedOn` chain that sets it
        (in its w:rPr or w:pPr), None when none does."""
        for style in self._chain(style_id):
            properties = style.find(qn(container))
            element = properties.find(qn(f"w:{name}")) if properties is not None else None
            if element is not None:
                return read(element)
        return None

    def _chain(self, style_id: str | None):
        """The style and those it is based on, nearest first; a chain that loops ends after 20."""
        for _ in range(21):
            style = self.by_id.get(style_id) if style_id else None
            if style is None:
                return
            yield style
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None

    def numbering_of(self, style_id: str | None) -> tuple[str, int] | None:
        """The (numId, ilvl) a paragraph style numbers its paragraphs with, if any."""
        for style in self._chain(style_id):
            p_pr = style.find(qn("w:pPr"))
            found = num_pr(p_pr) if p_pr is not None else None
            if found:
                return found
        return None

    def indents(self, style_id: str | None) -> list:
        """The w:ind of the style and of those it is based on, nearest first. The chain is walked
        once per style id: the styles part does not change while a document is read."""
        if style_id not in self._indents:
            self._indents[style_id] = tuple(style.find(f"{W}pPr/{W}ind") for style in self._chain(style_id))
        return list(self._indents[style_id])


def paragraph_style(p) -> str | None:
    p_pr = p.find(TAG["pPr"])
    style = p_pr.find(qn("w:pStyle")) if p_pr is not None else None
    return style.get(qn("w:val")) if style is not None else None


def run_style(r) -> str | None:
    r_pr = r.find(TAG["rPr"])
    style = r_pr.find(qn("w:rStyle")) if r_pr is not None else None
    return style.get(qn("w:val")) if style is not None else None


def run_prop(r, name: str) -> bool | None:
    r_pr = r.find(TAG["rPr"])
    return on(r_pr.find(qn(f"w:{name}"))) if r_pr is not None else None


def vert_align(r) -> str | None:
    r_pr = r.find(TAG["rPr"])
    element = r_pr.find(qn("w:vertAlign")) if r_pr is not None else None
    return element.get(qn("w:val")) if element is not None else None


def num_pr(p_pr) -> tuple[str, int] | None:
    element = p_pr.find(qn("w:numPr"))
    if element is None:
        return None
    num_id = element.find(qn("w:numId"))
    ilvl = element.find(qn("w:ilvl"))
    if num_id is None or num_id.get(qn("w:val")) in (None, "0"):
        return None
    return num_id.get(qn("w:val")), int(ilvl.get(qn("w:val"))) if ilvl is not None else 0


def alignment(p) -> str | None:
    p_pr = p.find(TAG["pPr"])
    jc = p_pr.find(qn("w:jc")) if p_pr is not None else None
    return jc.get(qn("w:val")) if jc is not None else None


def text_indent(p, inherited: list) -> float:
    """Where the paragraph's text stands, in points from the margin: its left indent and a
    first-line indent on it (the UN's sub-paragraphs are set by first-line indents, other
    documents' by left indents with the label hanging). Each attribute is the paragraph's own,
    else the first of `inherited` (numbering level, then style chain) that sets it."""
    p_pr = p.find(TAG["pPr"])
    found: dict[str, str] = {}
    for ind in (p_pr.find(qn("w:ind")) if p_pr is not None else None, *inherited):
        if ind is None:
            continue
        for name, key in (("left", "left"), ("start", "left"), ("firstLine", "first"), ("hanging", "first")):
            value = ind.get(qn(f"w:{name}"))
            if value is not None:
                found.setdefault(key, "0" if name == "hanging" else value)   # a hanging label: no first line
    try:
        return (int(found.get("left", 0)) + max(int(found.get("first", 0)), 0)) / 20
    except ValueError:
        return 0.0


def mark_deleted(p) -> bool:
    """A tracked deletion of the paragraph mark: accepted, this paragraph runs on into the next."""
    p_pr = p.find(TAG["pPr"])
    r_pr = p_pr.find(TAG["rPr"]) if p_pr is not None else None
    return r_pr is not None and r_pr.find(TAG["del"]) is not None


def page_break_before(p) -> bool:
    p_pr = p.find(TAG["pPr"])
    return p_pr is not None and on(p_pr.find(TAG["pageBreakBefore"])) is True


def has_revisions(root) -> bool:
    return any(True for tag in (TAG["ins"], TAG["del"], TAG["moveFrom"], TAG["moveTo"])
               for _ in root.iter(tag))


# --- automatic numbering ----------------------------------------------------------------------

def letters(n: int) -> str:
    """Word's letter numbering: a ... z, then aa ... zz (the UN's practice too)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def formatted(n: int, fmt: str) -> str:
    return {"decimal": str(n), "lowerLetter": letters(n), "upperLetter": letters(n).upper(),
            "lowerRoman": roman(n), "upperRoman": roman(n).upper(),
            "decimalZero": f"{n:02d}"}.get(fmt, str(n))


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    ind: object = None               # the level's w:ind: where its paragraphs stand


@dataclass
class Numbering:
    """numbering.xml: which list each w:num is, and the counters as the document runs."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)     # numId -> ilvl -> level
    abstract_of: dict[str, str] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)           # abstractNumId -> counts

    @classmethod
    def read(cls, element) -> Numbering:
        numbering = cls()
        if element is None:
            return numbering
        abstract = {a.get(qn("w:abstractNumId")): _levels(a) for a in element.findall(qn("w:abstractNum"))}
        for num in element.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"))
            ref = num.find(qn("w:abstractNumId"))
            abstract_id = ref.get(qn("w:val")) if ref is not None else None
            levels = dict(abstract.get(abstract_id, {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = int(override.get(qn("w:ilvl"), "0"))
                start = override.find(qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    levels[ilvl] = replace(levels[ilvl], start=int(start.get(qn("w:val"))))
            numbering.levels[num_id] = levels
            # Lists sharing an abstract list count on together unless an override restarts them.
            has_start = num.find(qn("w:lvlOverride")) is not None
            numbering.abstract_of[num_id] = num_id if has_start else f"a{abstract_id}"
        return numbering

    def indent(self, num_id: str, ilvl: int):
        """The w:ind of a list level, if it sets one."""
        level = self.levels.get(num_id, {}).get(ilvl)
        return level.ind if level is not None else None

    def label(self, num_id: str, ilvl: int) -> str | None:
        """The label the next paragraph of list `num_id` at level `ilvl` gets, as printed."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        key = self.abstract_of.get(num_id, num_id)
        counts = self.counters.setdefault(key, [0] * 10)
        level = levels[ilvl]
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level.start
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        if level.fmt in ("bullet", "none"):
            return None
        text = level.text
        for n in range(ilvl + 1):
            lvl = levels.get(n, _Level())
            value = counts[n] or lvl.start
            text = text.replace(f"%{n + 1}", formatted(value, lvl.fmt))
        return text.strip() or None


def _levels(abstract) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for lvl in abstract.findall(qn("w:lvl")):
        fmt = lvl.find(qn("w:numFmt"))
        text = lvl.find(qn("w:lvlText"))
        start = lvl.find(qn("w:start"))
        levels[int(lvl.get(qn("w:ilvl"), "0"))] = _Level(
            fmt.get(qn("w:val")) if fmt is not None else "decimal",
            text.get(qn("w:val")) if text is not None else "",
            int(start.get(qn("w:val"))) if start is not None else 1, lvl.find(f"{W}pPr/{W}ind"))
    return levels


# --- footnotes ----------------------------------------------------------------------------------

def footnote_elements(root) -> dict[str, object]:
    """The notes of a footnotes part by id, Word's separator notes left out."""
    notes = {}
    if root is None:
        return notes
    for note in root.findall(TAG["footnote"]):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        notes[note.get(qn("w:id"))] = note
    return notes


def reference_id(element) -> tuple[str, bool]:
    """A w:footnoteReference's note id, and whether the mark is typed after it (w:customMarkFollows)."""
    return element.get(qn("w:id")), element.get(qn("w:customMarkFollows")) in ("1", "true", "on")


def symbol_char(element) -> str:
    code = element.get(qn("w:char")) or ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    # Symbol-font characters sit in the private-use area F000-F0FF; their low byte is the character.
    return chr(value - 0xF000) if 0xF000 <= value <= 0xF0FF else chr(value)
