"""A stream of blocks -> preamble, operative paragraphs, sub-paragraphs and sections.

The rules a drafter reads a printed resolution by, applied to the blocks of `akn_blocks`:
- before the first operative paragraph of a body (or of a section) comes its preamble: paragraphs
  from the AKN preamble, crossHeadings marked as preamble, unnumbered paragraphs whose italic
  lead is a participle or adjective ("Having considered"), "* * *" separators, and unled lines
  that open or continue it ("We, the Ministers ...,"); a numbered paragraph, or an unnumbered
  one opening with a verb ("Urges"), starts the operative part, and every later paragraph is
  operative (number None when it has none), so no text is dropped;
- a lettered item (a), (b) hangs from the latest paragraph; a roman one (i), (ii) from the latest
  lettered item, or from the paragraph when there is none. "(i)" right after "(h)" is a letter,
  even where the markup nests it under (h); unled lines after an item ending in ":" ("Panel 1:
  ...") are unlabelled sub-paragraphs of that item;
- a heading opens a Section. Its level comes from the style of its label, ranked in the order the
  document first uses them ("Part I" > "Section 1", or "I" > "A" > unlabelled): a heading of a
  style already open closes everything under it, a new style nests under the current section;
- a heading inside the AKN preamble, before any operative paragraph ("Transport and transit
  corridors" in a long preamble), stays in the preamble as a paragraph styled "heading": a section
  there would pull the operative paragraphs under it; so does an unlabelled heading that a stray
  mainBody holds between preambular paragraphs, with the AKN preamble going on after it;
- an unnumbered, unled line opening in lower case right after a paragraph's sub-paragraphs
  ("... (c) Relevant background information;" then "and its request that ...") is that
  paragraph's closing words, its `wrap_up`;
- a table belongs to the paragraph right before it when that paragraph introduces it ("... as
  follows:") and has no sub-paragraphs; otherwise it stands alone, as a paragraph with no text.
  A heading right before a table is its caption ("A. Pension Administration"), a paragraph styled
  "heading", not a section: the numbered paragraphs after the table go on where they were. Notes
  printed under a table ("FootnoteText" paragraphs) are that table's notes.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field, replace

from drafter.ingest.akn_blocks import (
    CLOSING,
    HEADING,
    ITEM,
    PARAGRAPH,
    PREAMBLE,
    TABLE,
    TABLE_NOTE,
    Block,
)
from drafter.ingest.akn_inline import EMPTY, Inline, lead_of, without_lead
from drafter.ingest.heading_labels import heading_kind, next_letter, next_roman
from drafter.ingest.leads import lead_kind
from drafter.model import Paragraph, Section, SubParagraph, Table

_ROMAN = re.compile(r"^[ivxlc]+$")


@dataclass(slots=True)
class _Item:
    label: str
    inline: Inline
    children: list[_Item] = field(default_factory=list)
    roman: bool = False
    wrap_up: Inline | None = None


@dataclass(slots=True)
class _Paragraph:
    block: Block
    number: int | str | None
    items: list[_Item] = field(default_factory=list)
    wrap_up: Inline | None = None
    table: Table | None = None
    style: str | None = None

    def latest_letter(self) -> _Item | None:
        return next((item for item in reversed(self.items) if not item.roman), None)


@dataclass(slots=True)
class Holder:
    """The root of a body, or one of its sections, being filled."""

    label: str | None = None
    heading: Inline = EMPTY
    style: str | None = None
    preamble: list[_Paragraph] = field(default_factory=list)
    operative: list[_Paragraph] = field(default_factory=list)
    sections: list[Holder] = field(default_factory=list)


class Outline:
    """Feeds blocks in order; `root` holds the result."""

    def __init__(self, warnings: list[str]) -> None:
        self.warnings = warnings
        self.corrected: list[tuple[str, str]] = []     # (typed, read): Resolution.corrected
        self.root = Holder()
        self._open: list[Holder] = [self.root]
        self._last: _Paragraph | None = None
        self._introducing: _Item | None = None  # the latest item ending in ":", open for lines
        self._tabled: _Paragraph | None = None   # the paragraph holding the table just read

    @property
    def holder(self) -> Holder:
        return self._open[-1]

    def add_all(self, blocks: list[Block]) -> Outline:
        blocks = merge_headings(blocks)
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if block.kind == HEADING and following is not None and following.kind == TABLE:
                self._caption(block)
            else:
                self.add(block, following)
        return self

    def add(self, block: Block, following: Block | None = None) -> None:
        tabled, self._tabled = self._tabled, None
        if block.kind == HEADING:
            self._heading(block, following)
        elif block.kind == ITEM:
            self._item(block)
        elif block.kind == TABLE:
            self._table(block)
        elif block.kind == TABLE_NOTE and tabled is not None:
            tabled.table = replace(tabled.table, notes=tabled.table.notes + (block.note,))
            self._tabled = tabled
        else:
            self._paragraph(block)

    # --- tables ------------------------------------------------------------------------------

    def _table(self, block: Block) -> None:
        last = self._last
        holder = self.holder
        if (last is not None and last.table is None and not last.items and last.wrap_up is None
                and last.block.inline.text.endswith(":") and last in (holder.operative[-1:] + holder.preamble[-1:])):
            last.table = block.table
            self._tabled = last
            return
        kind = "preambular" if last is not None and last in holder.preamble and not holder.operative else "operative"
        self._add_paragraph(block, kind)
        self._last.table = block.table
        self._tabled = self._last

    def _caption(self, block: Block) -> None:
        """A heading standing over a table ("A. Pension Administration"): a line styled as a heading."""
        kind = "preambular" if self.holder.preamble and not self.holder.operative else "operative"
        self._add_paragraph(_heading_line(block), kind)
        self._last.style = "heading"

    # --- headings ----------------------------------------------------------------------------

    def _heading(self, block: Block, following: Block | None) -> None:
        if (block.origin == PREAMBLE and not self.holder.operative) or self._inside_preamble(block, following):
            self._preamble_heading(block)
            return
        style = self._style(block.number)
        index = next((i for i in range(len(self._open) - 1, 0, -1) if self._open[i].style == style), None)
        if index is not None:
            del self._open[index:]
        section = Holder(label=block.number, heading=block.inline, style=style)
        self.holder.sections.append(section)
        self._open.append(section)
        self._last = self._introducing = None

    def _inside_preamble(self, block: Block, following: Block | None) -> bool:
        """An unlabelled heading the markup put outside the AKN preamble (in a stray mainBody
        between two of its pieces, 80/131's "Countries in special situations"), with preambular
        paragraphs before it, none operative yet, and the AKN preamble going on after it: a heading
        of the preamble, as the same series prints it inside its <preamble> (78/149). A labelled one
        ("I") there opens a section with a preamble of its own (79/281), and so stays a section."""
        return (block.origin != PREAMBLE and block.number is None and following is not None
                and following.origin == PREAMBLE and following.kind == PARAGRAPH
                and bool(self.holder.preamble) and not self.holder.operative)

    def _preamble_heading(self, block: Block) -> None:
        self._add_paragraph(_heading_line(block), "preambular")
        self._last.style = "heading"

    def _style(self, label: str | None) -> str:
        """The kind of a heading's label (`heading_labels.heading_kind`), by the latest label of
        each kind among the sections open and those of the current one."""
        latest = {holder.style: (holder.label or "").rstrip(".") for holder in self._open[1:]}
        latest.update({section.style: (section.label or "").rstrip(".") for section in self.holder.sections})
        return heading_kind(label, latest)

    # --- paragraphs --------------------------------------------------------------------------

    def _paragraph(self, block: Block) -> None:
        number = self._number(block)
        if block.kind == CLOSING and self._closes_last(block):
            self._last.wrap_up = block.inline
            return
        if number is None and not block.lead and self._introducing is not None:
            # "(b) ... the following themes:" then "Panel 1: ...": lines of the item, unlabelled.
            self._introducing.children.append(_Item("", block.inline))
            return
        self._introducing = None
        if number is None and not block.lead and self._closes_last(block):
            self._last.wrap_up = block.inline
            return
        self._add_paragraph(block, self._kind(block, number), number)

    def _closes_last(self, block: Block) -> bool:
        """ "(c) Relevant background information;" then "and its request that ...": the closing
        words of the paragraph whose sub-paragraphs they follow (a list's wrapUp, whatever its case)."""
        last = self._last
        return (last is not None and bool(last.items) and last.wrap_up is None and last.table is None
                and (block.kind == CLOSING or block.inline.text[:1].islower())
                and last in (self.holder.operative[-1:] + self.holder.preamble[-1:]))

    def _kind(self, block: Block, number: int | str | None) -> str:
        """Preambular or operative, by the rules in this module's docstring."""
        if number is not None or self.holder.operative:
            self._warn_if_odd_operative(block, number)
            return "operative"
        if block.origin == PREAMBLE or block.preambular or not _has_words(block.inline.text):
            return "preambular"                        # a "* * *" separator does not end the preamble
        if block.lead:
            return "preambular" if lead_kind(block.lead) == "preambular" else "operative"
        return "preambular" if self._continues_preamble(block) else "operative"

    def _warn_if_odd_operative(self, block: Block, number: int | str | None) -> None:
        if number is None and (block.origin == PREAMBLE or block.preambular):
            self.warnings.append(f"line {block.line}: preambular paragraph after operative ones "
                                 "kept in the operative part")

    def _continues_preamble(self, block: Block) -> bool:
        """An unled line that still belongs to the preamble: an opening that ends with a comma
        ("We, the Ministers ..., ") or a quotation the preamble introduced ("... question:")."""
        if block.inline.text.endswith(","):
            return True
        preamble = self.holder.preamble
        return bool(preamble) and self._last is preamble[-1] and preamble[-1].block.inline.text.endswith(":")

    def _number(self, block: Block) -> int | str | None:
        written = block.number
        if written is None:
            return None
        if written.isdigit():
            # "3." is the number 3; a number typed without its full stop ("3\tCalls upon", in
            # 4 corpus files) is printed so: the string "3" (drafts count it as 3 all the same).
            return written if block.bare else int(written)
        if written == "l":
            self.warnings.append(f"line {block.line}: paragraph number 'l.' read as 1")
            self.corrected.append(("l.", "1."))
            return 1
        return written

    def _add_paragraph(self, block: Block, kind: str, number: int | str | None = None) -> None:
        paragraph = _Paragraph(block, number if kind == "operative" else None, wrap_up=block.wrap_up)
        (self.holder.operative if kind == "operative" else self.holder.preamble).append(paragraph)
        self._last = paragraph
        for item in block.items:
            self._item(item)

    # --- sub-paragraphs ----------------------------------------------------------------------

    def _item(self, block: Block) -> None:
        parent = self._last
        if parent is None:
            self.warnings.append(f"line {block.line}: sub-paragraph ({block.number}) with no paragraph "
                                 "before it, kept as an unnumbered paragraph")
            line = block.inline.prefixed(f"({block.number}) ")
            self._add_paragraph(Block(PARAGRAPH, line, block.origin, block.line), "operative")
            return
        self._attach(parent, block)

    def _attach(self, parent: _Paragraph, block: Block) -> None:
        if not block.number and block.inline.text[:1].islower() and parent.items and parent.wrap_up is None:
            parent.wrap_up = block.inline              # an unlabelled last item: the closing words
            return
        item = _Item(block.number or "", block.inline, wrap_up=block.wrap_up)
        self._introducing = item if item.inline.text.endswith(":") else None
        letter = parent.latest_letter()
        item.roman = _is_roman_label(item.label, letter, parent)
        (letter.children if item.roman and letter else parent.items).append(item)
        children = block.items
        if children and not item.roman and children[0].number == next_letter(item.label):
            self.warnings.append(f"line {block.line}: ({children[0].number}) nested under ({item.label}) "
                                 "in the markup, read as the next letter")
            for child in children:                     # the markup nested "(i)" under "(h)": letters
                self._attach(parent, child)
        else:
            item.children.extend(_nest(child) for child in children)


def _has_words(text: str) -> bool:
    return any(char.isalnum() for char in text)


def _heading_line(block: Block) -> Block:
    """A heading as one line of text, its label before it ("A. Pension Administration")."""
    line = block.inline
    if block.number:
        line = line.prefixed(f"{block.number} ").strip()
    return Block(PARAGRAPH, line, block.origin, block.line)


def _nest(block: Block) -> _Item:
    return _Item(block.number or "", block.inline, [_nest(child) for child in block.items],
                 roman=bool(_ROMAN.match(block.number or "")), wrap_up=block.wrap_up)


def merge_headings(blocks: list[Block]) -> list[Block]:
    """A label alone ("I") followed by a heading alone ("Introduction") is one heading."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and block.kind == HEADING and previous.kind == HEADING
                and previous.number and not previous.inline.text and block.number is None
                and block.inline.text and block.origin == previous.origin):
            previous.inline = Inline(block.inline.text, previous.inline.footnotes + block.inline.footnotes,
                                     block.inline.italics)
            continue
        out.append(block)
    return out


def _is_roman_label(label: str, letter: _Item | None, parent: _Paragraph) -> bool:
    """Whether "(i)", "(v)", "(x)" ... is a roman numeral here, by the labels before it."""
    if not _ROMAN.match(label):
        return False
    if letter is not None and next_letter(letter.label) == label:
        return False            # (h), then (i): the letter i
    siblings = letter.children if letter is not None else parent.items
    previous = siblings[-1] if siblings and siblings[-1].roman else None
    if previous is not None and next_roman(previous.label) == label:
        return True             # (iv), then (v)
    return letter is not None or len(label) > 1 or label == "i"


# --- freezing into the model ----------------------------------------------------------------

def paragraphs(items: list[_Paragraph]) -> tuple[Paragraph, ...]:
    return tuple(_freeze_paragraph(p) for p in items)


def made_at_once(cls):
    """A maker of the dataclass `cls` that sets all its fields at once: a frozen dataclass's own
    __init__ sets each through object.__setattr__, four times slower, and the reader makes a
    Paragraph for every paragraph it reads. Every field must be given. Refused unless `cls` has
    no __post_init__ and its __init__ does nothing but store the fields in the instance's __dict__
    (tried once, here, whatever decorated the class; tests/test_ingest_akn.py checks that corpus
    paragraphs are what `cls` itself makes)."""
    sample = dict.fromkeys(f.name for f in dataclasses.fields(cls))
    if hasattr(cls, "__post_init__") or getattr(cls(**sample), "__dict__", None) != sample:
        raise TypeError(f"{cls.__name__} cannot be made at once")
    new = object.__new__

    def make(**fields):
        made = new(cls)
        made.__dict__.update(fields)
        return made
    return make


_new_paragraph = made_at_once(Paragraph)


def _freeze_paragraph(paragraph: _Paragraph) -> Paragraph:
    block = paragraph.block
    text = block.inline
    lead = lead_of(text.text, block.lead) if block.lead and paragraph.style is None else None
    wrap_up = paragraph.wrap_up
    return _new_paragraph(text=text.text, lead=lead, number=paragraph.number, footnotes=text.footnotes,
                          subparagraphs=tuple(map(_freeze_item, paragraph.items)) if paragraph.items else (),
                          line=block.line, italics=without_lead(text.italics, lead) if lead else text.italics,
                          wrap_up=wrap_up.text if wrap_up is not None else None,
                          wrap_up_footnotes=wrap_up.footnotes if wrap_up is not None else (),
                          table=paragraph.table, style=paragraph.style)


def _freeze_item(item: _Item) -> SubParagraph:
    wrap_up = item.wrap_up
    return SubParagraph(label=item.label, text=item.inline.text, footnotes=item.inline.footnotes,
                        subparagraphs=tuple(map(_freeze_item, item.children)),
                        italics=item.inline.italics, wrap_up=wrap_up.text if wrap_up is not None else None,
                        wrap_up_footnotes=wrap_up.footnotes if wrap_up is not None else ())


def sections(holders: list[Holder]) -> tuple[Section, ...]:
    return tuple(Section(label=h.label, heading=h.heading.text or None, preamble=paragraphs(h.preamble),
                         operative=paragraphs(h.operative), sections=sections(h.sections),
                         heading_footnotes=h.heading.footnotes) for h in holders)
