"""Parse speed, run on demand: `python benchmarks/bench_parse.py [CORPUS_DIR] [--repeat N]`.

Prints files/s and MB/s for the UN's Akoma Ntoso corpus (default ../shared/corpus/unga-akn; source:
the United Nations), single process, files read into memory first, next to a bare
`lxml.etree.fromstring` loop over the same bytes (the reference: XML parsing alone), wall and CPU
time, the best of N runs each; then the corpus read as `drafter mine` reads it, in worker processes on
all the machine's cores, each model sent back to the main process or dropped there (wall time);
then the seeds, and inputs a reader must refuse or survive quickly
(a 9 MB text of repeated seeds, 9 MB of noise).
Timings are printed, never asserted: they belong to the machine that ran them (on a shared machine,
compare the reader with the lxml loop of the same run).
"""

from __future__ import annotations

import argparse
import random
import statistics
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


def bench_corpus(paths: list[Path], repeat: int) -> None:
    """The AKN reader against lxml alone, on the same bytes in memory: wall time, and CPU time
    (steadier on a machine others share), the best of `repeat` runs of each. The two loops take
    turns, so that each ratio compares runs made a few seconds apart: on a shared machine the
    same loop can take 30% longer from one minute to the next. One file is read first, so that
    importing the reader is not counted as reading."""
    files = [(str(path), path.read_bytes()) for path in paths]
    megabytes = sum(len(data) for _, data in files) / 1e6
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                             remove_comments=True, remove_pis=True)
    parse_bytes(files[0][1], files[0][0])
    bare_runs, reader_runs = [], []
    for _ in range(repeat):
        bare_runs.append(_timed(lambda: _each(files, lambda data, path: etree.fromstring(data, parser))))
        reader_runs.append(_timed(lambda: _each(files, parse_bytes)))
    bare, reader = _best(bare_runs), _best(reader_runs)
    print(f"AKN corpus: {len(files)} files, {megabytes:.1f} MB, single process, best of {repeat} runs")
    for label, (wall, cpu) in (("lxml.etree.fromstring alone", bare), ("drafter's AKN reader", reader)):
        print(f"  {label:28} {wall:6.2f} s = {megabytes / wall:5.1f} MB/s, {len(files) / wall:4.0f} files/s"
              f"   (CPU {cpu:.2f} s = {megabytes / cpu:.1f} MB/s)")
    ratios = sorted(r[1] / b[1] for b, r in zip(bare_runs, reader_runs))
    print(f"  the reader takes {reader[1] / bare[1]:.1f} x the CPU time of lxml alone (best against best); "
          f"run by run {ratios[0]:.2f}-{ratios[-1]:.2f} x, median {statistics.median(ratios):.2f} x")


def bench_workers(paths: list[Path], repeat: int) -> None:
    """The corpus parsed in `drafter mine`'s worker processes (drafter.library.workers), one job a
    file: the worker reads the file and parses it, and its model is pickled back to this process,
    as a mine's sources come back; and again with each model dropped in the worker, which tells
    the parsing apart from sending models back. Wall time, best of `repeat` runs: the throughput a
    user waits for. (Fewer than 2 cores, or no fork: said, and skipped.)"""
    from drafter.library import workers

    if workers.cores() < 2 or not workers.can_fork():
        print("  (parsing in worker processes: skipped, this machine has one core or cannot fork)")
        return
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    jobs = [str(path) for path in paths]
    count = min(workers.cores(), 8)
    for job, label in ((_parsed, "models sent back"), (_parsed_and_dropped, "models dropped in the workers")):
        runs = []
        for _ in range(repeat):
            start = time.perf_counter()
            with workers.Workers(count) as pool:
                for _model in pool.map(job, jobs):
                    pass
            runs.append(time.perf_counter() - start)
        wall = min(runs)
        print(f"  parsed in drafter mine's {count} worker processes, {label}: "
              f"{wall:.2f} s = {megabytes / wall:.1f} MB/s wall (best of {repeat}; workers started in the time)")


def _parsed(path: str):
    return read_resolution(Path(path))


def _parsed_and_dropped(path: str) -> None:
    read_resolution(Path(path))


def _each(files: list[tuple[str, bytes]], read) -> None:
    for path, data in files:              # each result dropped at once, as a caller would
        read(data, path)


def _best(times: list[tuple[float, float]]) -> tuple[float, float]:
    """The shortest wall time and the shortest CPU time of the runs (others' load only ever adds
    time)."""
    return min(wall for wall, _ in times), min(cpu for _, cpu in times)


def _timed(run) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


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
    parser = argparse.ArgumentParser(description="How fast drafter reads resolutions (figures printed, "
                                                 "never asserted).")
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / "unga-akn",
                        help="a folder of AKN files, read as */*.xml (default: the shared corpus)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs over the corpus, the best one reported (default 3)")
    args = parser.parse_args()
    corpus = args.corpus
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    bench_files("seeds", seeds * 20)
    if corpus.is_dir():
        paths = sorted(corpus.glob("*/*.xml"))
        bench_corpus(paths, max(1, args.repeat))
        bench_workers(paths, max(1, args.repeat))
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
