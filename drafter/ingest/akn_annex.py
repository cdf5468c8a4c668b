"""Akoma Ntoso `attachments` -> Annexes: every block of text kept, in order.

An annex is free text (a declaration, rules of procedure, a budget table), so it is not read into
preamble and operative parts: each block becomes one annex paragraph whose `number` is the
numbering it had, written as printed ("1.", "(a)", "I."); headings are paragraphs styled
"heading", tables paragraphs holding the table (with the notes printed under it). One attached
`doc` may hold several annexes ("Annex I", then "Annex II"); a heading reading "Annex ..." starts
each, and the heading after it is the annex's title. An annex's `preface` (docNumber "Annex",
docTitle), where the file has one, gives its label and title.
"""

from __future__ import annotations

import re
from dataclasses import replace

from drafter.ingest.akn_blocks import (
    BODY,
    HEADING,
    ITEM,
    TABLE,
    TABLE_NOTE,
    Block,
    BlockReader,
)
from drafter.ingest.akn_inline import EMPTY, Inline, children, inline, local_name
from drafter.ingest.akn_outline import merge_headings
from drafter.model import Annex, Paragraph

_ANNEX_LABEL = re.compile(r"^(?:Annex|ANNEX|Appendix|APPENDIX)(?:\s+[IVXLC\d]+|\s+[A-Z])?$")


def read_annexes(attachments, reader: BlockReader) -> list[Annex]:
    annexes: list[Annex] = []
    for doc in attachments.iter("{*}doc"):
        blocks: list[Block] = []
        label, title = None, EMPTY
        for body in children(doc):
            if local_name(body) == "preface" and _preface_only_names(body):
                label, title = _preface(body)
            elif local_name(body) in ("mainBody", "preface", "preamble", "conclusions"):
                blocks.extend(reader.read(body, BODY))
        # No label in the preface or the text: the reader prints the one the UN prints ("Annex"),
        # and says so (Resolution.supplied).
        annexes.extend(_split(blocks, label or (doc.get("name") or "annex").capitalize(), title,
                              None if label else reader.supplied))
    return annexes


def _preface_only_names(preface) -> bool:
    """A preface that holds just the annex's docNumber ("Annex I") and docTitle."""
    names = {local_name(e) for p in children(preface) for e in children(p)}
    return bool(names) and names <= {"docNumber", "docTitle"}


def _preface(preface) -> tuple[str | None, Inline]:
    number = next(preface.iter("{*}docNumber"), None)
    title = next(preface.iter("{*}docTitle"), None)
    label = inline(number).text or None if number is not None else None
    return label, inline(title) if title is not None else EMPTY


def _split(blocks: list[Block], default_label: str, title: Inline, supplied: list[str] | None = None) -> list[Annex]:
    """Cut the blocks at every "Annex ..." line; what comes before the first is one annex too,
    with the title the preface gives, if any."""
    groups: list[tuple[str, list[Block]]] = []
    for block in blocks:
        text = _heading_text(block)
        if (block.number is None or block.kind == HEADING) and _ANNEX_LABEL.match(text):
            groups.append((text, []))
            continue
        if not groups:
            groups.append((default_label, []))
            if supplied is not None:
                supplied.append(default_label)
        groups[-1][1].append(block)
    return [_annex(label, group, title if index == 0 else EMPTY) for index, (label, group) in enumerate(groups)]


def _annex(label: str, blocks: list[Block], title: Inline) -> Annex:
    blocks = merge_headings(blocks)         # "Chapter I" then "General provisions": one heading
    if not title.text and blocks and blocks[0].kind == HEADING and blocks[0].number is None:
        title, blocks = blocks[0].inline, blocks[1:]
    paragraphs: list[Paragraph] = []
    for block in blocks:
        _add(paragraphs, block)
    return Annex(label=label, title=title.text or None, paragraphs=tuple(paragraphs),
                 title_footnotes=title.footnotes)


def _add(paragraphs: list[Paragraph], block: Block) -> None:
    """A block and the items under it, each as one annex paragraph; a table goes with the
    paragraph that introduces it ("... as follows:"), its notes with the table."""
    last = paragraphs[-1] if paragraphs else None
    if block.kind == TABLE_NOTE and last is not None and last.table is not None:
        paragraphs[-1] = replace(last, table=replace(last.table, notes=last.table.notes + (block.note,)))
        return
    if block.kind == TABLE:
        if last is not None and last.table is None and last.style is None and last.text.endswith(":"):
            paragraphs[-1] = replace(last, table=block.table)
        else:
            paragraphs.append(Paragraph(text="", line=block.line, table=block.table))
        return
    line = block.inline
    if line.text or block.number:
        paragraphs.append(Paragraph(text=line.text, number=_printed_number(block), footnotes=line.footnotes,
                                    line=block.line, italics=line.italics,
                                    style="heading" if block.kind == HEADING else None))
    for item in block.items:
        _add(paragraphs, item)


def _heading_text(block: Block) -> str:
    return " ".join(part for part in (block.number if block.kind == HEADING else None, block.inline.text) if part)


def _printed_number(block: Block) -> str | None:
    if block.number is None:
        return None
    if block.kind == ITEM:
        return f"({block.number})" if block.number[-1:].isalnum() else block.number
    if block.kind == HEADING:
        return block.number                        # as printed: "I.", "Chapter II", "A"
    return f"{block.number}."
