"""How many "facts to confirm" a draft lists, over a sample of the UN corpus.

    python benchmarks/bench_facts.py [--corpus DIR] [--library DIR] [--step N] [--show] [FILE ...]

Every Nth corpus resolution is drafted for the next session from the bundled library (as
`drafter new --session N+1 --base FILE --no-input` drafts it, in-process), and the figures the
draft asks its drafter to confirm are counted: the mean and the largest per draft (or the drafts
of the FILEs given, e.g. 79/144's, which QA found listing 278). A figure to confirm should be one that changes from
session to session (an amount, a count, a percentage, a year of the session's own span), never
fixed wording (a paragraph or article number, COVID-19, a resolution number). Printed, never
asserted. Source of the corpus: the United Nations.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.assemble import questions
from drafter.assemble.run import draft_from
from drafter.ingest import read_resolution
from drafter.library import store

CORPUS = Path("/work/shared/corpus/unga-akn")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--library", type=Path, default=ROOT / "clause_library")
    parser.add_argument("--step", type=int, default=10, help="draft every Nth resolution (default 10)")
    parser.add_argument("--show", action="store_true", help="print every fact of every draft")
    parser.add_argument("files", nargs="*", type=Path, help="draft these instead of a sample")
    args = parser.parse_args()
    library = store.load(args.library)
    counts: dict[str, int] = {}
    for path in args.files or sorted(args.corpus.glob("*/*.xml"))[::args.step]:
        session = read_resolution(path).session
        try:
            facts = questions.facts_to_confirm(draft_from(library, str(path), session + 1))
        except Exception as error:  # noqa: BLE001 (a base drafter cannot draft from is named and skipped)
            print(f"{path.name}: {type(error).__name__}: {error}", file=sys.stderr)
            continue
        counts[path.name] = len(facts)
        if args.show:
            print(path.name, *facts, sep="\n  ")
    values = list(counts.values())
    print(f"{len(values)} drafts: facts to confirm per draft: mean {statistics.mean(values):.1f}, "
          f"median {statistics.median(values):.0f}, most {max(values)} ({max(counts, key=counts.get)}), "
          f"total {sum(values)}")


if __name__ == "__main__":
    main()
