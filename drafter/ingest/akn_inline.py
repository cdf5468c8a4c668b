"""Running text of Akoma Ntoso elements: one clean line, with footnotes lifted out of it.

An `authorialNote` stands inside the sentence it annotates. The reader takes it out and remembers
where it stood; the offset must be one in the *final* line, after whitespace has been collapsed,
so the note is first replaced by a sentinel character, the text cleaned, and the sentinels then
removed while counting.

Promises, tested in tests/test_ingest_akn.py:
- `Inline.text` is one clean line (`clean.clean_chars` + `clean.one_line`, no-break spaces become
  spaces, bidirectional marks dropped);
- `text[:ref.at]` is exactly what stood before the note's marker;
- every note's text is in the `Notes` collector under its marker, once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from drafter.ingest.clean import clean_chars, one_line
from drafter.model import FootnoteRef

_NOTE = "\ue000"  # a private-use character: stands for a footnote while spaces are collapsed
# Left-to-right and right-to-left marks slip in after numbers ("6.\u200e\tReaffirms"); they are
# invisible and not whitespace, so one_line would keep them.
_BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Elements that break a line inside running text.
_LINE_BREAKS = {"eol", "br", "eop"}
_LEAD_TRAILING = " ,;:."
# What may stand before an italic lead and still leave it the opening words: a paragraph number
# typed into the text ("26\t", "6.\t") or nothing at all.
_BEFORE_LEAD = re.compile(r"^[\s\u200e\u200f]*(?:\d{1,3}\.?)?[\s\u200e\u200f]*$")


def local_name(element) -> str:
    """The element's name without namespace; "" for comments and processing instructions."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def children(element) -> list:
    return [child for child in element if isinstance(child.tag, str)]


@dataclass
class Notes:
    """The footnotes met so far in one resolution (or one part): marker -> text."""

    texts: dict[str, str] = field(default_factory=dict)

    def add(self, note) -> str:
        marker = (note.get("marker") or "").strip() or str(len(self.texts) + 1)
        text = _note_text(note, self)
        # A marker met twice keeps its first text; the corpus never gives one marker two texts. A note
        # whose text the source lost keeps its marker in the paragraph, but no text.
        if text:
            self.texts.setdefault(marker, text)
        return marker


@dataclass(frozen=True)
class Inline:
    """A line of text and the footnotes that stood in it."""

    text: str
    footnotes: tuple[FootnoteRef, ...] = ()

    def drop_prefix(self, length: int) -> Inline:
        """The line without its first `length` characters and the spaces after them."""
        rest = self.text[length:]
        kept = rest.lstrip()
        shift = len(self.text) - len(kept)
        notes = tuple(replace(ref, at=max(0, ref.at - shift)) for ref in self.footnotes)
        return Inline(kept, notes)

    def strip_leading(self, characters: str) -> Inline:
        """The line without the given characters at its start (".\u00a0Establishment")."""
        return self.drop_prefix(len(self.text) - len(self.text.lstrip(characters)))


def inline(element, notes: Notes, skip: frozenset[str] = frozenset()) -> Inline:
    """The text of `element` as one clean line; its footnotes go to `notes`.

    Child elements named in `skip` (a paragraph's `num`, say) are left out with their text, but
    not the text that follows them.
    """
    pieces: list[str] = []
    markers: list[str] = []
    _gather(element, notes, skip, pieces, markers)
    return _settle("".join(pieces), markers)


def plain(element, notes: Notes | None = None) -> str:
    """The text of `element` as one clean line, footnotes dropped (headings, metadata)."""
    return inline(element, notes if notes is not None else Notes()).text


def _gather(element, notes: Notes, skip, pieces: list[str], markers: list[str]) -> None:
    if element.text:
        pieces.append(element.text.replace(_NOTE, ""))
    for child in element:
        name = local_name(child)
        if name == "authorialNote":
            markers.append(notes.add(child))
            pieces.append(_NOTE)
        elif name in _LINE_BREAKS:
            pieces.append(" ")
        elif name and name not in skip:
            _gather(child, notes, frozenset(), pieces, markers)
        if child.tail:
            pieces.append(child.tail.replace(_NOTE, ""))


def _note_text(note, notes: Notes) -> str:
    # A note's paragraphs are separate blocks: a space between them, never glued words.
    pieces: list[str] = []
    for block in children(note) or [note]:
        pieces.append(inline(block, notes).text)
    return " ".join(piece for piece in pieces if piece)


def _settle(raw: str, markers: list[str]) -> Inline:
    """Clean the text and turn the sentinels into footnote offsets in the cleaned text."""
    if _BIDI.search(raw):
        raw = _BIDI.sub("", raw)
    text = one_line(clean_chars(raw))
    if not markers:
        return Inline(text)
    pieces = text.split(_NOTE)
    out = pieces[0]
    refs: list[FootnoteRef] = []
    for marker, piece in zip(markers, pieces[1:], strict=True):
        # "1994,<note/> in", "1994, <note/> in" and "1994, <note/>in" all read "1994, in" with the
        # marker after the comma: a space before a note belongs after its marker.
        at = len(out.rstrip(" "))
        if piece.startswith(" ") and (not out or out.endswith(" ")):
            piece = piece[1:]
        refs.append(FootnoteRef(marker, at))
        out += piece
    kept = out.rstrip()
    return Inline(kept, tuple(replace(ref, at=min(ref.at, len(kept))) for ref in refs))


# --- the italic lead ------------------------------------------------------------------------

def _is_italic(element) -> bool:
    name = local_name(element)
    return name == "i" or (name == "span" and "italic" in (element.get("class") or "").split())


def italic_lead(block) -> str | None:
    """The italic words that open `block` ("Recalling also"), or None.

    Italic spans that follow one another with nothing but spaces between them are one lead
    ("<span>Recalling</span> <span>also</span>"). Trailing spaces and punctuation are not part of it.
    """
    if not _BEFORE_LEAD.match(block.text or ""):
        return None
    pieces: list[str] = []
    for child in children(block):
        if not _is_italic(child):
            break
        pieces.append(plain(child))
        if (child.tail or "").strip():
            break
        pieces.append(child.tail or "")
    lead = one_line("".join(pieces)).rstrip(_LEAD_TRAILING)
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
