"""Akoma Ntoso `table` -> `drafter.model.Table`: rows of cells as the source sets them.

The UN's tables (appropriations, staffing tables, scales of assessment) are `table/tr/(th|td)/p`.
A cell keeps what the printed page shows: its text as one clean line with its footnotes and
italics, whether it is a heading cell (`th`), set in bold, spans columns or rows, and its alignment
(`akn4un:data-justification`; "Both", justified text, is the default and left unsaid).

The letters a cell carries as `<sup>a</sup>` (marked by `akn_inline.prepare`) cite the notes
printed under the table: paragraphs styled "FootnoteText" that follow it ("<sup>a</sup> See
A/78/534."), or unmarked ones ("Note: ...", "Abbreviations: ..."). `akn_outline` gives those notes
to the table they follow; this module reads one (`table_note`), and the notes some tables type as
their last rows.

Promises (tests/test_ingest_akn.py): every word of every cell is in the table once, a cell's
`<sup>` marker becomes a FootnoteRef at its place, and a row with no cell is dropped (nothing to set).
"""

from __future__ import annotations

from drafter.ingest.akn_inline import Notes, blank, children, inline, join, local_name
from drafter.model import Cell, Table, TableNote

_JUSTIFICATION = "{http://un.org/akn4un}data-justification"
_ALIGN = {"Left": "left", "Center": "center", "Right": "right"}


def read_table(element, notes: Notes) -> Table:
    rows = []
    for row in element.iter("{*}tr"):
        cells = tuple(_cell(cell) for cell in children(row) if local_name(cell) in ("td", "th"))
        if cells:
            rows.append(cells)
    return _notes_in_rows(rows, notes)


def _notes_in_rows(rows: list[tuple[Cell, ...]], notes: Notes) -> Table:
    """Notes typed as the table's last rows ("<sup>a</sup> See sect. E." in a cell of its own, 80/226)
    are the table's notes: a row of one cell opening with a letter that another cell cites and
    that is no note of the document. Empty rows among them stay where they are."""
    cited = {ref.marker for row in rows for cell in row for ref in cell.footnotes if ref.at > 0}
    found: list[TableNote] = []
    index = len(rows) - 1
    while index > 0:
        row = rows[index]
        first = row[0].footnotes[0] if len(row) == 1 and len(row[0].footnotes) == 1 else None
        if first is not None and first.at == 0 and first.marker in cited and first.marker not in notes.texts:
            found.insert(0, TableNote(first.marker, row[0].text, row[0].italics))
            del rows[index]
        elif any(cell.text or cell.footnotes for cell in row):
            break
        index -= 1
    return Table(rows=tuple(rows), notes=tuple(found))


def _cell(element) -> Cell:
    paragraphs = [p for p in children(element) if local_name(p) == "p"] or [element]
    lines = [(p, inline(p)) for p in paragraphs]
    line = join([text for _, text in lines if text.text], " ")
    return Cell(text=line.text, footnotes=line.footnotes, italics=line.italics,
                header=local_name(element) == "th",
                bold=bool(line.text) and all(is_bold(p) for p, text in lines if text.text),
                colspan=_span(element.get("colspan")), rowspan=_span(element.get("rowspan")),
                align=_ALIGN.get(element.get(_JUSTIFICATION) or ""))


def _span(value: str | None) -> int:
    return int(value) if value and value.strip().isdigit() and 0 < int(value) < 1000 else 1


def table_note(p, notes: Notes) -> TableNote:
    """A note under a table, with its marker when it opens with one ("<sup>a</sup> See A/78/534.")."""
    line = inline(p)
    first = line.footnotes[0] if line.footnotes else None     # a letter, not a note of the document
    if first is not None and first.at == 0 and first.marker not in notes.texts:
        return TableNote(first.marker, line.text, line.italics)
    return TableNote("", line.text, line.italics)


def is_bold(p) -> bool:
    """Every word of the line is bold: the UN's way of setting a heading or a total in plain text."""
    if not blank(p.text):
        return False
    words = False
    for child in p:                                   # most lines fail at their first child: stop there
        if not bold_run(child):
            return False
        words = words or not blank(child.text) or len(child) > 0
    return words


def bold_run(child) -> bool:
    """A child of a line that is set in bold and has only spaces after it (a line all bold is
    made of such children)."""
    return "bold" in (child.get("class") or "").split() and blank(child.tail)
