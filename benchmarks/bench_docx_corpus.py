"""drafter's own DOCX over the whole corpus: render each resolution, read it back, compare (issue 12).

The fixtures of bench_inputs.py take 120 resolutions through LibreOffice; this one needs no
LibreOffice, so it takes every corpus file (1,917, about a minute of CPU): the XML's model ->
drafter.render.word -> the DOCX reader -> tools/model_diff.py against the XML's model. It says
whether a rule of the structure reader holds across the corpus, not only on the sample.

    python benchmarks/bench_docx_corpus.py              # every file
    python benchmarks/bench_docx_corpus.py --every 4    # one file in four
    python benchmarks/bench_docx_corpus.py --show 20    # and the differences of up to 20 files

Source of the corpus: the United Nations (DGACM), UNxml/GAresolutions.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import model_diff

from drafter.errors import DrafterError
from drafter.ingest import parse_bytes, read_resolution
from drafter.render.word import render_docx_bytes

CORPUS = ROOT.parent / "shared" / "corpus" / "unga-akn"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--every", type=int, default=1, help="take one file in this many")
    parser.add_argument("--show", type=int, default=0, help="print the differences of this many files")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}; nothing to measure")
        return 0
    exact = total = lost = 0
    aspects: Counter = Counter()
    failures: list[tuple[str, int, list]] = []
    started = time.process_time()
    for path in sorted(CORPUS.glob("*/*.xml"))[::args.every]:
        try:
            model = read_resolution(path)
        except DrafterError:
            continue                       # a file the XML reader refuses has no model to compare
        total += 1
        try:
            again = parse_bytes(render_docx_bytes(model), f"{path.stem}.docx")
            found = model_diff.differences(model, again)
            missing = model_diff.words_lost(model, again)
        except DrafterError as error:
            found, missing = [("read", "", str(error))], sum(model_diff.words(model).values())
        lost += missing
        exact += not found
        aspects.update({aspect for aspect, _, _ in found})
        if found:
            failures.append((str(path.relative_to(CORPUS)), missing, found))
    print(f"{total} resolutions through drafter's DOCX: {exact} exact ({100 * exact / max(total, 1):.1f}%), "
          f"{lost} words lost, {time.process_time() - started:.0f} s of CPU")
    print("failed aspects: " + (", ".join(f"{a} {n}" for a, n in aspects.most_common()) or "none"))
    for name, missing, found in failures[:args.show]:
        print(f"\n{name} ({missing} words lost):")
        for aspect, where, what in found[:4]:
            print(f"  {aspect:14} {where}: {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
