"""Akoma Ntoso preamble and body -> a flat stream of blocks, in document order.

The UN's files do not nest their structure the same way twice: a `section` may hold its
paragraphs or only its heading (the paragraphs follow as siblings), a heading may be a `section`
num, a `subheading`, a `paragraph` styled H23, a bold line or a `p` holding a `num`; a
preamble may be cut by a stray `mainBody`. So the reader first flattens whatever it is given into
blocks that each say what they are, and `akn_outline` rebuilds the structure from their order.
A `table` is one block holding the model's Table; a paragraph styled "FootnoteText" is a note
printed under a table (`TABLE_NOTE`); a list's `wrapUp` is its paragraph's closing words.

Promises (tests/test_ingest_akn.py):
- every word of the elements read is in some block (text, label, number or table), once;
- a block never reads the text of an `authorialNote` (that goes to `Notes`);
- `Block.line` is the source line of the element the block came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.ingest.akn_inline import (
    EMPTY,
    Inline,
    Notes,
    blank,
    children,
    inline,
    lead_of,
    local_name,
    names_of,
    num_text,
    opening_italics,
    plain,
)
from drafter.ingest.akn_table import bold_run, is_bold, read_table, table_note
from drafter.model import Table, TableNote

HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"
TABLE = "table"
TABLE_NOTE = "table note"      # a "FootnoteText" paragraph: a note under the table before it
CLOSING = "closing words"      # a list's wrapUp whose paragraph came before the list

PREAMBLE = "preamble"
BODY = "body"

# Paragraph styles the UN's word processor gives headings: chapter, H1, H2/H3, H4.
_HEADING_STYLES = {"HCh", "H1", "H23", "H4"}
_HEADINGS = frozenset(("heading", "subheading"))
_BODIES = frozenset(("content", "list", "p"))      # what holds a paragraph's words
# Elements that only group what they hold; their own `num`, `heading`, ... are headings.
_GROUPS = {"section", "part", "chapter", "title", "subsection", "division", "hcontainer",
           "tblock", "subpart", "book", "article", "clause", "subclause", "level"}
# A heading's label: "I", "A.", "12", "29C", or a numbered division ("Part II", "Income section 2").
_HEADING_LABEL = re.compile(r"^(?:(?:Part|Section|Income section|Chapter|Annex|Appendix|Title)\s+)?"
                            r"(?:[IVXLC]+|[A-Z]|\d{1,3}[A-Z]?)\.?$")
_LABEL_THEN_HEADING = re.compile(r"^((?:[IVXLC]+|[A-Z])\.)\s+(?=\S)")
_LABEL_IN_TEXT = re.compile(r"^\(([a-z]{1,4}|[ivxlc]{1,7})\)\s*")
_NUMBER_IN_TEXT = re.compile(r"^(\d{1,3})(?:\s?\.)?\s*")  # "26 ", "6. ", "232 ." (77/248)
_ITEM_NUM = re.compile(r"^\(?\s*([A-Za-z]{1,4}|\d{1,2})\s*\)$")  # "(a)", "a)", "(iv)", "(1)"


@dataclass(slots=True)
class Block:
    """One unit of the stream: a heading, a paragraph, a lettered/roman item, a table or a note
    printed under a table.

    `number` is what numbers the block: "1" or "1.1" for a paragraph (without its full stop), "a" or
    "iv" for an item (without brackets; "1." as printed when it has none), and for a heading its
    label as printed, "I", "A." or "Part II".
    """

    kind: str
    inline: Inline
    origin: str
    line: int | None = None
    number: str | None = None
    lead: str | None = None
    items: list[Block] = field(default_factory=list)
    preambular: bool = False   # the markup itself says so (crossHeading refersTo="#preamble")
    bare: bool = False         # a number typed without its full stop ("3\tCalls upon"), kept so
    table: Table | None = None
    note: TableNote | None = None
    wrap_up: Inline | None = None   # the closing words after its items (list/wrapUp)


@dataclass(slots=True)
class _ListParts:
    intro: object = None                        # the element holding the intro's text
    items: list[Block] = field(default_factory=list)
    after: list[Block] = field(default_factory=list)
    wrap_up: Inline | None = None


class BlockReader:
    """Reads elements into blocks; one reader per resolution (or part), sharing its notes."""

    def __init__(self, notes: Notes, warnings: list[str]) -> None:
        self.notes = notes
        self.warnings = warnings
        # What the reader printed that the text does not say: a label it supplied ("Annex"),
        # a mistyping it mended, as (typed, read) (Resolution.supplied, .corrected).
        self.supplied: list[str] = []
        self.corrected: list[tuple[str, str]] = []
        self._rules = {
            "container": self._container,
            "p": self._p,
            "paragraph": self._paragraph,
            "num": self._num,
            "heading": self._heading_text,
            "subheading": self._heading_text,
            "crossHeading": self._cross_heading,
            "blockList": self._list,
            "list": self._list,
            "table": self._table,
            "formula": lambda element, origin: [],   # the enacting formula is read as the body's name
        }

    def read(self, element, origin: str) -> list[Block]:
        """The blocks of everything inside `element` (a preamble, a mainBody, a section ...)."""
        out: list[Block] = []
        for child in children(element):
            out.extend(self.block(child, origin))
        return out

    def block(self, element, origin: str) -> list[Block]:
        name = local_name(element)
        if name in _GROUPS:
            return self.read(element, origin)
        rule = self._rules.get(name) or self._unknown
        return rule(element, origin)

    # --- rules, one per element name ------------------------------------------------------

    def _container(self, element, origin: str) -> list[Block]:
        kids = children(element)
        if origin != PREAMBLE or len(kids) != 1 or local_name(kids[0]) != "p":
            return self.read(element, origin)
        blocks = self._p(kids[0], origin)
        # A preambular container is named after its lead ("Acknowledging"): the lead when the
        # italics were lost.
        for block in blocks[:1]:
            if block.kind == PARAGRAPH and block.lead is None:
                name = (element.get("name") or "").strip()
                if name and lead_of(block.inline.text, name):
                    block.lead = name
        return blocks

    def _p(self, element, origin: str) -> list[Block]:
        kids = children(element)
        if not kids:                                   # words alone: neither heading nor bold
            return self._text_paragraph(element, origin, element)
        names = set(names_of(kids))
        if not names.isdisjoint(_HEADINGS):
            return self.read(element, origin)          # a `p` that wraps a heading
        if "num" in names:                             # "<p><num>I</num></p>": a section's label
            num = next(c for c in kids if local_name(c) == "num")
            rest = self._text_paragraph(element, origin, element, skip_num=True)
            return self._num(num, origin) + [b for b in rest if b.inline.text or b.inline.footnotes]
        if is_bold(element):
            return self._heading_text(element, origin)
        return self._text_paragraph(element, origin, element)

    def _num(self, element, origin: str) -> list[Block]:
        label = _label(num_text(element))
        return [Block(HEADING, EMPTY, origin, element.sourceline, number=label)] if label else []

    def _cross_heading(self, element, origin: str) -> list[Block]:
        # Budget resolutions put each section's preambular paragraphs in crossHeadings.
        block = self._paragraph_block(element, origin, element, number=None, skip_num=True)
        if element.get("refersTo") == "#preamble" or block.lead:
            block.preambular = element.get("refersTo") == "#preamble"
            return [block]
        return self._heading_text(element, origin)

    def _list(self, element, origin: str) -> list[Block]:
        """A `list` or `blockList` standing alone: a paragraph if it has an intro; otherwise its
        points are items of whatever paragraph precedes them."""
        parts = self._list_parts(element, origin)
        if parts.intro is None:
            closing = [Block(CLOSING, parts.wrap_up, origin, element.sourceline)] if parts.wrap_up else []
            return parts.items + closing + parts.after
        return self._list_paragraph(parts, element, origin, None)

    def _table(self, element, origin: str) -> list[Block]:
        return [Block(TABLE, EMPTY, origin, element.sourceline, table=read_table(element, self.notes))]

    def _unknown(self, element, origin: str) -> list[Block]:
        text = inline(element)
        if not text.text:
            return []
        self.warnings.append(f"line {element.sourceline}: <{local_name(element)}> read as a paragraph")
        return [Block(PARAGRAPH, text, origin, element.sourceline)]

    # --- paragraphs ----------------------------------------------------------------------

    def _paragraph(self, element, origin: str) -> list[Block]:
        kids = children(element)
        common = self._common_paragraph(element, kids, origin) if len(kids) == 2 else None
        if common is not None:
            return common
        names = names_of(kids)
        num = kids[names.index("num")] if "num" in names else None
        number = num_text(num) if num is not None else None
        body = body_name = None
        for kid, name in zip(kids, names):
            if name in _BODIES:
                body, body_name = kid, name
                break
        p = body if body_name != "content" else _only_p(body)
        style = element.get("class")
        if body is not None and style and style.startswith("FootnoteText"):
            return self._table_note(element, p, origin)
        if _is_heading_paragraph(style, names, body, p):
            return self._heading_paragraph(element, origin, number)
        blocks: list[Block] = []
        if "heading" in names or "subheading" in names or "crossHeading" in names:
            for child, name in zip(kids, names):       # headings met inside a paragraph come first
                if name in ("heading", "subheading", "crossHeading"):
                    blocks.extend(self.block(child, origin))
        if body is None:
            return blocks
        if body_name == "list":
            listed = self._list_paragraph(self._list_parts(body, origin), body, origin, number)
            label = _item_label(number) if number and not number[:1].isdigit() else None
            if label:                                  # "(e)" with its own (i), (ii): an item
                listed[0].kind, listed[0].number, listed[0].lead = ITEM, label, None
            return blocks + listed
        if number is None and body_name == "content" and p is body and any(local_name(c) == "table" for c in body):
            return blocks + self.read(body, origin)    # a table standing in a paragraph's content
        return blocks + self._text_paragraph(p, origin, element, number)

    def _common_paragraph(self, element, kids: list, origin: str) -> list[Block] | None:
        """The commonest paragraph by far, <num> then <content> holding one <p> that is neither a
        heading nor bold, read as the general rules of `_paragraph` read it without asking each of
        them; None for any other shape."""
        num, content = kids
        if local_name(num) != "num" or local_name(content) != "content" or len(content) != 1:
            return None
        p = content[0]
        style = element.get("class")
        if (local_name(p) != "p" or style in _HEADING_STYLES or (style and style.startswith("FootnoteText"))
                or _heads_or_bold(p)):
            return None
        return self._text_paragraph(p, origin, element, num_text(num))

    def _text_paragraph(self, p, origin: str, element, number: str | None = None,
                        skip_num: bool = False) -> list[Block]:
        """A paragraph whose number may be in its text: "(a)\tTo cooperate", "26\tCondemns"."""
        if p is None:
            return []
        block = self._paragraph_block(p, origin, element, number, skip_num)
        if number is None:
            read = _number_from_text(block)
            if read.kind == PARAGRAPH and read.number is not None:
                self.warnings.append(f"line {read.line}: paragraph number {read.number} read from its text")
                typed = _typed(block.inline, read.inline)
                if re.search(r"\s\.", typed):                # "232\t.Recognizes" (77/248) is "232."
                    self.corrected.append(_mended(typed, read.inline, f"{read.number}."))
            return [read]
        label = _item_label(number) if not number[:1].isdigit() else None
        if label:
            block.kind, block.number, block.lead = ITEM, label, None
        return [block]

    def _paragraph_block(self, p, origin: str, element, number: str | None, skip_num: bool = False) -> Block:
        text = inline(p, skip_num=skip_num)
        return Block(PARAGRAPH, text, origin, element.sourceline,
                     number=_paragraph_number(number) if number is not None else None,
                     lead=opening_italics(text) if text.italics else None)

    def _table_note(self, element, p, origin: str) -> list[Block]:
        """A "FootnoteText" paragraph: a note printed under a table ("a See A/78/534.")."""
        note = table_note(p, self.notes)
        line = Inline(note.text, (), note.italics)
        return [Block(TABLE_NOTE, line, origin, element.sourceline, lead=opening_italics(line), note=note)]

    def _heading_paragraph(self, element, origin: str, number: str | None) -> list[Block]:
        text = self._without_stray_stop(inline(element, skip_num=True))
        label = _label(number) if number else None
        if label is None and number:
            text = text.prefixed(f"{number} ").strip()          # keep an odd num as words
        return [self._as_heading(text, origin, element.sourceline, label)]

    def _without_stray_stop(self, text: Inline) -> Inline:
        """A heading without the full stop its label already printed ("I." + ".\tEstablishment",
        75/129), recorded as mended."""
        kept = text.strip_leading(" .")
        typed = _typed(text, kept)
        if "." in typed:
            self.corrected.append(_mended(typed, kept, ""))
        return kept

    def _heading_text(self, element, origin: str) -> list[Block]:
        text = self._without_stray_stop(inline(element))
        return [self._as_heading(text, origin, element.sourceline, None)] if text.text else []

    def _as_heading(self, text: Inline, origin: str, line: int | None, label: str | None) -> Block:
        if label is None and _HEADING_LABEL.match(text.text):
            return Block(HEADING, Inline("", text.footnotes), origin, line, number=text.text)
        written = _LABEL_THEN_HEADING.match(text.text) if label is None else None
        if written:                                    # "A. Base/floor salary scale"
            return Block(HEADING, text.drop_prefix(written.end()), origin, line, number=written.group(1))
        return Block(HEADING, text, origin, line, number=label)

    # --- lists ---------------------------------------------------------------------------

    def _list_parts(self, element, origin: str) -> _ListParts:
        """A list's intro, its items (sublists nested under the point they follow), its closing
        words, and any heading the markup slipped into the list ("II. International peace and
        security" as a point), which must come after the paragraph in the stream."""
        parts = _ListParts()
        for child in children(element):
            name = local_name(child)
            if name in ("intro", "listIntroduction"):
                parts.intro = _only_p(child)
            elif name in ("point", "item"):
                block = self._item(child, origin)
                (parts.items if block.kind == ITEM else parts.after).append(block)
            elif name == "sublist":
                sub = self._list_parts(child, origin)
                (parts.items[-1].items if parts.items else parts.items).extend(sub.items)
                parts.after.extend(sub.after)
            elif name in ("wrapUp", "listWrapUp"):
                parts.wrap_up = inline(_only_p(child))
            else:
                parts.after.extend(self.block(child, origin))
        return parts

    def _list_paragraph(self, parts: _ListParts, element, origin: str, number: str | None) -> list[Block]:
        """A paragraph made of a list: its intro is the paragraph's text, its points its items."""
        if parts.intro is None:
            block = Block(PARAGRAPH, EMPTY, origin, element.sourceline, number=number)
        else:
            block = self._paragraph_block(parts.intro, origin, element, number)
        block.items = parts.items
        block.wrap_up = parts.wrap_up
        return [block] + parts.after

    def _item(self, element, origin: str) -> Block:
        num = next((c for c in children(element) if local_name(c) == "num"), None)
        body = next((c for c in children(element) if local_name(c) in ("content", "p")), None)
        p = body if body is None or local_name(body) == "p" else _only_p(body)
        written = plain(num) if num is not None else None
        if p is not None and written and _label(written) and is_bold(p):
            return self._heading_paragraph(element, origin, written)[0]
        lists = [c for c in children(element) if local_name(c) in ("list", "sublist", "blockList")]
        parts = [self._list_parts(child, origin) for child in lists]
        if p is None and parts and parts[0].intro is not None:
            p = parts[0].intro                         # point/list/intro: the intro is the point's text
        text = inline(p) if p is not None else EMPTY
        # A point's num is its label whatever its shape: "(a)", or "A." before a table.
        label = _item_label(written) or (written.strip() or None if written else None)
        block = Block(ITEM, text, origin, element.sourceline, number=label)
        if written is None:
            block = _label_from_text(block)
        for part in parts:
            block.items.extend(part.items)
            block.wrap_up = block.wrap_up or part.wrap_up
        return block


# --- small helpers --------------------------------------------------------------------------

def _only_p(element):
    """The one <p> an element holds, or the element itself."""
    if len(element) != 1:
        return element
    first = element[0]
    return first if local_name(first) == "p" else element


def _label(written: str | None) -> str | None:
    """A heading label as printed in a num ("I", "A.", "Part II"), or None for a num of another shape."""
    if not written:
        return None
    written = " ".join(written.split())
    return written if _HEADING_LABEL.match(written) else None


def _paragraph_number(written: str | None) -> str | None:
    """ "1." -> "1"; "1.1 ." -> "1.1"; "(a)" stays for the caller; None stays None."""
    if written is None:
        return None
    return "".join(written.split()).rstrip(".") or None


def _typed(before: Inline, after: Inline) -> str:
    """What was dropped from the start of a line."""
    return before.text[:len(before.text) - len(after.text)]


def _mended(typed: str, rest: Inline, read: str) -> tuple[str, str]:
    """(typed, read) for a mended opening, with the word after it, which the typing may run into."""
    word = rest.text.split(maxsplit=1)[0] if rest.text.split() else ""
    return (typed + word, f"{read} {word}".strip())


def _number_from_text(block: Block) -> Block:
    """A paragraph without `num` whose text opens with its label or number."""
    opening = block.inline.text[:1]
    if opening != "(" and not (block.lead and opening.isdigit()):
        return block                  # most paragraphs: neither pattern below can match them
    label = _LABEL_IN_TEXT.match(block.inline.text)
    if label:
        return Block(ITEM, block.inline.drop_prefix(label.end()), block.origin, block.line,
                     number=label.group(1))
    number = _NUMBER_IN_TEXT.match(block.inline.text)
    if number and block.lead:
        rest = block.inline.drop_prefix(number.end())
        if lead_of(rest.text, block.lead):
            return Block(PARAGRAPH, rest, block.origin, block.line, number=number.group(1), lead=block.lead,
                         bare="." not in number.group())
    return block


def _item_label(written: str | None) -> str | None:
    """ "(a)" -> "a", "(iv)" -> "iv"; None for a num of another shape ("1.", "l.")."""
    match = _ITEM_NUM.match(written or "")
    return match.group(1) if match else None


def _label_from_text(block: Block) -> Block:
    label = _LABEL_IN_TEXT.match(block.inline.text)
    if label:
        block.inline = block.inline.drop_prefix(label.end())
        block.number = label.group(1)
    return block


def _is_heading_paragraph(style: str | None, names: list[str], body, p) -> bool:
    if style in _HEADING_STYLES:
        return True
    headed = "heading" in names or "subheading" in names
    if body is None or (headed and blank("".join(body.itertext()))):
        # No content, or an empty one beside the heading (<num>I.</num><subheading>...): a heading.
        return headed or names == ["num"]
    if local_name(p) != "p":
        return False
    return _heads_or_bold(p)


def _heads_or_bold(p) -> bool:
    """A `p` that holds a heading, or whose words are all bold (`akn_table.is_bold`): one pass
    over its children for both."""
    bold, words = blank(p.text), False
    for child in p:
        if local_name(child) in _HEADINGS:
            return True
        if bold:                           # (most lines stop being bold at their first child)
            bold = bold_run(child)
            words = bold and (words or not blank(child.text) or len(child) > 0)
    return bold and words
