"""Models built from real UN texts for shapes the readers are still learning: a resolution with
sections (58/208's own paragraphs set out as a budget resolution's sections are, I and II, each
with its preamble and paragraphs numbered from 1, like 78/253), and 78/249's annex table with its
lettered notes, taken straight from the UN's XML. Used by the Word and LibreOffice tests.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

from lxml import etree

from drafter.model import (
    Annex,
    Cell,
    FootnoteRef,
    Paragraph,
    Resolution,
    Section,
    Table,
    TableNote,
)

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def sectioned(resolution: Resolution) -> Resolution:
    first = Section("I", "International migration", preamble=resolution.preamble[:2],
                    operative=resolution.operative[:2])
    second = Section("II", "Development", preamble=resolution.preamble[2:3],
                     operative=tuple(replace(p, number=n) for n, p in enumerate(resolution.operative[2:4], 1)))
    return replace(resolution, preamble=(), operative=(), sections=(first, second))


def table_of(path: Path) -> Table:
    """The first table of a corpus file, cells with their spans, bold and header, and the lettered
    notes printed under it (`<sup>a</sup>` in a cell, a FootnoteText paragraph below)."""
    root = etree.parse(str(path))
    table = next(root.iter(f"{AKN}table"))
    rows = []
    for tr in table.iter(f"{AKN}tr"):
        cells = []
        for tc in tr:
            sup = tc.find(f".//{AKN}sup")
            bare = copy.deepcopy(tc)
            etree.strip_elements(bare, f"{AKN}sup", with_tail=False)
            text = " ".join("".join(bare.itertext()).split())
            # In the UN's tables the letter stands after the cell's text.
            refs = (FootnoteRef(sup.text, len(text)),) if sup is not None else ()
            cells.append(Cell(text, refs, header=tc.tag == f"{AKN}th", colspan=int(tc.get("colspan", 1)),
                              bold=tc.find(f".//{AKN}span[@class='bold']") is not None))
        rows.append(tuple(cells))
    notes = []
    for p in root.iter(f"{AKN}paragraph"):
        sup = p.find(f".//{AKN}sup")
        if p.get("class") == "FootnoteText" and sup is not None:
            text = " ".join("".join(p.itertext()).split())
            notes.append(TableNote(sup.text, text[len(sup.text):].strip()))
    return Table(tuple(rows), tuple(notes))


def with_annex_table(resolution: Resolution, path: Path, title: str) -> Resolution:
    return replace(resolution, annexes=(Annex("Annex", title, (Paragraph(text="", table=table_of(path)),)),))
