"""Paragraph blocks (from a DOCX or a PDF) -> Resolution: what the page says, read as a resolution.

    masthead ... "58/208. Title" ... [A / part title] "The General Assembly," ... paragraphs, with
    headings opening sections ... "78th plenary meeting" / date ... [next part] ... annexes

The blocks already carry what the layout settles (italic runs, footnote references in place,
numbering, headings); this stage names the parts of a resolution in them:
- the title is the first "58/208. ..." or "Resolution 2006/2" block; what stands before it is the
  masthead (symbol, distribution, date, session, agenda item, origin);
- several closings (a meeting and its date) mean several resolutions under one number: parts, each
  under a letter and its own title;
- a numbered block ("1.", Word's automatic "1.") is an operative paragraph; "(a)", "(i)" a
  sub-paragraph, nested by the same sequence rules as the text reader (segment.py); an unnumbered
  block is preambular until the first operative paragraph, unless it reads as operative (a single
  operative paragraph is not numbered);
- a heading (centred, or bold throughout) opens a section: a label ("I", "A") and/or its heading;
- after the last closing, "Annex" opens an annex: its title, then its blocks kept as they come;
- the lead is the italic run that opens a paragraph; a document with no italics at all falls back
  to the lead lexicon (leads.py).
Promises (tests/test_ingest_docx.py, test_ingest_pdf.py): every word of every block and note is in
the model; footnote offsets point into the text they stand in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from drafter.errors import ParseError
from drafter.ingest.blocks import Block, Document
from drafter.ingest.heading_labels import heading_kind
from drafter.ingest.layout import (
    FORMULA,
    MEETING,
    NUMBERED_TITLE,
    RESOLUTION_LINE,
    parse_date,
    read_masthead,
)
from drafter.ingest.leads import lead_kind, split_lead
from drafter.ingest.lines import Line
from drafter.ingest.segment import first_label, successor
from drafter.model import (
    Adoption,
    Annex,
    FootnoteRef,
    Paragraph,
    Part,
    Resolution,
    Section,
    Source,
    Span,
    SubParagraph,
    Table,
    TableNote,
)
from drafter.ordinals import ordinal_value

# "1. Takes note"; a PDF may print the number flush against the text its tab stop aligns ("100.Reaffirms").
_NUMBER_PREFIX = re.compile(r"^(?P<number>\d{1,3})\.(?:\s+|$|(?=[A-Z“\"]))")
_BARE_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*")
_LABEL_PREFIX = re.compile(r"^\((?P<label>[a-z]{1,3}|[ivxlc]{1,7})\)(?:\s+|$)")
_PART_LABEL = re.compile(r"^[A-Z]$")
# A section's label: "I", "A.", or a word or two and a number ("Part I", "Section 29A", "Income section 2").
_SECTION_LABEL = re.compile(r"^(?:[^\W\d_]+(?: [^\W\d_]+)? )?(?:[IVXLC]+|[A-Z]|\d{1,3}[A-Z]?)\.?$")
_ANNEX_NUMBER = re.compile(r"^(?:\d{1,3}\.|\((?:[a-z]{1,3}|[ivxlc]{1,7})\)|[IVXLC]{1,6}\.|[A-Z]\.)(?:\s+|$|(?=[A-Z“\"]))")
_ANNEX = re.compile(r"^Annex(?:es)?(?:\s+[IVXL\d]+)?$")
_CLOSING = re.compile(rf"^({MEETING.pattern[1:-1]})\s+(?P<date>\d{{1,2}} [^\W\d_]+ \d{{4}})$")
_LEAD_TRAILING = " ,;:\t"
_ENDS_PREAMBULAR = re.compile(r",[”’\"')]*$")


def formula_of(block: Block) -> re.Match | None:
    """The enacting formula, "The General Assembly," — without its comma when no preambular
    paragraph follows ("The General Assembly" / "Adopts ..."), if it is set in italics as formulas are."""
    text = plain(block.text)
    match = FORMULA.match(text)
    if match is None and not text.endswith(",") and _all_italic(block):
        match = FORMULA.match(text + ",")
    return match


def _all_italic(block: Block) -> bool:
    covered = sum(s.end - s.start for s in block.italics)
    return bool(block.text) and covered >= len(block.text.rstrip(",")) - 1


def plain(text: str) -> str:
    """Text for matching patterns: no-break spaces and hyphens as plain ones."""
    return text.replace("\u00a0", " ").replace("\u2011", "-").replace("\u202f", " ")


# --- paragraphs while they are being built ------------------------------------------------------

@dataclass
class _Item:
    text: str
    refs: list[FootnoteRef]
    italics: list[Span]
    number: int | str | None = None
    label: str | None = None
    depth: int = 0
    lead: str | None = None
    children: list[_Item] = field(default_factory=list)
    wrap_up: _Item | None = None
    table: object = None
    style: str | None = None
    indent: float = 0.0             # where the block's text stood (Block.indent)

    def sub(self) -> SubParagraph:
        wrap = self.wrap_up
        return SubParagraph(label=self.label or "", text=self.text, footnotes=tuple(self.refs),
                            subparagraphs=tuple(c.sub() for c in self.children), italics=tuple(self.italics),
                            wrap_up=wrap.text if wrap else None,
                            wrap_up_footnotes=tuple(wrap.refs) if wrap else ())

    def paragraph(self) -> Paragraph:
        wrap = self.wrap_up
        return Paragraph(text=self.text, lead=self.lead, number=self.number, footnotes=tuple(self.refs),
                         subparagraphs=tuple(c.sub() for c in self.children), italics=tuple(self.italics),
                         wrap_up=wrap.text if wrap else None,
                         wrap_up_footnotes=tuple(wrap.refs) if wrap else (), table=self.table,
                         style=self.style)


@dataclass
class _Holder:
    """A resolution, a part or a section while it is being read."""

    preamble: list[_Item] = field(default_factory=list)
    operative: list[_Item] = field(default_factory=list)
    sections: list[_SectionItem] = field(default_factory=list)

    def last(self) -> _Item | None:
        if self.sections:
            return self.sections[-1].holder.last()
        return (self.operative or self.preamble or [None])[-1]


@dataclass
class _SectionItem:
    label: str | None
    heading: str | None
    heading_refs: list[FootnoteRef] = field(default_factory=list)
    holder: _Holder = field(default_factory=_Holder)
    look: tuple = ()
    kind: str = "unlabelled"

    def section(self) -> Section:
        h = self.holder
        return Section(label=self.label, heading=self.heading,
                       preamble=tuple(i.paragraph() for i in h.preamble),
                       operative=tuple(i.paragraph() for i in h.operative),
                       sections=tuple(s.section() for s in h.sections),
                       heading_footnotes=tuple(self.heading_refs))


_COMBINED_LABEL = re.compile(r"^(?P<label>(?:[IVXLC]+|[A-Z])\.)\s+(?P<heading>\S.*)$")


class _Levels:
    """Headings open sections, nested by how they are set and how they are labelled. A heading set
    as none before it (its `look`: style, size, weight, alignment) goes one level below the open
    section; one set like an earlier heading goes back to that heading's level. Where several
    levels share one look (a word processor's one style for every level below the first, as
    drafter's own DOCX has), the label's kind decides among them as the Akoma Ntoso reader ranks
    headings: back to an open heading set and labelled alike ("Section 2" after "Section 1"), one
    level below for a kind not open there ("Income section 2" after "Section 34", "B." after an
    unlabelled heading). A label alone ("I") takes the heading that follows it;
    "A.<tab>Heading" in one paragraph is a label and a heading."""

    def __init__(self, top: _Holder) -> None:
        self.top = top
        self.looks: dict[tuple, int] = {}
        self.open: list[_SectionItem] = []

    def heading(self, block: Block) -> None:
        text = block.text.strip()
        last = self.open[-1] if self.open else None
        if last is not None and last.heading is None and not _holds_anything(last):
            last.heading, last.heading_refs = text, list(block.refs)
            return
        label, heading, refs = None, text, list(block.refs)
        if _SECTION_LABEL.match(plain(text)):
            label, heading, refs = text.rstrip("."), None, []
        elif (cut := _label_cut(block)) is not None:
            label, heading = text[:cut].strip().rstrip("."), text[cut:].strip()
            refs = [FootnoteRef(r.marker, max(r.at - cut - 1, 0)) for r in block.refs]
        kind = self.kind(label)
        level = self.level(block.look, kind)
        section = _SectionItem(label=label, heading=heading, heading_refs=refs, look=block.look, kind=kind)
        del self.open[level:]
        parent = self.open[-1].holder if self.open else self.top
        parent.sections.append(section)
        self.open.append(section)

    def level(self, look: tuple, kind: str) -> int:
        """How many open sections stay above a heading of this look and label kind."""
        if look not in self.looks:
            self.looks[look] = len(self.open)
            return len(self.open)
        at = min(self.looks[look], len(self.open))
        for index in range(len(self.open) - 1, at - 1, -1):
            if self.open[index].look == look and self.open[index].kind == kind:
                return index
        shared = at < len(self.open) and self.open[at].look == look
        return len(self.open) if shared else at

    def kind(self, label: str | None) -> str:
        """A label's kind by the rule of heading_labels: the words before its number ("part",
        "income section"), "arabic", "roman" or "letter", by the headings open above it."""
        return heading_kind(label, {section.kind: section.label for section in self.open if section.label})


def _label_cut(block: Block) -> int | None:
    """Where the label of "A.<tab>Heading" ends: at the tab when a label stands before it ("A" or
    "A."), else after "A." and a space."""
    text = block.text
    if block.tab_at is not None and _SECTION_LABEL.match(plain(text[:block.tab_at]).strip()):
        return block.tab_at
    combined = _COMBINED_LABEL.match(text)
    return combined.start("heading") - 1 if combined and len(combined["label"]) <= 5 else None


def _numbers_an_item(last: _Item | None, item: _Item) -> bool:
    """"1. Opening of the Congress." under "Approves the following provisional agenda:" (78/223):
    a number set deeper than the operative paragraph before it, which introduces a list, and out
    of the paragraphs' sequence (1 after 11) labels an item of that list, not a paragraph."""
    if last is None or not isinstance(last.number, int) or item.indent <= last.indent + 1:
        return False
    return (bool(last.children) or last.text.endswith(":")) and item.number != last.number + 1


def _open_items(paragraph: _Item | None) -> list[_Item]:
    """The paragraph and its latest sub-paragraph at each depth: where the next item may go."""
    chain = [paragraph] if paragraph is not None else []
    while chain and chain[-1].children:
        chain.append(chain[-1].children[-1])
    return chain


def _deepest(holder: _Holder) -> _Holder:
    """The holder new paragraphs go to: the innermost section open, or the holder itself."""
    while holder.sections:
        holder = holder.sections[-1].holder
    return holder


def _holds_anything(section: _SectionItem) -> bool:
    h = section.holder
    return bool(h.preamble or h.operative or h.sections)


def _shifted(block: Block, cut: int) -> tuple[str, list[FootnoteRef], list[Span]]:
    """The block's text from `cut` on, its notes and italics moved with it."""
    text = block.text[cut:]
    refs = [FootnoteRef(r.marker, max(r.at - cut, 0)) for r in block.refs]
    spans = [Span(max(s.start - cut, 0), s.end - cut) for s in block.italics if s.end > cut]
    return text, refs, spans


# --- the reader ---------------------------------------------------------------------------------

@dataclass
class _Reader:
    doc: Document
    path: str
    use_italics: bool = True

    def resolution(self) -> Resolution:
        blocks = self.doc.blocks
        title_at, number, title, title_refs, title_end, more_titles = self.title(blocks)
        part_title = None
        masthead = self.masthead(blocks[:title_at])
        rest = blocks[title_end:]
        formula_at = next((i for i, b in enumerate(rest) if formula_of(b)), None)
        if formula_at is None:
            raise ParseError("no enacting formula such as 'The General Assembly,' after the title", self.path,
                             rest[0].page if rest else None)
        body_name = formula_of(rest[formula_at])["body"]
        closings = _closings(rest)
        tail_from = closings[-1][1] if closings else len(rest)
        annexes = self.annexes(rest[tail_from:])
        if len(closings) >= 2:
            parts = self.parts(rest[:tail_from], closings)
            preamble = operative = ()
            sections: tuple[Section, ...] = ()
            adopted = parts[-1].adopted
        else:
            # Blocks between the title and the formula are the title, wrapped; a letter alone is a
            # part published on its own ("77/292" / "B": resolution 77/292 B), its notes the title's.
            # The part's own title may follow its letter ("B" / "High-level political forum ...").
            lettered = False
            for block in rest[:formula_at]:
                if _PART_LABEL.match(plain(block.text).strip()) and block.heading:
                    number, lettered = f"{number} {block.text.strip()}", True
                    title_refs = [*title_refs, *(FootnoteRef(r.marker, len(title or "")) for r in block.refs)]
                elif lettered and part_title is None and block.heading:
                    part_title = block.text
                else:
                    title = " ".join([title or "", block.text]).strip() or None
            holder = self.holder(rest[formula_at + 1:closings[0][0] if closings else tail_from])
            parts = ()
            preamble = tuple(i.paragraph() for i in holder.preamble)
            operative = tuple(i.paragraph() for i in holder.operative)
            sections = tuple(s.section() for s in holder.sections)
            adopted = closings[0][2] if closings else None
        self.check(operative, sections, parts)
        cited = _cited_in(preamble, operative, sections, title_refs, annexes)
        return Resolution(
            number=number, symbol=_symbol(masthead, number, body_name), title=title, body=body_name,
            session=_session(number, body_name, masthead), preamble=preamble, operative=operative,
            footnotes=self.footnotes(cited) if not parts else self.footnotes({r.marker for r in title_refs}),
            adopted=adopted, source=Source(path=self.path, format=self.doc.format), sections=sections,
            parts=parts, annexes=annexes, masthead=masthead, title_footnotes=tuple(title_refs),
            more_titles=more_titles, part_title=part_title,
            note_italics=self.note_italics(cited) if not parts else {},
            warnings=tuple(self.doc.warnings))

    # --- title and masthead --------------------------------------------------------------------
    def title(self, blocks: list[Block]):
        for index, block in enumerate(blocks):
            text = plain(block.text)
            match = NUMBERED_TITLE.match(text) or RESOLUTION_LINE.match(text)
            if not match:
                continue
            cut = match.start("title") if match["title"] else len(block.text)
            title, refs, _ = _shifted(block, cut)
            end = index + 1
            if not title and end < len(blocks) and not formula_of(blocks[end]):
                block, cut = blocks[end], 0                     # "Resolution 2006/2" / its title below
                title, refs, _ = _shifted(block, 0)
                end += 1
            title, more = _titles(title, [b - cut for b in block.breaks if b > cut])
            refs = [FootnoteRef(r.marker, min(r.at, len(title))) for r in refs]
            return index, match["number"], title or None, refs, end, more
        # A draft has no number yet: its title is what stands right above the formula.
        formula = next((i for i, b in enumerate(blocks) if formula_of(b)), None)
        if formula is not None and formula > 0 and blocks[formula - 1].text:
            masthead = self.masthead(blocks[:formula - 1])
            number = masthead.symbol if masthead and masthead.symbol else "draft"
            block = blocks[formula - 1]
            return formula - 1, number, block.text, list(block.refs), formula, ()
        raise ParseError("not a resolution: no number-and-title line such as '58/208. International migration "
                         "and development' or 'Resolution 2006/2'", self.path)

    def masthead(self, blocks: list[Block]):
        texts = list(self.doc.masthead)
        for block in blocks:
            texts += block.cell_lines if block.table is not None else [block.text]
        return read_masthead([Line(n, t, False) for n, t in enumerate(_bracketed(texts), 1)])

    # --- parts -------------------------------------------------------------------------------
    def parts(self, blocks: list[Block], closings) -> tuple[Part, ...]:
        parts = []
        start = 0
        for index, (at, end, adopted) in enumerate(closings):
            chunk = [b for b in blocks[start:at] if not formula_of(b)]
            label, title, title_refs, chunk = _part_heading(chunk, index)
            holder = self.holder(chunk)
            preamble = tuple(i.paragraph() for i in holder.preamble)
            operative = tuple(i.paragraph() for i in holder.operative)
            sections = tuple(s.section() for s in holder.sections)
            cited = _cited_in(preamble, operative, sections, title_refs, ())
            parts.append(Part(label=label, title=title, preamble=preamble, operative=operative,
                              sections=sections, footnotes=self.footnotes(cited), adopted=adopted,
                              title_footnotes=tuple(title_refs), note_italics=self.note_italics(cited)))
            start = end
        return tuple(parts)

    # --- the body of a resolution, part or section ------------------------------------------------
    def holder(self, blocks: list[Block]) -> _Holder:
        top = _Holder()
        levels = _Levels(top)
        previous = None
        blocks = with_table_notes(blocks)
        for index, block in enumerate(blocks):
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if block.table is not None and not block.text:
                self.add_table(top, block.table, after_paragraph=previous == "paragraph")
                previous = "table"
            elif self.is_heading(block):
                if self.is_caption(following) or self.in_preamble(top, following):
                    item = _Item(block.text, list(block.refs), list(block.italics), style="heading")
                    target = _deepest(top)
                    kind = "preambular" if target.preamble and not target.operative else "operative"
                    self.add_to(target, item, kind)
                else:
                    levels.heading(block)
                previous = "heading"
            else:
                self.paragraph(top, block)
                previous = "paragraph"
        return top

    @staticmethod
    def is_caption(following: Block | None) -> bool:
        """A heading over a table is the table's caption, a heading in the text, no section."""
        return following is not None and following.table is not None

    def in_preamble(self, top: _Holder, following: Block | None) -> bool:
        """A heading amid the preamble ("Countries in special situations" between preambular
        paragraphs, 78/149) is a heading in the text, as the Akoma Ntoso reader keeps it: no
        section would pull the operative paragraphs after it under it. It stands after preambular
        paragraphs, before any section or operative paragraph, and a preambular paragraph follows."""
        if following is None or top.sections or top.operative or not top.preamble or self.is_heading(following):
            return False
        if following.label or _NUMBER_PREFIX.match(plain(following.text)):
            return False
        lead = self.opening_lead(following.text, following.italics)
        return bool(lead) and lead_kind(lead) == "preambular"

    def add_table(self, holder: _Holder, table: Table, after_paragraph: bool) -> None:
        """A table stands after the paragraph it follows, or alone when a heading or another table
        comes before it."""
        last = holder.last()
        if after_paragraph and last is not None and last.table is None and last.text:
            last.table = table
        else:
            self.add(holder, _Item("", [], [], table=table), "table")

    def is_heading(self, block: Block) -> bool:
        text = plain(block.text)
        if not block.heading or block.label or not text or len(text) > 500:
            return False
        if _NUMBER_PREFIX.match(text) or _LABEL_PREFIX.match(text):
            return False
        return not re.search(r"[,;:]$", text) and not formula_of(block)

    def paragraph(self, holder: _Holder, block: Block) -> None:
        text, refs, spans = block.text, block.refs, block.italics
        label = block.label
        if label is None:
            match = _NUMBER_PREFIX.match(plain(text)) or _LABEL_PREFIX.match(plain(text))
            cut = match.end() if match else _number_before_tab(block)
            if cut:
                label = text[:cut].strip()
                text, refs, spans = _shifted(block, cut)
        number = _number_of(label)
        sub = _sub_label(label)
        if sub is not None and holder.last() is not None:
            self.add_sub(holder, _Item(text, list(refs), list(spans), label=sub, indent=block.indent))
            return
        if number is None and label is not None:
            text = f"{label} {text}"          # a numbering we do not know: keep it in the text
            refs = [FootnoteRef(r.marker, r.at + len(label) + 1) for r in refs]
            spans = [Span(s.start + len(label) + 1, s.end + len(label) + 1) for s in spans]
        item = _Item(text, list(refs), list(spans), number=number, indent=block.indent)
        if number is not None and _numbers_an_item(holder.last(), item):
            self.add_sub(holder, replace(item, number=None, label=label))
            return
        if number is not None:
            self.add(holder, item, "operative")
            return
        if label is None and self.add_unlabelled_sub(holder, item):
            return
        last = holder.last()
        if last is not None and last.children and text[:1].islower() and last.wrap_up is None:
            last.wrap_up = item              # closing words after the sub-paragraphs
            return
        target = _deepest(holder)
        self.add_to(target, item, self.unnumbered_kind(target, item))

    def unnumbered_kind(self, target: _Holder, item: _Item) -> str:
        """An unnumbered paragraph's kind, by the Akoma Ntoso reader's rule (akn_outline): after an
        operative paragraph, operative; before, its lead decides (a participle or adjective opens a
        preambular paragraph, a verb an operative one: a single operative paragraph is not
        numbered), whatever it ends with: a preambular paragraph may introduce sub-paragraphs
        ("Reaffirming that the Plan was developed:") or end in a typo's ";". A line with no lead
        the lexicon knows goes on with the preamble when it ends with a comma ("We, the Ministers
        ...,", a lead in another language) or the preamble introduced it ("... question:").
        `target` is the holder the paragraph goes to (_deepest)."""
        if target.operative:
            return "operative"
        if not re.search(r"\w", item.text):
            return "preambular"          # a "* * *" separator does not end the preamble
        known = lead_kind(lead) if (lead := self.opening_lead(item.text, item.italics)) else None
        if known:
            return known
        if _ENDS_PREAMBULAR.search(item.text):
            return "preambular"
        introduced = bool(target.preamble) and target.preamble[-1].text.endswith(":")
        return "preambular" if introduced else "operative"

    def opening_lead(self, text: str, italics: list[Span]) -> str | None:
        """The italic run that opens the text (`italics`: its spans), or with no italics in the
        document the lead the lexicon finds."""
        if not self.use_italics:
            return split_lead(text, "preambular") or split_lead(text, "operative")
        if italics and italics[0].start == 0:
            return text[:italics[0].end].rstrip(_LEAD_TRAILING) or None
        return None

    def add(self, holder: _Holder, item: _Item, kind: str) -> None:
        self.add_to(_deepest(holder), item, kind)

    def add_to(self, target: _Holder, item: _Item, kind: str) -> None:
        """The item into the preamble or the operative part of `target`, the innermost holder open."""
        if kind == "table":
            kind = "operative" if target.operative else "preambular"
        self.set_lead(item, kind)
        (target.operative if kind == "operative" else target.preamble).append(item)

    def set_lead(self, item: _Item, kind: str) -> None:
        """The lead is the italic run that opens the paragraph; the other runs stay as italics."""
        if not item.text:
            return
        if self.use_italics:
            if item.italics and item.italics[0].start == 0:
                lead = item.text[:item.italics[0].end].rstrip(_LEAD_TRAILING)
                item.lead = lead or None
                item.italics = item.italics[1:]
            return
        item.lead = split_lead(item.text, kind)

    def add_sub(self, holder: _Holder, item: _Item) -> None:
        chain = _open_items(holder.last())
        # The deepest open item the label continues, or under which it opens a new list.
        for depth in range(len(chain) - 1, 0, -1):
            if successor(chain[depth].label, depth) == item.label:
                chain[depth - 1].children.append(replace(item, depth=depth))
                return
        deepest = len(chain)
        if item.label == first_label(deepest) or deepest == 1:
            chain[-1].children.append(replace(item, depth=deepest))
            return
        chain[-2 if len(chain) > 1 else -1].children.append(replace(item, depth=max(deepest - 1, 1)))

    def add_unlabelled_sub(self, holder: _Holder, item: _Item) -> bool:
        """An unnumbered, unlabelled block set deeper than the paragraph whose sub-paragraphs it
        follows is one of them, unlabelled ("Leadership dialogue 1: ..." under "(a) ... as
        follows:", 6 corpus files): a sibling of the open item set as deep, else a child of the
        deepest open item set less deep. Only the indent says so: a paragraph after sub-paragraphs
        stands where its paragraph does, a paragraph's closing words further out still."""
        chain = _open_items(holder.last())
        if len(chain) < 2 or item.indent <= chain[0].indent + 1:
            return False
        for depth in range(len(chain) - 1, 0, -1):
            if abs(chain[depth].indent - item.indent) <= 1:
                chain[depth - 1].children.append(replace(item, label="", depth=depth))
                return True
            if chain[depth].indent < item.indent:
                chain[depth].children.append(replace(item, label="", depth=depth + 1))
                return True
        return False

    # --- closing, annexes, notes ----------------------------------------------------------------
    def annexes(self, blocks: list[Block]) -> tuple[Annex, ...]:
        annexes: list[Annex] = []
        label = title = None
        label_look: tuple = ()
        title_refs: list[FootnoteRef] = []
        items: list[Paragraph] = []

        def flush() -> None:
            if label is not None or title is not None or items:
                annexes.append(Annex(label=label, title=title, paragraphs=tuple(items),
                                     title_footnotes=tuple(title_refs)))

        for block in with_table_notes(blocks):
            text = plain(block.text).strip()
            if _ANNEX.match(text):
                flush()
                label, title, title_refs, items = block.text.strip(), None, [], []
                label_look = block.look
                continue
            # The title is set as the label is; a heading set otherwise, or lettered before a tab
            # ("A<tab>Posts to be established ..."), opens the annex's text.
            if title is None and not items and label is not None and block.heading and not block.label \
                    and block.look == label_look and _numbering_before_tab(block) is None:
                title, title_refs = block.text, list(block.refs)
                continue
            items.append(self.annex_paragraph(block))
        flush()
        return tuple(annexes)

    def annex_paragraph(self, block: Block) -> Paragraph:
        """An annex's block as it stands: its numbering ("1.", "(a)", "I.") apart from its text."""
        number, text, refs, spans = block.label, block.text, block.refs, block.italics
        match = None if number else _ANNEX_NUMBER.match(plain(text))
        cut = match.end() if match else _numbering_before_tab(block) if not number else None
        if cut:
            number = text[:cut].strip()
            text, refs, spans = _shifted(block, cut)
        heading = self.is_heading(block)
        return Paragraph(text=text, number=number, footnotes=tuple(refs), italics=tuple(spans),
                         table=block.table, style="heading" if heading else None)

    def footnotes(self, markers: set[str]) -> dict[str, str]:
        return {m: n.text for m, n in self.doc.notes.items() if m in markers}

    def note_italics(self, markers: set[str]) -> dict:
        return {m: tuple(n.italics) for m, n in self.doc.notes.items() if m in markers and n.italics}

    def check(self, operative, sections, parts) -> None:
        if not (operative or sections or parts):
            raise ParseError("no operative paragraphs: the document is cut short or is not a resolution",
                             self.path)


def _titles(text: str, breaks: list[int]) -> tuple[str, tuple[str, ...]]:
    """A title and the titles printed under it in the same paragraph, one a line (75/290 A and B:
    the review of the Council's resolution, then that of the forum's)."""
    pieces = [text[a:b].strip() for a, b in zip([0, *breaks], [*breaks, len(text)])]
    pieces = [piece for piece in pieces if piece]
    return (pieces[0] if pieces else ""), tuple(pieces[1:])


def _bracketed(texts: list[str]) -> list[str]:
    """Masthead lines, the origin "[on the report of ... (A/75/415, para. 8)]" whole again when the
    page wrapped it."""
    out: list[str] = []
    for text in (plain(t).strip() for t in texts):
        if not text:
            continue
        if out and out[-1].startswith("[") and not out[-1].endswith("]"):
            out[-1] += " " + text
        else:
            out.append(text)
    return out


# A number, a numeral or a letter, maybe after one word of letters in any script ("Chapter",
# "Article", "Chapitre", "Статья"); a bullet or a symbol before the number ("• 60") is no word.
_NAMED_NUMBER = re.compile(r"^(?:[^\W\d_]+ )?(?:\d+[A-Za-z]?|[IVXLC]+|[A-Z])\.?$")


def _numbering_before_tab(block: Block) -> int | None:
    """"Chapter I<tab>General provisions", "Article 12<tab>...", "A<tab>Posts ...": a number, a
    numeral or a letter, maybe after a word, before a tab."""
    return _cut_before_tab(block, _NAMED_NUMBER)


def with_table_notes(blocks: list[Block]) -> list[Block]:
    """The notes printed under a table ("a<tab>See A/77/528.": a block opening with a letter mark
    the table's cells carry) go into the table; the other blocks stay as they are."""
    out: list[Block] = []
    for block in blocks:
        table_block = out[-1] if out and out[-1].table is not None and not out[-1].text else None
        lettered = bool(block.refs) and block.refs[0].at == 0
        if table_block is not None and (
                (lettered and block.refs[0].marker in _cell_marks(table_block.table)) or _unmarked_note(block)):
            table = table_block.table
            note = TableNote(block.refs[0].marker if lettered else "", block.text, tuple(block.italics))
            table_block.table = Table(rows=table.rows, notes=(*table.notes, note))
            continue
        out.append(block)
    return out


def _unmarked_note(block: Block) -> bool:
    """A note under a table without a letter opens with an italic word and a colon, as the UN sets
    "Abbreviations:", "Note:", "Source:"."""
    word = re.match(r"^[^\W\d_]+(?=:\s)", block.text)
    return bool(word) and any(s.start == 0 and s.end >= word.end() for s in block.italics)


def _cell_marks(table: Table) -> set[str]:
    return {ref.marker for row in table.rows for cell in row for ref in cell.footnotes if not ref.marker.isdigit()}


def _closings(blocks: list[Block]) -> list[tuple[int, int, Adoption]]:
    """Every closing in the body: (index of the meeting line, index after the date, the adoption)."""
    found = []
    for index, block in enumerate(blocks):
        text = plain(block.text).strip()
        combined = _CLOSING.match(text)
        if combined:
            found.append((index, index + 1, Adoption(combined["meeting"], parse_date(combined["date"]))))
            continue
        match = MEETING.match(text)
        if not match:
            continue
        following = plain(blocks[index + 1].text).strip() if index + 1 < len(blocks) else ""
        date = parse_date(following)
        found.append((index, index + 2 if date else index + 1, Adoption(match["meeting"], date)))
    return found


def _part_heading(chunk: list[Block], index: int):
    """The letter and title a part opens with ("A" / "Information in the service of humanity")."""
    label = title = None
    refs: list[FootnoteRef] = []
    rest = list(chunk)
    if rest and _PART_LABEL.match(plain(rest[0].text).strip()):
        label = rest.pop(0).text.strip()
    if rest and rest[0].heading and not _NUMBER_PREFIX.match(rest[0].text):
        block = rest.pop(0)
        title, refs = block.text, list(block.refs)
    return label or chr(ord("A") + index), title, refs, rest


def _number_of(label: str | None) -> int | str | None:
    """An operative paragraph's number as printed: "3." is 3; "3" (typed without its full stop, 4
    corpus files) and "1.1" stay strings, as the Akoma Ntoso reader gives them."""
    if re.fullmatch(r"\d{1,3}\.", label or ""):
        return int(label[:-1])
    return label if label and _BARE_NUMBER.fullmatch(label) else None


def _number_before_tab(block: Block) -> int | None:
    """Where a number set before a tab ends ("3<tab>Calls upon", "1.1<tab>Raise awareness")."""
    return _cut_before_tab(block, _BARE_NUMBER)


def _cut_before_tab(block: Block, pattern: re.Pattern) -> int | None:
    """Where the text after a numbering that fills what stands before the block's first tab
    starts (the tab is a space in the text), or None."""
    at = block.tab_at
    if at and pattern.fullmatch(plain(block.text[:at]).strip()):
        return at + 1 if block.text[at:at + 1] == " " else at
    return None


def _sub_label(label: str | None) -> str | None:
    match = re.fullmatch(r"\(([a-z]{1,3}|[ivxlc]{1,7})\)", label or "")
    return match[1] if match else None


def _cited_in(preamble, operative, sections, title_refs, annexes) -> set[str]:
    cited = {r.marker for r in title_refs}
    stack: list = [*preamble, *operative]
    for section in sections:
        cited |= {r.marker for r in section.heading_footnotes}
        stack += [*section.preamble, *section.operative]
        stack += [*_section_paragraphs(section.sections)]
    for annex in annexes:
        cited |= {r.marker for r in annex.title_footnotes}
        stack += list(annex.paragraphs)
    while stack:
        item = stack.pop()
        cited |= {r.marker for r in item.footnotes}
        cited |= {r.marker for r in getattr(item, "wrap_up_footnotes", ())}
        stack += list(item.subparagraphs)
        table = getattr(item, "table", None)
        if table is not None:
            cited |= {r.marker for row in table.rows for cell in row for r in cell.footnotes}
    return cited


def _section_paragraphs(sections) -> list[Paragraph]:
    out: list[Paragraph] = []
    for section in sections:
        out += [*section.preamble, *section.operative, *_section_paragraphs(section.sections)]
    return out


def _symbol(masthead, number: str, body: str) -> str | None:
    if masthead and masthead.symbol and "/RES/" in masthead.symbol:
        return masthead.symbol
    if body == "General Assembly" and re.fullmatch(r"\d{1,3}/\d+(?: [A-Z])?", number):
        return f"A/RES/{number}"
    return None


def _session(number: str, body: str, masthead) -> int | None:
    first = number.split("/")[0]
    if body == "General Assembly" and first.isdigit() and int(first) < 1000:
        return int(first)
    if masthead and masthead.session:
        return ordinal_value(masthead.session.rsplit(" ", 1)[0])
    return None


def read_structure(doc: Document, path: str) -> Resolution:
    has_italics = any(b.italics for b in doc.blocks)
    return _Reader(doc, path, use_italics=has_italics).resolution()
