"""The text reader: a resolution as plain text (PDF text layer, word-processor export, clean text).

A pipeline of small stages, each in its own module with the promises it makes written at its top:

    lines.split_lines      numbered, cleaned lines; debris recognised
    layout.find_layout     title, enacting formula, closing; masthead
    notes.separate         footnote blocks and page furniture out of the running text
    segment.segment        running text -> paragraph and sub-paragraph blocks
    markers.MarkerReader   footnote markers out of each paragraph, with their offsets
    leads.split_lead       the italic opening phrase, from the lexicon learned from the corpus
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.errors import ParseError
from drafter.ingest import typography
from drafter.ingest.clean import one_line
from drafter.ingest.detect import text_flavour
from drafter.ingest.layout import Layout, find_layout
from drafter.ingest.leads import split_lead
from drafter.ingest.lines import Line, blank_rule_lines, page_starts, split_lines
from drafter.ingest.markers import MarkerReader
from drafter.ingest.notes import Note, separate
from drafter.ingest.segment import Block, segment
from drafter.model import (
    Annex,
    FootnoteRef,
    Paragraph,
    Resolution,
    Source,
    SubParagraph,
)
from drafter.ordinals import ORDINAL_PATTERN, ordinal_value

_TITLE_MARKER = re.compile(r"(?<=[A-Za-z.)])\s?(\*{1,3}|\d{1,2})$")
_OWN_SESSION = re.compile(
    rf"report of the (?:Commission|Council|Committee|Board|Conference)(?: [A-Z][\w ]*?)? on its "
    rf"(?P<ordinal>{ORDINAL_PATTERN}) session", re.I)
_ANNEX_HEADING = re.compile(r"^Annex(?:es)?(?: [IVXL\d]+)?$")


# Superscript digits are footnote markers as a text that kept them prints them (drafter's own text
# output: "Cairo,¹", "¹ Report of ..."); as plain digits the marker rules read them like any other.
_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def parse_text(text: str, path: str, warnings: list[str] | None = None) -> Resolution:
    warnings = list(warnings or [])
    text = text.translate(_SUPERSCRIPT_DIGITS)
    lines = split_lines(text)
    layout = find_layout(lines, path)
    rules = blank_rule_lines(text)
    pages = page_starts(text)

    end = layout.closing if layout.closing is not None else len(lines)
    body_lines, notes = separate(lines[layout.formula + 1:end], rules, pages=pages)
    tail_lines: list[Line] = []
    if layout.closing is not None:
        tail_lines, notes = separate(lines[layout.closing + 2:], rules, in_notes=True, earlier=notes, pages=pages)

    fix_quotes = typography.has_lost_quotes(text)
    reader = MarkerReader(known=_ordered_markers(notes))
    title, title_refs = _clean_title(layout.title, reader, fix_quotes)
    preamble, operative = _paragraphs(segment(body_lines), reader, fix_quotes)
    _check_complete(operative, body_lines, path)

    footnotes, note_warnings = _footnotes(notes, reader, fix_quotes)
    warnings += note_warnings
    annexes = _annexes(tail_lines, warnings)
    return Resolution(
        number=layout.number,
        symbol=_symbol(layout),
        title=title,
        body=layout.body_name,
        session=_session(layout, preamble + operative),
        preamble=tuple(preamble),
        operative=tuple(operative),
        footnotes=footnotes,
        adopted=layout.adopted,
        source=Source(path=path, format=text_flavour(text)),
        annexes=annexes,
        masthead=layout.masthead,
        title_footnotes=title_refs,
        warnings=tuple(warnings),
    )


# The last operative paragraph ends with a full stop (Editorial Manual), perhaps inside a closing quote.
_FINAL_STOP = re.compile(r"\.[”’\"')]*$")


def _check_complete(operative: list[Paragraph], lines: list[Line], path: str) -> None:
    """A resolution ends with an operative paragraph closed by a full stop; anything else means the
    text was cut short, and a draft built on it would silently lose paragraphs."""
    last_line = lines[-1].number if lines else None
    if not operative:
        raise ParseError("no operative paragraphs: the text is cut short or is not a resolution",
                         path, last_line)
    last = operative[-1]
    end = last.subparagraphs[-1] if last.subparagraphs else last
    while isinstance(end, SubParagraph) and end.subparagraphs:
        end = end.subparagraphs[-1]
    if not _FINAL_STOP.search(end.text):
        raise ParseError("the text stops in the middle of a paragraph: the file seems truncated",
                         path, last_line, hint="check it against the original document")


def _ordered_markers(notes: list[Note]) -> list[str]:
    markers: list[str] = []
    for note in notes:
        if note.marker not in markers:
            markers.append(note.marker)
    return markers


def _clean_title(title: str, reader: MarkerReader, fix_quotes: bool) -> tuple[str, tuple[FootnoteRef, ...]]:
    """The title without the note marker it ends with ("International migration and development*"),
    and that note as a title note at the title's end."""
    match = _TITLE_MARKER.search(title)
    marker = None
    if match and match.group(1) in reader.known:
        reader.seen.add(match.group(1))
        title, marker = title[:match.start()], match.group(1)
    title = _typeset(one_line(title), fix_quotes)
    return title, (FootnoteRef(marker, len(title)),) if marker else ()


def _typeset(text: str, fix_quotes: bool) -> str:
    if fix_quotes:
        text = typography.restore_lost_quotes(text)
    return typography.curly_quotes(text)


def _join(lines: list[Line]) -> str:
    """Re-join wrapped lines; a line ending in a hyphen before a lower-case word keeps the hyphen
    and loses the space ("cross-\\nsectoral" -> "cross-sectoral")."""
    pieces: list[str] = []
    for line in lines:
        previous = pieces[-1] if pieces else ""
        if previous.endswith("-") and previous[-2:-1].isalpha() and line.text[:1].islower():
            pieces[-1] = previous + line.text
        else:
            pieces.append(line.text)
    return " ".join(pieces)


@dataclass
class _Item:
    """A paragraph or sub-paragraph while it is being built; frozen into the model at the end."""

    block: Block
    text: str
    refs: tuple[FootnoteRef, ...]
    children: list[_Item] = field(default_factory=list)

    def sub(self) -> SubParagraph:
        return SubParagraph(label=self.block.label or "", text=self.text, footnotes=self.refs,
                            subparagraphs=tuple(child.sub() for child in self.children))

    def paragraph(self) -> Paragraph:
        kind = self.block.kind
        return Paragraph(text=self.text, lead=split_lead(self.text, kind), number=self.block.number,
                         footnotes=self.refs, line=self.block.lines[0].number,
                         subparagraphs=tuple(child.sub() for child in self.children))


def _paragraphs(blocks: list[Block], reader: MarkerReader,
                fix_quotes: bool) -> tuple[list[Paragraph], list[Paragraph]]:
    items: list[_Item] = []
    for block in blocks:
        text, refs = reader.take(_typeset(one_line(_join(block.lines)), fix_quotes))
        item = _Item(block, text, refs)
        if block.kind == "sub" and items:
            _parent_of(items[-1], block.depth).children.append(item)
        else:
            items.append(item)
    preamble = [i.paragraph() for i in items if i.block.kind != "operative"]
    operative = [i.paragraph() for i in items if i.block.kind == "operative"]
    return preamble, operative


def _parent_of(item: _Item, depth: int) -> _Item:
    """The item a sub-paragraph of `depth` hangs from: the paragraph for (a), the latest (a) for (i)."""
    for _ in range(depth - 1):
        if not item.children:
            break
        item = item.children[-1]
    return item


def _footnotes(notes: list[Note], reader: MarkerReader, fix_quotes: bool) -> tuple[dict[str, str], list[str]]:
    footnotes: dict[str, str] = {}
    missing: list[str] = []
    warnings: list[str] = []
    for note in notes:
        if note.text is None:
            missing.append(note.marker)
        elif note.marker in footnotes:
            warnings.append(f"footnote {note.marker} is given twice; the first text is kept")
        else:
            footnotes[note.marker] = _typeset(note.text, fix_quotes)
    if missing:
        warnings.append(f"the source has no text for footnote{'s' if len(missing) > 1 else ''} "
                        f"{_ranges(missing)}; their markers are removed from the paragraphs")
    unused = [m for m in reader.known if m not in reader.seen]
    if unused:
        warnings.append(f"footnote{'s' if len(unused) > 1 else ''} {_ranges(unused)} never cited in the text")
    return footnotes, warnings


def _ranges(markers: list[str]) -> str:
    """["15", "16", "17", "19"] -> "15–17, 19"."""
    numbers = [int(m) for m in markers if m.isdigit()]
    others = [m for m in markers if not m.isdigit()]
    spans: list[str] = []
    for n in numbers:
        if spans and "–" not in spans[-1] and int(spans[-1]) == n - 1:
            spans[-1] = f"{n - 1}–{n}"
        elif spans and "–" in spans[-1] and int(spans[-1].split("–")[1]) == n - 1:
            spans[-1] = f"{spans[-1].split('–')[0]}–{n}"
        else:
            spans.append(str(n))
    return ", ".join(spans + others)


def _annexes(lines: list[Line], warnings: list[str]) -> tuple[Annex, ...]:
    """Text after the closing that is neither a footnote nor debris: an annex, kept whole."""
    if not lines:
        return ()
    label = None
    if _ANNEX_HEADING.match(lines[0].text):
        label, lines = lines[0].text, lines[1:]
    else:
        warnings.append(f"line {lines[0].number}: text after the closing kept as an annex")
    paragraphs = tuple(Paragraph(text=one_line(line.text), line=line.number) for line in lines)
    return (Annex(label=label, title=None, paragraphs=paragraphs),)


def _symbol(layout: Layout) -> str | None:
    if layout.masthead and layout.masthead.symbol and "/RES/" in layout.masthead.symbol:
        return layout.masthead.symbol
    if layout.body_name == "General Assembly" and re.fullmatch(r"\d{1,3}/\d+(?: [A-Z])?", layout.number):
        return f"A/RES/{layout.number}"
    return None


def _session(layout: Layout, paragraphs: list[Paragraph]) -> int | None:
    """The adopting session. Assembly resolutions since the 31st session carry it in the number
    (58/208); a commission numbers by year (2006/2), so its session comes from the text itself,
    where the commission transmits "the report of the Commission on its thirty-ninth session"."""
    first = layout.number.split("/")[0]
    if layout.body_name == "General Assembly" and first.isdigit() and int(first) < 1000:
        return int(first)
    for paragraph in paragraphs:
        match = _OWN_SESSION.search(paragraph.text)
        if match:
            return ordinal_value(match["ordinal"])
    if layout.masthead and layout.masthead.session:
        return ordinal_value(layout.masthead.session.rsplit(" ", 1)[0])
    return None
