"""Parse speed, run on demand: `python benchmarks/bench_parse.py [CORPUS_DIR]`.

Prints files/s and MB/s for the UN's Akoma Ntoso corpus (default ../shared/corpus/unga-akn), for the
seeds, and for inputs a reader must refuse or survive quickly (a 9 MB text of repeated seeds, 9 MB of
noise). Timings are printed, never asserted: they belong to the machine that ran them.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
        bench_files("AKN corpus", sorted(corpus.glob("*/*.xml")))
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
