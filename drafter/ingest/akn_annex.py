"""Akoma Ntoso `attachments` -> Annexes: every block of text kept, in order.

An annex is free text (a declaration, rules of procedure, a budget table), so it is not read into
preamble and operative parts: each block becomes one annex paragraph whose `number` is the
numbering it had, written as printed ("1.", "(a)", "I."). One attached `doc` may hold several
annexes ("Annex I", then "Annex II"); a heading reading "Annex ..." starts each. The heading after
it is the annex's title.
"""

from __future__ import annotations

import re

from drafter.ingest.akn_blocks import BODY, HEADING, ITEM, Block, BlockReader
from drafter.ingest.akn_inline import children, local_name, plain
from drafter.model import Annex, Paragraph

_ANNEX_LABEL = re.compile(r"^(?:Annex|ANNEX|Appendix|APPENDIX)(?:\s+[IVXLC\d]+|\s+[A-Z])?$")
_SINGLE_LABEL = re.compile(r"^(?:[IVXLC]+|[A-Z])$")


def read_annexes(attachments, reader: BlockReader) -> list[Annex]:
    annexes: list[Annex] = []
    for doc in attachments.iter("{*}doc"):
        blocks: list[Block] = []
        label = title = None
        for body in children(doc):
            if local_name(body) == "preface" and _preface_only_names(body):
                label, title = _preface(body, reader)
            elif local_name(body) in ("mainBody", "preface", "preamble", "conclusions"):
                blocks.extend(reader.read(body, BODY))
        default = label or (doc.get("name") or "annex").capitalize()
        found = _split(blocks, default)
        if title and found and found[0].title is None:
            found[0] = Annex(found[0].label, title, found[0].paragraphs)
        annexes.extend(found)
    return annexes


def _preface_only_names(preface) -> bool:
    """A preface that holds just the annex's docNumber ("Annex I") and docTitle."""
    names = {local_name(e) for p in children(preface) for e in children(p)}
    return bool(names) and names <= {"docNumber", "docTitle"}


def _preface(preface, reader: BlockReader) -> tuple[str | None, str | None]:
    number = next(preface.iter("{*}docNumber"), None)
    title = next(preface.iter("{*}docTitle"), None)
    return (plain(number) or None if number is not None else None,
            plain(title, reader.notes) or None if title is not None else None)


def _split(blocks: list[Block], default_label: str) -> list[Annex]:
    """Cut the blocks at every "Annex ..." line; what comes before the first is one annex too."""
    groups: list[tuple[str, list[Block]]] = []
    for block in blocks:
        text = _heading_text(block)
        if (block.number is None or block.kind == HEADING) and _ANNEX_LABEL.match(text):
            groups.append((text, []))
            continue
        if not groups:
            groups.append((default_label, []))
        groups[-1][1].append(block)
    return [_annex(label, group) for label, group in groups]


def _annex(label: str, blocks: list[Block]) -> Annex:
    title = None
    if blocks and blocks[0].kind == HEADING and blocks[0].number is None and not blocks[0].inline.footnotes:
        title = blocks[0].inline.text
        blocks = blocks[1:]
    paragraphs = [paragraph for block in blocks for paragraph in _paragraphs(block)]
    return Annex(label=label, title=title or None, paragraphs=tuple(paragraphs))


def _heading_text(block: Block) -> str:
    return " ".join(part for part in (block.number if block.kind == HEADING else None, block.inline.text) if part)


def _paragraphs(block: Block) -> list[Paragraph]:
    """A block and the items under it, each as one annex paragraph."""
    out = [Paragraph(text=block.inline.text, number=_printed_number(block), footnotes=block.inline.footnotes,
                     line=block.line)]
    for item in block.items:
        out.extend(_paragraphs(item))
    return [p for p in out if p.text or p.number]


def _printed_number(block: Block) -> str | None:
    if block.number is None:
        return None
    if block.kind == ITEM:
        return f"({block.number})"
    if block.kind == HEADING and not _SINGLE_LABEL.match(block.number):
        return block.number
    return f"{block.number}."
