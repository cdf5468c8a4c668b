"""Parse speed, run on demand: `python benchmarks/bench_parse.py [CORPUS_DIR]`.

Prints files/s and MB/s for the UN's Akoma Ntoso corpus (default ../shared/corpus/unga-akn; source:
the United Nations), single process, files read into memory first, next to a bare
`lxml.etree.fromstring` loop over the same bytes (the reference: XML parsing alone); then the seeds,
and inputs a reader must refuse or survive quickly (a 9 MB text of repeated seeds, 9 MB of noise).
Timings are printed, never asserted: they belong to the machine that ran them (on a shared machine,
compare the reader with the lxml loop of the same run).
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from drafter.errors import ParseError  # noqa: E402
from drafter.ingest import parse_bytes, read_resolution  # noqa: E402


def bench_files(label: str, paths: list[Path]) -> None:
    size = sum(p.stat().st_size for p in paths)
    failures = 0
    start = time.perf_counter()
    for path in paths:
        try:
            read_resolution(path)
        except ParseError as error:
            failures += 1
            print(f"  failed: {error}")
    seconds = time.perf_counter() - start
    print(f"{label}: {len(paths)} files, {size / 1e6:.1f} MB in {seconds:.2f} s = "
          f"{len(paths) / seconds:.0f} files/s, {size / 1e6 / seconds:.1f} MB/s, {failures} failures")


def bench_corpus(paths: list[Path]) -> None:
    """The AKN reader against lxml alone, on the same bytes in memory."""
    files = [(str(path), path.read_bytes()) for path in paths]
    megabytes = sum(len(data) for _, data in files) / 1e6
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                             remove_comments=True, remove_pis=True)
    start = time.perf_counter()
    for _, data in files:
        etree.fromstring(data, parser)
    bare = time.perf_counter() - start
    start = time.perf_counter()
    for path, data in files:
        parse_bytes(data, path)
    reader = time.perf_counter() - start
    print(f"AKN corpus: {len(files)} files, {megabytes:.1f} MB")
    print(f"  lxml.etree.fromstring alone: {bare:.2f} s = {megabytes / bare:.1f} MB/s")
    print(f"  drafter's AKN reader:        {reader:.2f} s = {len(files) / reader:.0f} files/s, "
          f"{megabytes / reader:.1f} MB/s ({reader / bare:.1f} x lxml alone)")


def bench_blob(label: str, data: bytes) -> None:
    start = time.perf_counter()
    try:
        parse_bytes(data, label)
        outcome = "parsed"
    except ParseError as error:
        outcome = f"refused ({str(error)[:60]}...)"
    seconds = time.perf_counter() - start
    print(f"{label}: {len(data) / 1e6:.1f} MB in {seconds:.2f} s = {seconds / (len(data) / 1e6):.3f} s/MB, {outcome}")


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "unga-akn"
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    bench_files("seeds", seeds * 20)
    if corpus.is_dir():
        bench_corpus(sorted(corpus.glob("*/*.xml")))
    else:
        print(f"(no corpus at {corpus})")
    seed = seeds[1].read_bytes()
    bench_blob("9 MB of repeated 58/208", seed * (9_000_000 // len(seed)))
    rng = random.Random(0)
    words = seed.decode().split()
    noise = " ".join(rng.choice(words) for _ in range(1_400_000)).encode()
    bench_blob("9 MB of shuffled words", noise[:9_000_000])


if __name__ == "__main__":
    main()
