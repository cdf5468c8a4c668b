"""Dump every corpus model, to check that a change to a reader left its output as it was.

    python tools/dump_models.py OUT_DIR [CORPUS_DIR]

Writes one file per resolution into OUT_DIR (named after the source file, "75/75_1.xml" ->
"75_75_1.json"): the model's `to_dict()` as JSON with sorted keys, then the warnings the reader
emitted (which `to_dict` leaves out). A file the reader refuses is written as its error message.
Then `diff -r BEFORE AFTER` says whether anything moved. Files are written whole (a temporary
name, then renamed), so an interrupted run never leaves half a dump that passes for one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.errors import ParseError  # noqa: E402
from drafter.ingest import read_resolution  # noqa: E402
from drafter.output import write_atomic  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "unga-akn"


def dump(path: Path) -> str:
    try:
        model = read_resolution(path)
    except ParseError as error:
        return f"ParseError: {error}\n"
    body = json.dumps(model.to_dict(), sort_keys=True, ensure_ascii=False, indent=1)
    return body + "\nwarnings:\n" + "".join(f"  {warning}\n" for warning in model.warnings)


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: python tools/dump_models.py OUT_DIR [CORPUS_DIR]")
    out = Path(sys.argv[1])
    corpus = Path(sys.argv[2]) if len(sys.argv) == 3 else CORPUS
    out.mkdir(parents=True, exist_ok=True)
    paths = sorted(corpus.glob("*/*.xml")) + sorted((ROOT / "seeds").glob("*.txt"))
    for path in paths:
        name = "_".join(path.relative_to(path.parent.parent).with_suffix(".json").parts)
        write_atomic(out / name, dump(path), force=True)
    print(f"{len(paths)} models written to {out}")


if __name__ == "__main__":
    main()
