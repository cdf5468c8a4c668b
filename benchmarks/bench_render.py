"""Render speed and fidelity on the whole corpus, run on demand:
`python benchmarks/bench_render.py [CORPUS_DIR] [--every N]`.

Reads every resolution of the UN's Akoma Ntoso corpus (default ../shared/corpus/unga-akn), writes
it as DOCX in memory and checks it against its source XML (tests/render_check.py: every word once,
headings as headings, numbering as the source has it). Prints the time of each stage and how many
files pass each check, and the first problems found. Timings are printed, never asserted: they
belong to the machine that ran them.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import docx_text
import render_check

from drafter.ingest import read_resolution
from drafter.render.word import build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "unga-akn"))
    parser.add_argument("--every", type=int, default=1, help="take every Nth file (default: all)")
    args = parser.parse_args()
    paths = sorted(Path(args.corpus).glob("*/*.xml"))[::args.every]
    start = time.process_time()
    resolutions = [read_resolution(path) for path in paths]
    read = time.process_time() - start
    start = time.process_time()
    documents = [build(resolution)[0] for resolution in resolutions]
    rendered = time.process_time() - start
    size = sum(len(d) for d in documents)
    start = time.process_time()
    for document in documents:
        docx_text.read(document)
    reread = time.process_time() - start
    print(f"{len(paths)} files, CPU time: read {read:.1f} s, rendered to DOCX {rendered:.1f} s "
          f"({rendered / len(paths) * 1000:.1f} ms a file, {size / 1e6:.1f} MB), read back {reread:.1f} s")
    start, cpu = time.perf_counter(), time.process_time()
    results = [render_check.check(path) for path in paths]
    print(f"checked in {time.perf_counter() - start:.1f} s, {time.process_time() - cpu:.1f} s of CPU "
          f"(read, render, read back with lxml and python-docx, compare with the source)")
    kinds = Counter(problem.split(":")[0].split(" differs")[0] for r in results for problem in r.problems)
    good = sum(1 for r in results if not r.problems)
    print(f"{good} of {len(paths)} files with every word, heading and number in place; failing: {dict(kinds)}")
    for result in [r for r in results if r.problems][:15]:
        print(f"  {result.path.name}: {'; '.join(result.problems)[:220]}")


if __name__ == "__main__":
    main()
