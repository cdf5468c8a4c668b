"""Whole commands on a library of the whole General Assembly, beside the bundled one.

    python benchmarks/bench_library.py [--corpus DIR] [--big DIR] [--runs N] [--bundled-only]

Mines the UN's Akoma Ntoso corpus (default ../shared/corpus/unga-akn) into a temporary library
(or uses --big DIR, mined already; --bundled-only skips it), then times each command as a user
runs it, a fresh process each time, N runs after one warm-up, hyperfine-style: median, min and
max of the wall time and the median CPU time, with a bare `python -c "import docx"` as the
reference the start-up target is measured against. Prints one table, the targets of issue 8
beside the figures, and the machine's load (the machine is shared: compare figures taken at a low
load, or the CPU seconds).

Every process, drafter's and the reference's alike, runs as on a user's machine after its first
run: the warm-up leaves what a first run leaves (the index and the parsed sources in drafter's
cache, and the bytecode of every module imported, drafter's and the libraries', in a
PYTHONPYCACHEPREFIX of our own, with PYTHONDONTWRITEBYTECODE unset: a machine that sets it would
otherwise compile drafter from source on every run, which no installed drafter does).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENT: dict[str, str] = {}             # set by main: user_environment
BUNDLED = ROOT / "clause_library"
DRAFTER = [sys.executable, "-m", "drafter"]
BASE_NUMBER = "79/167"                       # the example of a base by number
BASE_FILE = "78/A_RES_78_190-2326049E.xml"   # 94 paragraphs: the issue's ~100-paragraph base


CPU: list[float] = []                        # CPU seconds (user + system) of each run, beside its wall time


def user_environment(work: Path) -> dict[str, str]:
    """The environment of every timed process: a cache of its own (indexes and parsed sources
    built fresh by the warm-up), and bytecode written and read as an installed Python does."""
    environment = dict(os.environ, XDG_CACHE_HOME=str(work / "cache"), PYTHONPYCACHEPREFIX=str(work / "bytecode"))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def run(command: list[str], cwd: Path) -> float:
    """Wall seconds of one process; its CPU seconds go to CPU. On a shared machine the wall time
    grows with the load; the CPU time much less: for a one-process command it is what the wall
    time is on a quiet machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=ENVIRONMENT)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr.strip()}")
    return elapsed


def timed(command: list[str], cwd: Path, runs: int) -> tuple[list[float], float]:
    """Wall seconds of `runs` runs after a warm-up (which builds the index and the bytecode), and
    their median CPU seconds."""
    run(command, cwd)
    walls = [run(command, cwd) for _ in range(runs)]
    return walls, statistics.median(CPU[-runs:])


def paired(reference: list[str], command: list[str], cwd: Path, runs: int) -> dict[str, float]:
    """The reference and the command run in turn, `runs` times each after a warm-up of each, so
    that a load that comes and goes weighs on both alike: the median wall and CPU seconds of
    each, and the median of the ratios of the CPU seconds of each pair."""
    run(reference, cwd)
    run(command, cwd)
    pairs = []
    for _ in range(runs):
        reference_wall = run(reference, cwd)
        command_wall = run(command, cwd)
        pairs.append((reference_wall, CPU[-2], command_wall, CPU[-1]))
    columns = list(zip(*pairs))
    return {"reference wall": statistics.median(columns[0]), "reference cpu": statistics.median(columns[1]),
            "wall": statistics.median(columns[2]), "cpu": statistics.median(columns[3]),
            "cpu ratio": statistics.median(c / r for _, r, _, c in pairs),
            "wall ratio": statistics.median(c / r for r, _, c, _ in pairs)}


def first_byte(command: list[str], cwd: Path) -> tuple[float, float]:
    """Seconds to the first byte of output and to the end: a streamed listing starts at once."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=ENVIRONMENT)
    process.stdout.read(1)
    first = time.perf_counter() - start
    for _ in iter(lambda: process.stdout.read(1 << 16), b""):
        pass
    process.wait()
    return first, time.perf_counter() - start


def mine_corpus(corpus: Path, big: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of `drafter mine CORPUS --library BIG` (a fresh
    library), over all its processes: the peak is the summed PSS of the mine and its workers
    (`bench_mine.Memory` of the processes this one starts), what the ≤ 700 MB target is about; the
    largest process's peak alone, which `ru_maxrss` gives, leaves the workers out."""
    from bench_mine import Memory

    memory = Memory(own=False)
    seconds = run([*DRAFTER, "mine", str(corpus), "--library", str(big), "--rebuild"], ROOT)
    memory.stop()
    return seconds, CPU[-1], memory.peak / 1024


def start_up_command(library: Path, work: Path) -> list[str]:
    """The start-up target's command: a draft made again from its answers, to DOCX (the answers
    written by a first `new`)."""
    lib = ["--library", str(library)]
    subprocess.run([*DRAFTER, "new", "--session", "60", "--base", "58/208", *lib, "--no-input",
                    "-o", str(work / "draft.docx"), "--force"], cwd=ROOT, check=True, capture_output=True,
                   env=ENVIRONMENT)
    return [*DRAFTER, "new", "--session", "60", "--base", "58/208", *lib, "--answers",
            str(work / "draft.docx.answers.yaml"), "--no-input", "-o", str(work / "again.docx"), "--force"]


def rows_for(library: Path, corpus: Path, work: Path, runs: int, bundled: bool) -> list[tuple]:
    lib = ["--library", str(library)]
    out = work / "out"
    base, session = ("58/208", "60") if bundled else (BASE_NUMBER, "80")
    commands = [
        ("library check", [*DRAFTER, "library", "check", str(library)], "0 problems"),
        (f"new --base {base} --no-input --format text",
         [*DRAFTER, "new", "--session", session, "--base", base, *lib, "--no-input", "--format", "text",
          "-o", str(out) + ".txt", "--force"], "<= 1 s"),
        ("new --base FILE (94 paragraphs) --no-input",
         [*DRAFTER, "new", "--session", "79", "--base", str(corpus / BASE_FILE), *lib, "--no-input",
          "--format", "text", "-o", str(out) + "-file.txt", "--force"], "<= 2 s"),
        ("clauses search remittances", [*DRAFTER, "clauses", "search", "remittances", *lib], "<= 0.3 s"),
    ]
    if bundled:
        commands.append(("new --answers FILE --no-input (DOCX)", start_up_command(library, work), "<= 2x import docx"))
    rows = []
    for name, command, target in commands:
        times, cpu = timed(command, ROOT, runs)
        rows.append((name, library.name if bundled else "corpus", times, cpu, target))
    first, total = first_byte([*DRAFTER, "clauses", "list", "--json", *lib], ROOT)
    rows.append((f"clauses list --json (first byte {first:.2f} s)", library.name if bundled else "corpus",
                 [total], float("nan"), "streams"))
    return rows


def main() -> None:
    global ENVIRONMENT
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "unga-akn")
    parser.add_argument("--big", type=Path, help="a library mined from the corpus already")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundled-only", action="store_true", help="time the bundled library only (no corpus)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        ENVIRONMENT = user_environment(work)
        load_before = os.getloadavg()
        reference, reference_cpu = timed([sys.executable, "-c", "import docx"], ROOT, args.runs)
        rows = [("python -c 'import docx' (reference)", "-", reference, reference_cpu, "")]
        rows += rows_for(BUNDLED, args.corpus, work, args.runs, bundled=True)
        start_up = paired([sys.executable, "-c", "import docx"], start_up_command(BUNDLED, work), ROOT, args.runs)
        mined = problems = None
        if not args.bundled_only:
            big = args.big
            if big is None:
                big = work / "big"
                mined = mine_corpus(args.corpus, big)
            rows += rows_for(big, args.corpus, work, args.runs, bundled=False)
            problems = subprocess.run([*DRAFTER, "library", "check", str(big)], capture_output=True, text=True,
                                      env=ENVIRONMENT)
        load_after = os.getloadavg()
    print_table(rows, reference, reference_cpu)
    if mined:
        print(f"\nmine the whole corpus: {mined[0]:.1f} s wall, {mined[1]:.1f} s CPU over all its processes, "
              f"peak {mined[2]:.0f} MB summed over them (target: <= 30 s, <= 700 MB on 2 cores)")
    if problems:
        print(f"library check of the corpus library: {problems.stdout.strip().splitlines()[-1]} "
              f"(exit {problems.returncode})")
    print_start_up(start_up, args.runs)
    print(f"machine load (1, 5, 15 min) before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
          f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; {os.cpu_count()} cores")


def print_table(rows: list[tuple], reference: list[float], reference_cpu: float) -> None:
    print(f"{'command':<52} {'library':<15} {'runs':>4} {'median s':>8} {'min s':>6} {'max s':>6} "
          f"{'x docx':>6} {'cpu s':>6} {'x docx':>6}  target")
    docx = statistics.median(reference)
    for name, library, times, cpu, target in rows:
        median = statistics.median(times)
        print(f"{name:<52} {library:<15} {len(times):>4} {median:>8.3f} {min(times):>6.3f} {max(times):>6.3f} "
              f"{median / docx:>6.1f} {cpu:>6.3f} {cpu / reference_cpu:>6.1f}  {target}")


def print_start_up(figures: dict[str, float], runs: int) -> None:
    """The start-up target in one line, with how both sides were taken."""
    print(f"\nstart-up to DOCX (bundled library, `new --answers FILE --no-input`): {figures['wall']:.3f} s wall, "
          f"{figures['cpu']:.3f} s CPU, against `python -c \"import docx\"` {figures['reference wall']:.3f} s wall, "
          f"{figures['reference cpu']:.3f} s CPU: {figures['wall ratio']:.2f}x wall, {figures['cpu ratio']:.2f}x CPU "
          f"(target <= 2x).\n"
          f"  Medians of {runs} pairs of fresh processes, the two run in turn after a warm-up run of each; "
          f"both with bytecode (PYTHONPYCACHEPREFIX in a temporary folder, PYTHONDONTWRITEBYTECODE unset) and "
          f"drafter's cache warm, as after a user's first run. The ratios are medians of each pair's.")


if __name__ == "__main__":
    main()
