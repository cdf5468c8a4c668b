"""Running text of Akoma Ntoso elements: one clean line, with its footnotes and italics lifted out.

An `authorialNote` stands inside the sentence it annotates, and an italic `span` around the words it
sets in italics. The reader takes them out and remembers where they stood; the offsets must be ones
in the *final* line, after whitespace has been collapsed. So `prepare` marks them once in the tree
of a resolution with private-use sentinels (a note becomes NOTE + its marker + END, a run of italics
is opened by ITALIC and closed by ROMAN; the letters a table's cells cite, <sup>a</sup>, become
notes too), and the text of any element is then lxml's own text serialisation, in C, cleaned,
with the sentinels turned into offsets while they are removed (`settle`). Elements read before
`prepare` (the cover page) simply have no sentinels.

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
from typing import NamedTuple

from lxml import etree

from drafter.ingest.clean import _ODD, clean_chars, one_line
from drafter.model import FootnoteRef, Span

# Private-use characters standing for the start and the end of italics, and a note (NOTE marker
# END). `akn.parse_akn` removes them from the source first, so only the reader's own occur. (None
# is U+E000: CPython looks for a character whose low byte is 0 one by one, ten times slower.)
ITALIC, ROMAN, NOTE, END = "\ue001", "\ue002", "\ue003", "\ue004"
SENTINELS = (ITALIC, ROMAN, NOTE, END)
_NOTE_MARK = re.compile("\ue003([^\ue004]*)\ue004")
_BLANK = " \t\n\r\u00a0\ue001\ue002\ue003\ue004"       # what an empty element may still hold
_TWO_SPACES = re.compile("[ \u00a0]{2,}")
_SPACES = " \u00a0"
_TWO_SPACED = ("  ", " \u00a0", "\u00a0 ", "\u00a0\u00a0")
_LEAD_TRAILING = " ,;:."
# What may stand before an italic lead and still leave it the opening words: a paragraph number
# typed into the text ("26\t", "6.\t").
_TYPED_NUMBER = re.compile(r"\d{1,3}(?:\s?\.)?\s?")


class _LocalNames(dict):
    """tag -> the name without its namespace, "" for comments, processing instructions and
    entities (their tag is no string). Cached: a document has a few dozen tags and the reader
    asks a million times."""

    def __missing__(self, tag) -> str:
        name = self[tag] = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        return name


_NAMES = _LocalNames()


def local_name(element) -> str:
    """The element's name without namespace; "" for comments and processing instructions."""
    return _NAMES[element.tag]


def names_of(elements) -> list[str]:
    """`local_name` of each element, in one pass (the reader asks it of every child it meets)."""
    return [_NAMES[element.tag] for element in elements]


# The element children of an element: all its children, once `elements_only` has folded the
# entity references away (the reader's parser drops comments and processing instructions), so
# the builtin itself, which makes the list in C.
children = list


def elements_only(root) -> None:
    """Make every node under `root` an element: an entity reference that a document's own DTD
    declares (the one other kind of node the reader's parser keeps; the UN's files have none)
    becomes its text, as lxml's text serialisation reads it, and the reader's walks need not ask
    each child what it is."""
    for entity in list(root.iter(etree.Entity)):
        words = etree.tostring(entity, method="text", encoding=str, with_tail=False) + (entity.tail or "")
        parent, before = entity.getparent(), entity.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + words
        else:
            parent.text = (parent.text or "") + words
        parent.remove(entity)


def blank(text: str | None) -> bool:
    """Nothing but spaces (and the reader's marks) in `text`."""
    return not text or not text.strip(_BLANK)


@dataclass
class Notes:
    """The footnotes of one resolution (or one part): marker -> text, and their italics."""

    texts: dict[str, str] = field(default_factory=dict)
    italics: dict[str, tuple[Span, ...]] = field(default_factory=dict)

    def add(self, marker: str, text: Inline) -> None:
        # A marker met twice keeps its first text (the corpus never has two); a note whose text
        # the source lost keeps its marker in the paragraph, but no text.
        if text.text and marker not in self.texts:
            self.texts[marker] = text.text
            if text.italics:
                self.italics[marker] = text.italics


def prepare(element, notes: Notes) -> None:
    """Mark notes, italics, line breaks and table letters in the tree under `element` (once per
    element: a second pass would mark them twice), and collect the notes' texts in `notes`.
    Each kind has its own walk: lxml walks and matches names in C, cheaply; what costs is the
    Python object of each element found, and each walk makes only those of its kind."""
    _mark_italics(span for span in element.iter("{*}span") if "italic" in (span.get("class") or ""))
    _mark_italics(element.iter("{*}i", "{*}em"))
    for node in element.iter("{*}eol", "{*}br", "{*}eop"):
        node.text = " "                              # a line break inside running text
    found = list(element.iter("{*}authorialNote"))
    raised = list(element.iter("{*}sup"))
    for sup in raised:
        if _cites_a_table_note(sup, element):
            sup.text = NOTE + sup.text.strip() + END
    for note in found:
        marker = (note.get("marker") or "").strip() or str(len(notes.texts) + 1)
        notes.add(marker, _note_text(note))
        note.clear(keep_tail=True)
        note.text = NOTE + marker + END
    _notes_cited_again(raised, notes)


def _mark_italics(nodes) -> None:
    for node in nodes:
        if len(node):
            node.text = ITALIC + (node.text or "")
            node.tail = ROMAN + (node.tail or "")
        else:                       # words alone (most): closed in its own text, the tail untouched
            node.text = ITALIC + (node.text or "") + ROMAN


def _cites_a_table_note(sup, top) -> bool:
    """A raised letter in a table's cell, or in a note printed under a table (a "FootnoteText"
    paragraph), inside `top`: a letter citing the table's notes. (Raised letters are few: their
    ancestors are looked at, not every paragraph of the document.)"""
    mark = (sup.text or "").strip()
    if not (0 < len(mark) <= 2 and len(sup) == 0 and (mark.isalpha() or mark in ("*", "**"))):
        return False
    for holder in sup.iterancestors():
        name = local_name(holder)
        if name in ("td", "th") or (name == "paragraph" and (holder.get("class") or "").startswith("FootnoteText")):
            return True
        if holder is top:
            return False
    return False


def _notes_cited_again(raised: list, notes: Notes) -> None:
    """A note cited a second time is printed as its raised marker, <sup>2</sup> (78/11, 79/83):
    a reference to that note, as the first citation is, when the document has a note so marked."""
    for sup in raised:
        mark = (sup.text or "").strip()
        if mark in notes.texts and len(sup) == 0:
            sup.text = NOTE + mark + END


def note_marker(element) -> str | None:
    """The marker of a note `prepare` has marked, else None."""
    found = _NOTE_MARK.fullmatch(element.text or "") if local_name(element) == "authorialNote" else None
    return found.group(1) if found else None


class Inline(NamedTuple):
    """A line of text with the footnotes that stood in it and its italic runs (a named tuple: the
    reader makes hundreds of thousands, and a tuple is made fastest)."""

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
# An Inline made from its three fields at once, in C (the named tuple's own constructor is Python
# code, and the reader makes one for each line it reads).
_made = tuple.__new__


def inline(element, skip_num: bool = False) -> Inline:
    """The text of `element` as one clean line, with its notes and italics (the tree prepared:
    `prepare` has collected the notes' texts and left their markers in the tree).

    `skip_num` leaves out the element's own `num` child (a paragraph's number) but not the text
    after it."""
    if skip_num and element.find("{*}num") is not None:
        pieces = [element.text or ""]
        for child in element:
            if local_name(child) != "num":
                pieces.append(_text_of(child))
            pieces.append(child.tail or "")
        return settle("".join(pieces))
    return _settled_line(clean_utf8(_utf8_of(element)))


def _text_of(element) -> str:
    """All the text under `element`, in document order, tail left out (lxml, in C)."""
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _utf8_of(element) -> bytes:
    """`_text_of(element)` as lxml writes it, in UTF-8 (which `clean_utf8` looks at as it is)."""
    return etree.tostring(element, method="text", encoding="utf-8", with_tail=False)


def plain(element) -> str:
    """The text of `element` as one clean line, footnotes dropped (headings, metadata)."""
    if len(element):
        return inline(element).text
    return _line_of(element.text or "")          # words alone (most metadata): no serialising


def num_text(element) -> str:
    """The text of a <num> ("12.", "(a)") as one clean line."""
    text = (element.text or "") if not len(element) else _text_of(element)   # most hold words alone
    line = _NUMBERS.get(text)
    if line is None:
        line = _line_of(text)
        if len(_NUMBERS) < 10_000:
            _NUMBERS[text] = line
    return line


def _line_of(text: str) -> str:
    """Raw text as one clean line, the reader's marks settled and its notes dropped."""
    return settle(text).text if NOTE in text or ITALIC in text else clean_line(text)


# raw <num> text -> its clean line: the same few hundred numbers and labels ("1.", "(a)") come
# back in every resolution. (Bounded: a stream of odd nums cannot grow it without end.)
_NUMBERS: dict[str, str] = {}


def clean_line(raw: str) -> str:
    """`one_line(clean_chars(raw))`, the common case quickly: most lines of the UN's files hold no
    run of spaces inside (only a tab or a newline at their edges), and then trimming is all
    `one_line` would do. The other whitespace `clean_chars` leaves (tested) takes the long way.

    Whether the trimmed line may be kept is asked in one pass: its UTF-8 bytes without printable
    ASCII (most of it, deleted in C) leave its few other characters, where the pattern looks for
    what `clean_chars` changes and the whitespace `one_line` would collapse. (Whitespace `clean_chars`
    changes at the line's edges is trimmed either way.)"""
    kept = raw.strip()
    try:
        rest = kept.encode().translate(None, _PRINTABLE_ASCII)
    except UnicodeEncodeError:                  # a lone surrogate, which clean_chars drops
        return one_line(clean_chars(raw))
    if rest:
        rest = rest.decode()
        if _LONG_WAY.search(rest):
            return one_line(clean_chars(raw))
        if "\u00a0" in rest and (" \u00a0" in kept or "\u00a0 " in kept or "\u00a0\u00a0" in kept):
            return one_line(clean_chars(raw))   # a no-break space that swallows its neighbours
    if "  " in kept:
        return one_line(clean_chars(raw))
    return kept


def clean_utf8(data: bytes) -> str:
    """`clean_line(data.decode())`, asked of the UTF-8 lxml wrote, so that the line is not encoded
    again to be looked at. (Its bytes trimmed of ASCII spaces may keep more than the line trimmed
    of every space: a no-break space at an edge; more characters left to look at only ever send a
    line the long way, which gives the same.)"""
    rest = data.strip().translate(None, _PRINTABLE_ASCII)
    raw = data.decode()
    kept = raw.strip()
    if rest:
        rest = rest.decode()
        if _LONG_WAY.search(rest):
            if _LONG_WAY.search(rest.replace("\t", "").replace("\n", "")):
                return one_line(clean_chars(raw))
            # Only tabs and line breaks (one paragraph in eight: "1.\tDecides", the source's own
            # line wrapping), which clean_chars keeps and one_line makes spaces: so made here, and
            # the line is looked at as if typed with spaces.
            kept = kept.replace("\t", " ").replace("\n", " ")
    if rest and "\u00a0" in rest and (" \u00a0" in kept or "\u00a0 " in kept or "\u00a0\u00a0" in kept):
        return one_line(clean_chars(raw))       # a no-break space that swallows its neighbours
    if "  " in kept:
        return one_line(clean_chars(raw))
    return kept


# Never changed by clean_chars, never collapsed by one_line (but beside another space).
_PRINTABLE_ASCII = bytes(range(32, 127))
# What sends a line the long way: a character clean_chars changes, or whitespace other than a
# space and a no-break space.
_LONG_WAY = re.compile(_ODD.pattern[:-1] + "\t\n\u2007\u1680]")


def _note_text(note) -> Inline:
    # A note's paragraphs are separate blocks: a space between them, never glued words.
    blocks = [inline(block) for block in children(note)] or [inline(note)]
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


def settle(raw: str) -> Inline:
    """Clean the text and turn the sentinels into footnote offsets and italic spans.

    Around sentinels at most one space is kept (a no-break one if the source had one), and it
    stands before the italics a run opens, or else after the notes and italics it closes:
    "report,<note/> which" reads "report,¹ which", "the <i>Official Records</i> of" keeps its
    spaces outside the italics."""
    return _settled_line(clean_line(raw))


def _settled_line(text: str) -> Inline:
    """`settle` of the line once clean."""
    if NOTE not in text:
        if ITALIC not in text:
            return _made(Inline, (text, (), ()))
        one = _one_run(text)
    else:
        one = _lead_and_notes(text)
    return one if one is not None else _settled(text)


def _lead_and_notes(text: str) -> Inline | None:
    """The commonest line with notes (a preambular paragraph citing what it recalls), read
    directly: its italic lead opens it, with no space at its edges, its notes stand after the
    lead, and none has a space before it, so no space moves (`_placed_spaces`) and none is trimmed
    (a figure space neither); None for any other line."""
    if text[:1] != ITALIC:
        return None
    inside, closed, tail = text[1:].partition(ROMAN)
    if (not closed or not inside or inside[0].isspace() or inside[-1].isspace()
            or ITALIC in inside or NOTE in inside or ITALIC in tail or ROMAN in tail):
        return None
    pieces = _NOTE_MARK.split(tail)
    at = len(inside)
    refs = []
    for index in range(1, len(pieces), 2):
        words = pieces[index - 1]
        if words and words[-1].isspace():       # a space before the note: it moves after it
            return None
        at += len(words)
        refs.append(FootnoteRef(pieces[index], at))
    line = inside + "".join(pieces[0::2])
    return _made(Inline, (line, tuple(refs), _lead_run(len(inside))))


def _settled(text: str) -> Inline:
    """`settle` the long way, for any number of notes and runs of italics in the clean `text`."""
    markers = None
    if NOTE in text:
        pieces = _NOTE_MARK.split(text)
        markers = iter(pieces[1::2])
        text = NOTE.join(pieces[0::2])
    text, marks = _placed_spaces(text, _marks_in(text))
    line = text.replace(NOTE, "").replace(ITALIC, "").replace(ROMAN, "")   # (quicker than a pattern)
    kept = line.strip()
    shift = len(line) - len(line.lstrip())          # offsets in the line once trimmed
    end = len(kept)
    refs: list[FootnoteRef] = []
    spans: list[Span] = []
    depth = start = 0
    for count, (place, mark) in enumerate(marks):
        at = min(max(place - count - shift, 0), end)   # where it stands once the marks are gone
        if mark == NOTE:
            refs.append(FootnoteRef(next(markers), at))
        elif mark == ITALIC:
            start = at if depth == 0 else start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and at > start:
                spans.append(Span(start, at))
    return _made(Inline, (kept, tuple(refs), _joined_runs(kept, spans) if len(spans) > 1 else tuple(spans)))


def _marks_in(text: str) -> list[tuple[int, str]]:
    """(offset, mark) of each note and italic mark in `text`, in order. Found by str.find, which
    looks for one character quickly (memchr), not by a pattern, whose search tests a class of
    characters at every character of the line; and not by str.split, which would copy the line
    into pieces to learn only their lengths."""
    found: list[tuple[int, str]] = []
    for mark in (NOTE, ITALIC, ROMAN):
        at = text.find(mark)
        while at >= 0:
            found.append((at, mark))
            at = text.find(mark, at + 1)
    found.sort()
    return found


def _one_run(text: str) -> Inline | None:
    """The commonest line by far (a paragraph with its italic lead and no note), read directly;
    None when it is not that simple."""
    # (partition and `in`, not find from an offset: str.find parses its arguments slowly, and the
    # pieces are wanted anyway.)
    head, _, rest = text.partition(ITALIC)
    inside, closed, tail = rest.partition(ROMAN)
    if not closed or ITALIC in rest or ROMAN in tail:
        return None
    if not head and inside and not inside[0].isspace() and not inside[-1].isspace():
        # The lead opens the line, with no space at its edges (a figure space neither, which
        # the line's trimming takes too): nothing moves.
        return _made(Inline, (inside + tail, (), _lead_run(len(inside))))
    line = head + inside + tail
    # The clean text has no two spaces side by side, so only the marks' places can bring two
    # together: spaces on both sides of a mark take the long way.
    before = head[-1:]
    after = tail[:1]
    if inside:
        if _two_spaces(before, inside[0]) or _two_spaces(inside[-1], after):
            return None
    elif _two_spaces(before, after):
        return None
    start = len(head)
    end = start + len(inside)
    while start < end and line[start] in _SPACES:    # spaces at the run's edges are not italic
        start += 1
    while end > start and line[end - 1] in _SPACES:
        end -= 1
    kept = line.strip()
    shift = len(line) - len(line.lstrip())
    start, end = max(start - shift, 0), min(end - shift, len(kept))
    return Inline(kept, (), (Span(start, end),) if end > start else ())


def _two_spaces(left: str, right: str) -> bool:
    """Two spaces side by side (plain or no-break), which `_placed_spaces` would merge."""
    return left + right in _TWO_SPACED


_LEAD_RUNS: dict[int, tuple[Span, ...]] = {}


def _lead_run(end: int) -> tuple[Span, ...]:
    """The italics of a line that opens with its lead: `(Span(0, end),)`. A Span is a frozen
    dataclass, slow to make, and immutable: one per length serves every such line."""
    run = _LEAD_RUNS.get(end)
    if run is None:
        run = _LEAD_RUNS[end] = (Span(0, end),)
    return run


def _placed_spaces(text: str, marks: list[tuple[int, str]]) -> tuple[str, list[tuple[int, str]]]:
    """Move each space beside a sentinel to its side of it (before an opening italic, after a note or
    a closing italic), then let two spaces that meet become one (a no-break one wins). `marks` are
    `_marks_in(text)`; the text is returned with its own marks."""
    while _misplaced(text, marks):
        for space in (" ", "\u00a0"):
            text = (text.replace(space + NOTE, NOTE + space).replace(space + ROMAN, ROMAN + space)
                    .replace(ITALIC + space, space + ITALIC))
        if _TWO_SPACES.search(text):
            text = _TWO_SPACES.sub(_one_space_of, text)
        marks = _marks_in(text)
    return text, marks


def _misplaced(text: str, marks: list[tuple[int, str]]) -> bool:
    """A space on the wrong side of a mark (`marks`: `_marks_in(text)`)? Only the marks'
    neighbours are looked at, not the whole line."""
    last = len(text) - 1
    for at, mark in marks:
        if mark == ITALIC:
            if at < last and text[at + 1] in _SPACES:
                return True
        elif at and text[at - 1] in _SPACES:
            return True
    return False


def _one_space_of(run: re.Match[str]) -> str:
    return "\u00a0" if "\u00a0" in run.group() else " "


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
