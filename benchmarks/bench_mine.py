"""Mining at scale, run on demand: `python benchmarks/bench_mine.py [CORPUS_DIR]`.

Mines 25%, 50% and 100% of the UN's Akoma Ntoso corpus (default ../shared/corpus/unga-akn), each in
a fresh process so its peak memory is its own, and prints paragraphs, families, wall seconds of
each phase (reading, which parses and finds the clauses on every core; mining; saving, which writes
the YAML and builds the index), CPU seconds of each phase (its worker processes' included: they
read the sources and write the family files), and the peak memory of the mine, its workers'
included (the sum of their proportional set sizes). CPU seconds are the figures to compare on a
loaded machine. Time close to linear in the corpus is the goal: compare the seconds per 1,000
paragraphs across the three rows.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def one(fraction: float, corpus: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from drafter.library import store
    from drafter.library.api import _uncollected, _workers
    from drafter.library.mine import mine
    from drafter.library.sources import expand, read_sources

    cache = tempfile.TemporaryDirectory()                 # the index goes to a cache of its own,
    os.environ["XDG_CACHE_HOME"] = cache.name             # removed when the run ends
    paths = expand([corpus])
    paths = paths[: max(1, int(len(paths) * fraction))]
    memory = Memory()
    start, cpu_start = time.perf_counter(), _cpu()
    with _workers(len(paths)) as pool, _uncollected(), tempfile.TemporaryDirectory() as folder:  # as `drafter mine`
        resolutions, _ = read_sources(paths, Path(tempfile.gettempdir()) / "lib", pool=pool)
        parsed, cpu_parsed = time.perf_counter(), _cpu_all()
        library, summary = mine(resolutions, None)
        mined, cpu_mined = time.perf_counter(), _cpu_all()
        store.save(library, Path(folder) / "lib", pool)
        saved = time.perf_counter()
    cpu_saved = _cpu()                                    # the workers are reaped: their CPU is counted
    memory.stop()
    cache.cleanup()
    paragraphs = sum(len(clauses) for _, clauses in resolutions)
    return {"fraction": fraction, "files": len(paths), "paragraphs": paragraphs,
            "families": summary.families, "variants": summary.variants,
            "parse_s": parsed - start, "mine_s": mined - parsed, "save_s": saved - mined,
            "parse_cpu": cpu_parsed - cpu_start, "mine_cpu": cpu_mined - cpu_parsed, "save_cpu": cpu_saved - cpu_mined,
            "cpu_s": cpu_saved,
            "peak_mb": memory.peak / 1024}


def _cpu() -> float:
    """CPU seconds of this process and of its reaped children, user and system."""
    return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
               for f in ("ru_utime", "ru_stime"))


def _cpu_all() -> float:
    """`_cpu`, and the CPU seconds so far of the children still running (the mine's workers live
    from its start to its end), read from /proc where there is one."""
    ticks = os.sysconf("SC_CLK_TCK")
    running = 0.0
    for child in _children():
        try:
            fields = Path(f"/proc/{child}/stat").read_text().rpartition(")")[2].split()
            running += (int(fields[11]) + int(fields[12])) / ticks      # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return _cpu() + running


def _children(pid: int | None = None) -> list[int]:
    """The processes `pid` (this one by default) started and that still run."""
    pid = pid or os.getpid()
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _descendants(pid: int) -> list[int]:
    """`pid`'s children, theirs, and so on (`drafter mine` run as a command: its workers are the
    children of the process a benchmark started)."""
    found = _children(pid)
    for child in list(found):
        found += _descendants(child)
    return found


class Memory:
    """The peak of the memory this process and its descendants hold together, in KB: the sum of
    their proportional set sizes (a page two processes share counts half in each), sampled five
    times a second from /proc; where there is none, the largest process's peak resident size.
    `own=False` leaves this process out: only what it starts (`bench_library`'s `drafter mine`,
    whose workers are its children)."""

    def __init__(self, own: bool = True) -> None:
        import threading

        self.peak = 0
        self._own = own
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(0.2):
            me = os.getpid()
            self.peak = max(self.peak, sum(_pss(pid) for pid in ([me] if self._own else []) + _descendants(me)))

    def stop(self) -> None:
        self._done.set()
        self._thread.join()
        if not Path("/proc/self/smaps_rollup").exists():
            whose = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN) if self._own else (resource.RUSAGE_CHILDREN,)
            self.peak = max(resource.getrusage(who).ru_maxrss for who in whose)


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(one(float(sys.argv[2]), Path(sys.argv[3]))))
        return
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "unga-akn"
    print(f"{'share':>6} {'files':>6} {'paragraphs':>10} {'families':>9} {'read s':>7} {'mine s':>7} "
          f"{'save s':>7} {'s/1k para':>9} {'read cpu':>8} {'mine cpu':>8} {'save cpu':>8} {'cpu s':>6} "
          f"{'cpu/1k':>6} {'peak MB':>8}")
    for fraction in (0.25, 0.5, 1.0):
        out = subprocess.run([sys.executable, __file__, "--one", str(fraction), str(corpus)],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        total = row["parse_s"] + row["mine_s"] + row["save_s"]
        print(f"{fraction:>6.0%} {row['files']:>6} {row['paragraphs']:>10} {row['families']:>9} "
              f"{row['parse_s']:>7.1f} {row['mine_s']:>7.1f} {row['save_s']:>7.1f} "
              f"{1000 * total / row['paragraphs']:>9.3f} {row['parse_cpu']:>8.1f} {row['mine_cpu']:>8.1f} "
              f"{row['save_cpu']:>8.1f} {row['cpu_s']:>6.1f} {1000 * row['cpu_s'] / row['paragraphs']:>6.3f} "
              f"{row['peak_mb']:>8.0f}")
    print(f"machine load (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
