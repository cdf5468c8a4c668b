#!/usr/bin/env python3
"""Build drafter/data/widths.json: how wide Times prints each character, roman and bold.

    python tools/build_widths.py [--out PATH]

The advance widths (thousandths of an em) come from the Adobe core-font metrics pdfminer.six
ships (Times-Roman, Times-Bold); Times New Roman and Liberation Serif are metric-compatible with
them for the characters a label holds (digits, letters, punctuation). drafter's DOCX measures a
label with them, to know whether it reaches the tab stop after it (drafter/render/measure.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pdfminer.fontmetrics import FONT_METRICS

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "drafter" / "data" / "widths.json"
FONTS = {"roman": "Times-Roman", "bold": "Times-Bold"}


def widths() -> dict[str, dict[str, int]]:
    out = {}
    for face, name in FONTS.items():
        table = FONT_METRICS[name][1]
        out[face] = {char: table[char] for char in sorted(table) if len(char) == 1}
    return out


def main(argv: list[str]) -> int:
    out = Path(argv[argv.index("--out") + 1]) if "--out" in argv else DEFAULT_OUT
    out.write_text(json.dumps(widths(), indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
