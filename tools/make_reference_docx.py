"""Build templates/reference.docx: the styles a drafter document is made with.

Run from the project root: `python tools/make_reference_docx.py`. The output is committed; the
renderer adds the same styles to a user's own reference document when it lacks them, so both use
`drafter.render.styles`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402

from drafter.render.styles import ensure_styles, set_page  # noqa: E402
from drafter.render.word import deterministic_bytes  # noqa: E402


def main() -> None:
    document = Document()
    ensure_styles(document)
    set_page(document, "A4")
    # The default template's single empty paragraph stays: a reference document is styles only.
    target = ROOT / "templates" / "reference.docx"
    target.write_bytes(deterministic_bytes(document))
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
