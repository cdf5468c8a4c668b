"""The plain-text rendering of a resolution or draft: the document as a reader meets it.

Drawn from the same page layout as the Word document (layout.py), so it has the same structure:
the heading lines, sponsor or adoption lines, title, each part with its formula, section headings,
one paragraph per block (no wrapping, so a draft diffs well line by line), operative paragraphs
opening with their number, sub-paragraphs beneath and indented, tables one row per line, footnote
markers as superscript numbers where they stand, closings, annexes, and the footnotes at the end
under a rule.
"""

from __future__ import annotations

from drafter.model import Resolution
from drafter.render.layout import Block, Note, Page, Text, layout

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Blocks that continue the block above them rather than start a new one.
_CONTINUING = {"sub", "wrap-up", "table-note"}
_JOINED = {("adoption", "report"), ("closing", "closing")}


def render_text(resolution: Resolution) -> str:
    page = layout(resolution)
    notes: list[Note] = []
    blocks = [_heading(page)]
    for block in page.blocks:
        text = _table(block, notes) if block.table is not None else _line(block, notes)
        if block.kind in _CONTINUING or (blocks[-1][0], block.kind) in _JOINED:
            indent = "    " * block.level if block.kind == "sub" else ""
            blocks[-1] = (block.kind, f"{blocks[-1][1]}\n{indent}{text}")
        else:
            blocks.append((block.kind, text))
    out = [text for _, text in blocks]
    if notes:
        out.append("_______________\n" + "\n".join(f"{_mark(n.marker)} {n.text}" for n in notes))
    return "\n\n".join(out) + "\n"


def _heading(page: Page) -> tuple[str, str]:
    m = page.masthead
    lines = [m.symbol, *m.right, *m.left]
    if m.agenda_title:
        lines += m.agenda_title.split("\n")
    return ("masthead", "\n".join(lines))


def _line(block: Block, notes: list[Note]) -> str:
    out = []
    for inline in block.inlines:
        if isinstance(inline, Note):
            notes.append(inline)
            out.append(_mark(inline.marker))
        elif isinstance(inline, Text):
            out.append(inline.text)
    return "".join(out).replace("\t", " ")


def _table(block: Block, notes: list[Note]) -> str:
    rows = []
    for row in block.table.rows:
        cells = [_line(Block("cell", "", cell.inlines), notes) for cell in row if cell.merge != "continue"]
        rows.append(" | ".join(cells))
    return "\n".join(rows)


def _mark(marker: str) -> str:
    return marker.translate(_SUPERSCRIPT)
