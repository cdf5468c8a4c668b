"""Punctuation by position on the whole corpus, run on demand:
`python benchmarks/bench_punctuation.py [CORPUS_DIR] [--every N]`.

Two figures, each over every resolution of the UN's Akoma Ntoso corpus (default
../shared/corpus/unga-akn):
- the rule on adopted resolutions: how many paragraphs `punctuate` would change (source damage,
  and the paragraphs that end otherwise for a reason of their own);
- drafts from themselves: each resolution drafted from itself for its own session, order
  unchanged, and how many endings the draft gives otherwise than the UN did (should be none:
  punctuation rewrites only what position decides; tests/punctuation_check.py).
Prints the counts, the first differences, and the time taken (printed, never asserted).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from punctuation_check import changed_endings, endings

from drafter.assemble.punctuation import punctuate
from drafter.ingest import read_resolution
from drafter.library import store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "unga-akn"))
    parser.add_argument("--every", type=int, default=1, help="take every Nth file (default: all)")
    args = parser.parse_args()
    paths = sorted(Path(args.corpus).glob("*/*.xml"))[::args.every]
    library = store.load(ROOT / "clause_library")
    total = ruled = 0
    drafted: list[str] = []
    start = time.perf_counter()
    for path in paths:
        resolution = read_resolution(path)
        before, after = endings(resolution), endings(punctuate(resolution))
        total += len(before)
        ruled += sum(1 for (_, old), (_, new) in zip(before, after) if old != new)
        drafted += [f"{path.name}: {change}" for change in changed_endings(library, path)]
    seconds = time.perf_counter() - start
    print(f"{len(paths)} resolutions, {total} endings (paragraphs, sub-paragraphs, closing words)")
    print(f"the rule on adopted resolutions: {ruled} endings changed ({100 * ruled / max(total, 1):.2f} %)")
    print(f"drafts from themselves, order unchanged: {len(drafted)} endings changed")
    for line in drafted[:20]:
        print(f"  {line}")
    print(f"{seconds:.1f} s ({1000 * seconds / max(len(paths), 1):.0f} ms a resolution)")


if __name__ == "__main__":
    main()
