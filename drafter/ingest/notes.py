"""Stage 3 of the text reader: take footnote blocks and page furniture out of the running text.

In a PDF text layer the footnotes of a page sit under a rule in the middle of the text, often in the
middle of a sentence; a word-processor export puts them all after the closing. Either way each note
starts with its marker, markers run 1, 2, 3 ... through the document, and that order is what tells a
note ("12 A/58/98.") from a wrapped line that happens to start with a number ("31 May 1996; the ...").

Promises:
- `separate` returns the body lines with every footnote line, separator and debris line removed, in
  source order, and the notes as `Note`s in marker order;
- a marker printed apart from its text (a bare "8" above the texts of notes 8-14) gets the texts that
  follow, one per sentence-ending line, in order; markers left without a text are kept with text None
  so the caller can warn and still strip the marker from the running text;
- the body resumes at the first line that cannot be part of a note: an indented line, a lower-case
  line after a note that ended its sentence, a numbered paragraph, a running header;
- a page with no separator (a word processor draws the rule as a line, which a text layer loses)
  has its notes found from its foot: the last line on the page opening with the next note's number
  (or holding only that number, its text on the lines below),
  cited higher on the same page, starts a block that runs to the page's end, notes numbered on
  from it and their wrapped lines; so a note never merges into the paragraph that runs across the
  page break, whatever its first word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.ingest.clean import one_line
from drafter.ingest.lines import Line, is_debris, is_separator

# A note's first line: its marker, then a space, or glued to the capital that starts the note
# ("1Report of ...", as a text layer prints a superscript that stood flush against the text).
_NOTE_START = re.compile(r"^(?P<marker>\d{1,3}|\*{1,3})(?:\s+|(?=[A-Z“\"(]))(?P<text>\S.*)$")
_BARE_MARKER = re.compile(r"^(?P<marker>\d{1,3}|\*{1,3})$")
_NUMBERED_PARAGRAPH = re.compile(r"^\d{1,3}\.\s")
# How far a note's marker may run ahead of the one expected: a note whose start we failed to see
# must not derail the rest. Footnotes are numbered through the document, so a gap is rare and small.
_MAX_SKIP = 3


@dataclass
class Note:
    marker: str
    lines: list[str] = field(default_factory=list)
    line: int = 0

    @property
    def text(self) -> str | None:
        return one_line(" ".join(self.lines)) or None


@dataclass
class _State:
    notes: list[Note] = field(default_factory=list)
    pending: list[Note] = field(default_factory=list)   # markers printed apart, waiting for texts
    repeated: Note | None = None                         # a note given a second time, not kept

    def last_number(self) -> int:
        numbers = [int(n.marker) for n in self.notes if n.marker.isdigit()]
        return max(numbers, default=0)

    def plausible(self, marker: str) -> bool:
        if marker.startswith("*"):
            return True
        expected = self.last_number() + 1
        return expected <= int(marker) <= expected + _MAX_SKIP


def separate(lines: list[Line], rules: set[int], in_notes: bool = False,
             earlier: list[Note] | None = None, pages: set[int] = frozenset()) -> tuple[list[Line], list[Note]]:
    """Split `lines` into running text and notes. `rules` are line numbers of space-only rules;
    `in_notes` starts in a note block (the tail after the closing); `earlier` are the notes already
    read, so numbering carries on from them; `pages` are the line numbers that open a page."""
    state = _State(notes=list(earlier or []))
    body: list[Line] = []
    zone = in_notes
    for page in _pages(lines, pages):
        if pages and not in_notes:
            zone = False                  # a new page starts with running text
        foot = None if zone or any(is_separator(ln, ln.number in rules) for ln in page) else _foot(page, state)
        for index, line in enumerate(page):
            if foot is not None and index >= foot:
                _foot_line(line, state)
                continue
            if is_separator(line, line.number in rules):
                zone = True
                continue
            if not line.text:
                continue
            if zone and pages and is_debris(line) and not _BARE_MARKER.match(line.text):
                continue                  # a page number among the notes: the page's end is known
            if zone:
                zone = _note_line(line, state)
                if zone:
                    continue
            if is_debris(line):
                continue
            body.append(line)
    return body, state.notes


def _pages(lines: list[Line], starts: set[int]) -> list[list[Line]]:
    """The lines page by page: a page starts at a form feed (pdftotext prints one at every page);
    a text without them ends a page at its furniture (a job number, a running header, a page
    number), which a text layer prints at every page break. A bare number is never taken for
    furniture here: it may be a note's marker standing on its own line."""
    pages: list[list[Line]] = [[]]
    for line in lines:
        if line.number in starts and pages[-1]:
            pages.append([])
        pages[-1].append(line)
        if not starts and line.text and is_debris(line) and not _BARE_MARKER.match(line.text):
            pages.append([])
    return [page for page in pages if page]


def _foot(page: list[Line], state: _State) -> int | None:
    """Where the notes at the foot of a page without a separator start, or None."""
    expected = str(state.last_number() + 1)
    end = len(page)
    while end and (not page[end - 1].text or is_debris(page[end - 1])):
        end -= 1
    for index in range(end - 1, 0, -1):
        start = _NOTE_START.match(page[index].text) or _BARE_MARKER.match(page[index].text)
        if start and start["marker"] == expected and not _NUMBERED_PARAGRAPH.match(page[index].text):
            cited = re.compile(rf"(?<=[^\W\d_]|[,;:.)”’\"'])\s?{expected}(?=[\s,;:.)]|$)")
            if any(cited.search(line.text) for line in page[:index]):
                return index
    return None


def _foot_line(line: Line, state: _State) -> None:
    """A line of a page's foot notes: a note's first line, a marker printed apart from its text
    (texts follow in marker order, one to each sentence: see `_give_to_pending`), or the wrapped
    line of the note before."""
    if not line.text:
        return
    bare = _BARE_MARKER.match(line.text)
    start = _NOTE_START.match(line.text)
    if bare and state.plausible(bare["marker"]):
        note = Note(bare["marker"], line=line.number)
        state.notes.append(note)
        state.pending.append(note)
    elif start and state.plausible(start["marker"]) and (
            not state.notes or int(start["marker"]) == state.last_number() + 1):
        state.pending.clear()
        state.notes.append(Note(start["marker"], [start["text"]], line=line.number))
    elif is_debris(line):
        return
    elif state.pending:
        _give_to_pending(line, state)
    elif state.notes:
        state.notes[-1].lines.append(line.text)


def _note_line(line: Line, state: _State) -> bool:
    """Consume `line` as part of a note block if it belongs there; False when the body resumes."""
    bare = _BARE_MARKER.match(line.text)
    if bare and state.plausible(bare["marker"]):
        note = Note(bare["marker"], line=line.number)
        state.notes.append(note)
        state.pending.append(note)
        return True
    start = _NOTE_START.match(line.text)
    if start and state.plausible(start["marker"]) and not _NUMBERED_PARAGRAPH.match(line.text):
        state.pending.clear()
        state.repeated = None
        state.notes.append(Note(start["marker"], [start["text"]], line=line.number))
        return True
    if start and _repeats(start, state):
        state.pending.clear()
        state.repeated = Note(start["marker"], [start["text"]], line=line.number)    # read, not kept
        return True
    if is_debris(line):
        # A running header or page number closes the block: the body follows on the next page.
        return False
    if _NUMBERED_PARAGRAPH.match(line.text):
        state.pending.clear()
        return False
    if state.pending:
        if line.text[:1].islower():
            state.pending.clear()
            return False
        _give_to_pending(line, state)
        return True
    last = state.repeated or (state.notes[-1] if state.notes else None)
    if last is not None and _continues_note(line, last):
        last.lines.append(line.text)
        return True
    return False


def _repeats(start: re.Match, state: _State) -> bool:
    """A note given again where it is cited again ("14 A/56/167." twice): the same marker opening
    the same text as a note read before."""
    return any(n.marker == start["marker"] and n.lines and n.lines[0] == start["text"] for n in state.notes)


def _continues_note(line: Line, note: Note) -> bool:
    """A text layer indents the first line of the body after a note block, never a note's own
    wrapped lines; without that cue, a note that ended its sentence is not continued in lower case."""
    if line.indented:
        return False
    finished = bool(note.lines) and note.lines[-1].endswith(".")
    return not (finished and line.text[:1].islower())


def _give_to_pending(line: Line, state: _State) -> None:
    """Texts printed apart from their markers come in marker order; a text ends at a line that ends
    a sentence (notes are citations and always end with a full stop)."""
    note = state.pending[0]
    note.lines.append(line.text)
    if line.text.endswith("."):
        state.pending.pop(0)
