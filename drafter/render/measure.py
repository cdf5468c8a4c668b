"""How wide a label prints, and where the text after its tab must start for the two to stand apart.

A tab moves to the next stop after the label; a label that reaches the stop (or ends a hair before
it) is printed run together with what follows ("Income section 2General income", "158." a
half-point from its text at 1,800 twips). The UN's labels are short, but a budget's "Income section
2" or an annex's "Chapter VII" is wider than a heading's 1.27 cm hang, and a three-digit number
nearly fills its 0.25 in: the text then starts at the first stop that leaves GAP clear.

Widths are Times's (drafter/data/widths.json, tools/build_widths.py), in thousandths of an em; a
character the table lacks counts as a wide one, so a gap is never under-measured.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

GAP = 60                 # twips (3 pt, a space and a little more): the least clear room after a label
STEP = 360               # the body's tab stops stand every 0.25 in
_WIDE = 1000


@cache
def _widths() -> dict[str, dict[str, int]]:
    return json.loads(resources.files("drafter.data").joinpath("widths.json").read_text("utf-8"))


def width(text: str, size: float = 10, bold: bool = False) -> int:
    """The printed width of `text` in twips, at `size` points."""
    table = _widths()["bold" if bold else "roman"]
    return round(sum(table.get(char, _WIDE) for char in text) * size * 20 / 1000)


def text_stop(start: int, label: str, stop: int, size: float = 10, bold: bool = False) -> int:
    """Where the text after `label` (set from `start`) begins: `stop`, or the first step beyond it
    that leaves GAP clear of the label."""
    end = start + width(label, size, bold) + GAP
    while stop < end:
        stop += STEP
    return stop
