"""Running text of Akoma Ntoso elements: one clean line, with its footnotes and italics lifted out.

An `authorialNote` stands inside the sentence it annotates, and an italic `span` around the words it
sets in italics. The reader takes them out and remembers where they stood; the offsets must be ones
in the *final* line, after whitespace has been collapsed, so each is first replaced by a sentinel
character, the text cleaned, and the sentinels then removed while counting.

Promises, tested in tests/test_ingest_akn.py:
- `Inline.text` is one clean line (`clean.clean_chars` + `clean.one_line`: no-break spaces and
  non-breaking hyphens kept, invisible and direction marks dropped);
- `text[:ref.at]` is exactly what stood before the note's marker, and a space before a note stands
  after its marker ("1994, <note/>in" reads "1994,¹ in");
- `italics` are the italic runs, trimmed of the spaces around them, in order, never overlapping;
  runs with only a space between them are one run ("<i>Recalling</i> <i>also</i>");
- every note's text is in the `Notes` collector under its marker, once, with its own italics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.ingest.clean import clean_chars, one_line
from drafter.model import FootnoteRef, Span

# Private-use characters standing for a note, the start and the end of italics while spaces are
# collapsed. `akn.parse_akn` removes them from the source first, so only the reader's own occur.
NOTE, ITALIC, ROMAN = "\ue000", "\ue001", "\ue002"
SENTINELS = (NOTE, ITALIC, ROMAN)
# A run of sentinels, with the single spaces between them (one_line left no longer runs).
_MARKS = re.compile("[\ue000-\ue002](?:[ \u00a0]?[\ue000-\ue002])*")
_SPACES = (" ", "\u00a0")
_LEAD_TRAILING = " ,;:."
# What may stand before an italic lead and still leave it the opening words: a paragraph number
# typed into the text ("26\t", "6.\t").
_TYPED_NUMBER = re.compile(r"\d{1,3}(?:\s?\.)?\s?")

# What each element is to running text, by its namespaced tag (cached as met).
_TEXT, _NOTE, _BREAK, _SPAN, _ITALIC_TAG, _SUP, _NUM, _SKIP = range(8)
_BY_NAME = {"authorialNote": _NOTE, "eol": _BREAK, "br": _BREAK, "eop": _BREAK, "span": _SPAN,
            "i": _ITALIC_TAG, "em": _ITALIC_TAG, "sup": _SUP, "num": _NUM}
_KINDS: dict = {}


def local_name(element) -> str:
    """The element's name without namespace; "" for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def children(element) -> list:
    return [child for child in element if isinstance(child.tag, str)]


def _kind(tag) -> int:
    kind = _KINDS.get(tag)
    if kind is None:
        kind = _BY_NAME.get(tag.rpartition("}")[2], _TEXT) if isinstance(tag, str) else _SKIP
        _KINDS[tag] = kind
    return kind


@dataclass
class Notes:
    """The footnotes met so far in one resolution (or one part): marker -> text, and their italics."""

    texts: dict[str, str] = field(default_factory=dict)
    italics: dict[str, tuple[Span, ...]] = field(default_factory=dict)

    def add(self, note) -> str:
        marker = (note.get("marker") or "").strip() or str(len(self.texts) + 1)
        if marker in self.texts:
            return marker        # a marker met twice keeps its first text (the corpus never has two)
        text = _note_text(note, self)
        # A note whose text the source lost keeps its marker in the paragraph, but no text.
        if text.text:
            self.texts[marker] = text.text
            if text.italics:
                self.italics[marker] = text.italics
        return marker


@dataclass(frozen=True)
class Inline:
    """A line of text with the footnotes that stood in it and its italic runs."""

    text: str
    footnotes: tuple[FootnoteRef, ...] = ()
    italics: tuple[Span, ...] = ()

    def drop_prefix(self, length: int) -> Inline:
        """The line without its first `length` characters and the spaces after them."""
        kept = self.text[length:].lstrip()
        return self.shift(len(kept) - len(self.text), kept)

    def strip_leading(self, characters: str) -> Inline:
        """The line without the given characters at its start (".\u00a0Establishment")."""
        return self.drop_prefix(len(self.text) - len(self.text.lstrip(characters)))

    def strip(self) -> Inline:
        """The line without whitespace at either end."""
        kept = self.text.strip()
        if len(kept) == len(self.text):
            return self
        return self.shift(len(self.text.lstrip()) - len(self.text), kept)

    def prefixed(self, prefix: str) -> Inline:
        """The line with `prefix` before it ("I" + " " + "Introduction")."""
        return self.shift(len(prefix), prefix + self.text)

    def shift(self, by: int, text: str) -> Inline:
        """The same notes and italics, `by` characters on, in `text`."""
        end = len(text)
        notes = tuple(FootnoteRef(r.marker, min(max(0, r.at + by), end)) for r in self.footnotes)
        spans = tuple(Span(max(0, s.start + by), min(end, s.end + by)) for s in self.italics)
        return Inline(text, notes, tuple(s for s in spans if s.end > s.start))


EMPTY = Inline("")


def inline(element, notes: Notes, skip_num: bool = False, marks: bool = False) -> Inline:
    """The text of `element` as one clean line; its footnotes go to `notes`.

    `skip_num` leaves out the element's own `num` child (a paragraph's number) but not the text
    after it. With `marks`, a `<sup>` holding a short marker ("a", "*") is a reference to a
    table note rather than text: the letters under a table that its cells cite.
    """
    pieces: list[str] = []
    markers: list[str] = []
    _gather(element, notes, pieces, markers, skip_num, marks)
    return settle("".join(pieces), markers)


def plain(element, notes: Notes | None = None) -> str:
    """The text of `element` as one clean line, footnotes dropped (headings, metadata)."""
    return inline(element, notes if notes is not None else Notes()).text


def _gather(element, notes: Notes, pieces: list[str], markers: list[str], skip_num: bool, marks: bool) -> None:
    if element.text:
        pieces.append(element.text)
    for child in element:
        kind = _kind(child.tag)
        if kind == _NOTE:
            markers.append(notes.add(child))
            pieces.append(NOTE)
        elif kind == _BREAK:
            pieces.append(" ")
        elif kind == _ITALIC_TAG or (kind == _SPAN and "italic" in (child.get("class") or "")):
            pieces.append(ITALIC)
            _gather(child, notes, pieces, markers, False, marks)
            pieces.append(ROMAN)
        elif kind == _SUP and marks and _is_mark(child):
            markers.append(child.text.strip())
            pieces.append(NOTE)
        elif kind != _SKIP and not (kind == _NUM and skip_num):
            _gather(child, notes, pieces, markers, False, marks)
        if child.tail:
            pieces.append(child.tail)


def _is_mark(sup) -> bool:
    text = (sup.text or "").strip()
    return 0 < len(text) <= 2 and len(sup) == 0 and (text.isalpha() or text in ("*", "**"))


def _note_text(note, notes: Notes) -> Inline:
    # A note's paragraphs are separate blocks: a space between them, never glued words.
    blocks = [inline(block, notes) for block in children(note)] or [inline(note, notes)]
    return join([block for block in blocks if block.text], " ")


def join(parts: list[Inline], separator: str) -> Inline:
    """Lines joined into one, notes and italics moved with their words."""
    if len(parts) == 1:
        return parts[0]
    text, notes, spans = "", [], []
    for part in parts:
        if text:
            text += separator
        moved = part.shift(len(text), text + part.text)
        notes.extend(moved.footnotes)
        spans.extend(moved.italics)
        text = moved.text
    return Inline(text, tuple(notes), _joined_runs(text, spans))


def settle(raw: str, markers: list[str]) -> Inline:
    """Clean the text and turn the sentinels into footnote offsets and italic spans.

    Around a run of sentinels at most one space is kept (a no-break one if the source had one), and
    it stands before the italics the run opens, or else after the notes and italics it closes:
    "report,<note/> which" reads "report,¹ which", "the <i>Official Records</i> of" keeps its
    spaces outside the italics."""
    text = one_line(clean_chars(raw))
    if NOTE not in text and ITALIC not in text:
        return Inline(text)
    out: list[str] = []
    refs: list[FootnoteRef] = []
    spans: list[Span] = []
    length = position = depth = start = 0
    pending = iter(markers)
    for run in _MARKS.finditer(text):
        begin, end = run.span()
        before = text[position:begin]
        found = before[-1:] + run.group() + text[end:end + 1]
        space = "\u00a0" if "\u00a0" in found else " " if " " in found else ""
        if before[-1:] in _SPACES:
            before = before[:-1]
        position = end + 1 if text[end:end + 1] in _SPACES and end < len(text) else end
        out.append(before)
        length += len(before)
        marks = run.group().replace(" ", "").replace("\u00a0", "")
        opening = marks.find(ITALIC) if space else -1
        for index, mark in enumerate(marks):
            if index == opening:
                out.append(space)
                length += 1
            if mark == NOTE:
                refs.append(FootnoteRef(next(pending), length))
            elif mark == ITALIC:
                start = length if depth == 0 else start
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0 and length > start:
                    spans.append(Span(start, length))
        if space and opening < 0:
            out.append(space)
            length += 1
    out.append(text[position:])
    line = "".join(out)
    return Inline(line, tuple(refs), _joined_runs(line, spans)).strip()


def _joined_runs(line: str, spans: list[Span]) -> tuple[Span, ...]:
    """Runs of italics with nothing but a space between them are one run."""
    out: list[Span] = []
    for span in spans:
        if out and not line[out[-1].end:span.start].strip():
            out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return tuple(out)


# --- the italic lead ------------------------------------------------------------------------

def opening_italics(line: Inline) -> str | None:
    """The italic words that open the line ("Recalling also"), or None; a number typed before
    them ("26\tCondemns") may stand first. Trailing spaces and punctuation are not part of it."""
    if not line.italics:
        return None
    first = line.italics[0]
    before = line.text[:first.start]
    if before and not _TYPED_NUMBER.fullmatch(before):
        return None
    lead = line.text[first.start:first.end].rstrip(_LEAD_TRAILING)
    return lead or None


def lead_of(text: str, candidate: str | None) -> str | None:
    """The lead if the paragraph's text opens with it, carried to the end of its last word
    ("<span>Encourage</span>s" leads with "Encourages"); otherwise None."""
    if not candidate or not text.startswith(candidate):
        return None
    end = len(candidate)
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[:end]


def without_lead(italics: tuple[Span, ...], lead: str | None) -> tuple[Span, ...]:
    """The italic runs other than the one the lead is (leads are italic by definition)."""
    if lead and italics and italics[0].start == 0:
        return italics[1:]
    return italics
