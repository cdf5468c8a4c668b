"""How a model read back from a PDF or DOCX differs from the model it was made from.

Used by tools/make_input_fixtures.py, benchmarks/bench_inputs.py and the input tests. What counts
(issue 12): the number and titles (with a part's further titles), paragraph counts and numbers, leads, texts, sub-paragraphs,
closing words, footnote texts and the places they stand, the adoption, annex texts, and tables:
where they stand, the text of their cells in reading order, and their notes. Footnotes
are compared by the text at each place, not by their marks: Word numbers a document's notes
itself, so a note the source cites twice comes back as two notes with one text. A section's
label and heading are compared as printed: the XML's "A" and "A." both print "A.", and a line
"Article 10" alone is a <num> in one file, a <heading> in another.

Text is compared word by word (whitespace of any kind is one space, a non-breaking hyphen is a
hyphen), since a PDF prints a no-break space as a space. A space after a slash is not compared: a
page cannot show it at a line end (see `_SLASH_SPACE`).

`differences(expected, got)` returns (aspect, where, what) triples, empty for an exact model;
`words_lost(expected, got)` counts the words of `expected` missing from `got`.
"""

from __future__ import annotations

import re
from collections import Counter

ASPECTS = ("title", "paragraphs", "leads", "text", "subparagraphs", "footnotes", "adoption", "sections",
           "annexes", "tables")


# A slash before a space and a word. The corpus has 35 in 25 files (18 in its running text, 5 in
# table cells, 12 in web addresses, whose links have none: traces of where the UN's original broke
# its lines), against some 74,900 slashes set close (7,295 between two letters in the running
# text, 14 in cells). LibreOffice breaks a line after a slash set close as after one before a
# space (78/253's "Category/Level" prints "Category/" over "Level", 75/293's
# "Under-Secretary-General/ Office" the same), so at a line end the page cannot show which it was;
# the PDF reader joins without a space, and the comparison does not count one.
_SLASH_SPACE = re.compile(r"(?<=\S/)\s+(?=\S)")


def norm(text: str | None) -> str | None:
    """Text as compared; an empty text is no text (a note the source lost is written empty)."""
    if not text:
        return None
    return " ".join(_SLASH_SPACE.sub("", text.replace("\u2011", "-")).split())


def _shown(a: str, b: str) -> str:
    """Two values around where they first differ."""
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, at - 60)
    return f"{'…' if start else ''}{a[start:at + 80]!r} != {'…' if start else ''}{b[start:at + 80]!r}"


def _notes_at(item, notes: dict[str, str], refs_name: str = "footnotes") -> list[tuple[int, str | None]]:
    text = item.text if refs_name == "footnotes" else (item.wrap_up or "")
    return [(_word_offset(text, r.at), norm(notes.get(r.marker))) for r in getattr(item, refs_name)]


def _word_offset(text: str, at: int) -> int:
    """An offset as the number of non-space characters before it: spaces may differ, places not."""
    return len(re.sub(r"\s", "", text[:at]))


def _cells(table) -> list[str]:
    """The cells with text, row by row: a page shows no empty cell nor where a span ends."""
    return [norm(cell.text) for row in table.rows for cell in row if norm(cell.text)]


class _Diff:
    def __init__(self, expected_notes: dict[str, str], got_notes: dict[str, str]) -> None:
        self.found: list[tuple[str, str, str]] = []
        self.notes = (expected_notes, got_notes)

    def add(self, aspect: str, where: str, what: str) -> None:
        self.found.append((aspect, where, what))

    def same(self, aspect: str, where: str, a, b) -> bool:
        if a != b:
            self.add(aspect, where, _shown(str(a), str(b)))
            return False
        return True

    def paragraphs(self, where: str, xs, ys) -> None:
        if not self.same("paragraphs", f"{where} count", len(xs), len(ys)):
            return
        for index, (x, y) in enumerate(zip(xs, ys)):
            self.paragraph(f"{where}[{index}]", x, y)

    def paragraph(self, where: str, x, y) -> None:
        self.same("paragraphs", f"{where}.number", getattr(x, "number", None), getattr(y, "number", None))
        self.same("leads", f"{where}.lead", norm(getattr(x, "lead", None)), norm(getattr(y, "lead", None)))
        self.same("text", f"{where}.text", norm(x.text), norm(y.text))
        self.same("footnotes", f"{where}.notes", _notes_at(x, self.notes[0]), _notes_at(y, self.notes[1]))
        self.same("subparagraphs", f"{where}.wrap_up", norm(x.wrap_up), norm(y.wrap_up))
        if x.wrap_up is not None and y.wrap_up is not None:
            self.same("footnotes", f"{where}.wrap_up notes", _notes_at(x, self.notes[0], "wrap_up_footnotes"),
                      _notes_at(y, self.notes[1], "wrap_up_footnotes"))
        self.tables(where, getattr(x, "table", None), getattr(y, "table", None))
        if self.same("subparagraphs", f"{where} sub-paragraph count", len(x.subparagraphs), len(y.subparagraphs)):
            for index, (a, b) in enumerate(zip(x.subparagraphs, y.subparagraphs)):
                self.same("subparagraphs", f"{where}({a.label})", a.label, b.label)
                self.paragraph(f"{where}({a.label})", a, b)

    def tables(self, where: str, x, y) -> None:
        if x is None and y is None:
            return
        cells = lambda t: _cells(t) if t is not None else None
        notes = lambda t: [(n.marker, norm(n.text)) for n in t.notes] if t is not None else None
        self.same("tables", f"{where}.table", cells(x), cells(y))
        self.same("tables", f"{where}.table notes", notes(x), notes(y))

    def holder(self, where: str, x, y) -> None:
        self.paragraphs(f"{where}preamble", x.preamble, y.preamble)
        self.paragraphs(f"{where}operative", x.operative, y.operative)
        if not self.same("sections", f"{where}sections count", len(x.sections), len(y.sections)):
            return
        for index, (a, b) in enumerate(zip(x.sections, y.sections)):
            here = f"{where}section[{index}]."
            self.same("sections", f"{here}label and heading", _printed(a), _printed(b))
            self.holder(here, a, b)


def _printed(section) -> list[str]:
    """A section's label and heading as the page shows them: "A" and "A." print alike ("A."), and
    a line "Article 10" alone is a label or a heading as the XML happens to say."""
    label = section.label.rstrip(".") if section.label else None
    return [text for text in (label, norm(section.heading)) if text]


def differences(expected, got) -> list[tuple[str, str, str]]:
    diff = _Diff(_all_notes(expected), _all_notes(got))
    diff.same("title", "number", expected.number, got.number)
    diff.same("title", "title", norm(expected.title), norm(got.title))
    # A part published alone may print a second title, and a title of its own under its letter (75/290 A, B).
    diff.same("title", "more titles", [norm(t) for t in expected.more_titles], [norm(t) for t in got.more_titles])
    diff.same("title", "part title", norm(expected.part_title), norm(got.part_title))
    diff.same("footnotes", "title notes", [norm(diff.notes[0].get(r.marker)) for r in expected.title_footnotes],
              [norm(diff.notes[1].get(r.marker)) for r in got.title_footnotes])
    diff.same("adoption", "adopted", expected.adopted, got.adopted)
    diff.holder("", expected, got)
    if diff.same("paragraphs", "parts count", len(expected.parts), len(got.parts)):
        for index, (a, b) in enumerate(zip(expected.parts, got.parts)):
            diff.same("title", f"part[{index}].title", norm(a.title), norm(b.title))
            diff.same("adoption", f"part[{index}].adopted", a.adopted, b.adopted)
            diff.holder(f"part[{index}].", a, b)
    if diff.same("annexes", "annex count", len(expected.annexes), len(got.annexes)):
        for index, (a, b) in enumerate(zip(expected.annexes, got.annexes)):
            diff.same("annexes", f"annex[{index}].title", norm(a.title), norm(b.title))
            diff.same("annexes", f"annex[{index}].words", _annex_words(a), _annex_words(b))
    return diff.found


def _all_notes(resolution) -> dict[str, str]:
    notes = dict(resolution.footnotes)
    for part in resolution.parts:
        notes.update(part.footnotes)
    return notes


def _annex_words(annex) -> list[str]:
    words: list[str] = []
    for paragraph in annex.paragraphs:
        if paragraph.number is not None:
            words.append(str(paragraph.number))
        words += (norm(paragraph.text) or "").split()
        if paragraph.table is not None:
            words += _table_words(paragraph.table)
    return words


def _table_words(table) -> list[str]:
    """The words of a table's cells and notes, as compared (`norm`)."""
    return [w for text in (*(c.text for row in table.rows for c in row), *(n.text for n in table.notes))
            for w in (norm(text) or "").split()]


def words(resolution) -> Counter:
    """Every word a reader must keep: title, paragraphs, sub-paragraphs, notes, section labels and
    headings, annexes."""
    out: Counter = Counter()

    def add(text) -> None:
        if text:
            out.update((norm(text) or "").split())

    def paragraph(p) -> None:
        number = getattr(p, "number", None)
        if number is not None:                 # a number is a word the page prints: "1.", "(a)"
            add(f"{number}." if isinstance(number, int) else str(number))
        if getattr(p, "label", None):
            add(f"({p.label})")
        add(p.text)
        add(p.wrap_up)
        if getattr(p, "table", None) is not None:
            out.update(_table_words(p.table))
        for sub in p.subparagraphs:
            paragraph(sub)

    def holder(h) -> None:
        for p in (*h.preamble, *h.operative):
            paragraph(p)
        for section in h.sections:
            for text in _printed(section):    # "Article 10" is a label in one file, a heading in another
                add(text)
            holder(section)

    add(resolution.title)
    for text in (*resolution.more_titles, resolution.part_title):
        add(text)
    holder(resolution)
    for part in resolution.parts:
        add(part.title)
        holder(part)
    for annex in resolution.annexes:
        add(annex.label)
        add(annex.title)
        for p in annex.paragraphs:
            paragraph(p)
    for text in _all_notes(resolution).values():
        add(text)
    return out


def words_lost(expected, got) -> int:
    return sum((words(expected) - words(got)).values())
