"""The redline over the whole corpus, run on demand: every resolution drafted for the next session
(bundled library, no questions), written against its base as Word tracked changes, then read back.

    python benchmarks/bench_redline.py              # every file, on every core
    python benchmarks/bench_redline.py --every 8    # one file in eight
    python benchmarks/bench_redline.py --show 10    # and the files whose redline is not exact

For each redline it checks what a reviewer relies on: accepting every change gives the draft and
rejecting every change gives the base, text and notes (tests/docx_text.py reads the tracked DOCX as
a word processor shows it). And it counts what the reviewer has to read: revision marks (w:ins
and w:del), paragraphs added or removed whole, paragraphs set anew (w:pPrChange), and the words
shown deleted and inserted. Fewer marks for the same draft is a redline that reads better.

Source of the corpus: the United Nations (DGACM), UNxml/GAresolutions.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
import zipfile
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import docx_text  # noqa: E402
from lxml import etree  # noqa: E402

from drafter.errors import DrafterError  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "unga-akn"
W = docx_text.W


def measure(path: Path) -> tuple[str, Counter, str | None]:
    """(file, counts, what went wrong or None) for the redline of one corpus resolution."""
    from drafter.assemble.compose import to_resolution
    from drafter.assemble.run import base_resolution, new_draft
    from drafter.ingest import read_resolution
    from drafter.render.word import build

    name = str(path.relative_to(CORPUS))
    try:
        session = read_resolution(path).session
        if session is None:
            return name, Counter(skipped=1), "not drafted: no session"
        draft, _ = new_draft(ROOT / "clause_library", str(path), session + 1, answers_path=None, choose=None)
        clean, base = to_resolution(draft), base_resolution(draft)
        tracked = build(clean, base=base)[0]
        accepted = _flat(docx_text.read(tracked, "accept")) == _flat(docx_text.read(build(clean)[0]))
        rejected = _flat(docx_text.read(tracked, "reject")) == _flat(docx_text.read(build(base)[0]))
    except DrafterError as error:
        return name, Counter(skipped=1), f"not drafted: {error}"
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(tracked)).read("word/document.xml"))
    counts = Counter(
        redlines=1,
        marks=sum(1 for _ in body.iter(f"{W}ins", f"{W}del")),
        removed_whole=len(body.findall(f".//{W}pPr/{W}rPr/{W}del")),
        added_whole=len(body.findall(f".//{W}pPr/{W}rPr/{W}ins")),
        set_anew=len(body.findall(f".//{W}pPrChange")),
        words_deleted=sum(len((t.text or "").split()) for t in body.iter(f"{W}delText")),
        words_inserted=sum(len((t.text or "").split()) for i in body.iter(f"{W}ins") for t in i.iter(f"{W}t")),
        accept_exact=accepted, reject_exact=rejected)
    problem = None if accepted and rejected else ("accept" if not accepted else "reject") + " differs"
    return name, counts, problem


def _flat(document: docx_text.Document) -> list[str]:
    return [t for t in document.texts() if t] + list(document.notes.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--every", type=int, default=1, help="take one file in this many")
    parser.add_argument("--show", type=int, default=0, help="name up to this many files that are not exact")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}; nothing to measure")
        return 0
    paths = sorted(CORPUS.glob("*/*.xml"))[::args.every]
    started = time.perf_counter()
    total: Counter = Counter()
    problems: list[tuple[str, str]] = []
    with Pool(os.cpu_count() or 1) as pool:
        for name, counts, problem in pool.imap_unordered(measure, paths, chunksize=8):
            total.update(counts)
            if problem:
                problems.append((name, problem))
    done = total["redlines"]
    print(f"{done} redlines ({total['skipped']} files not drafted) in {time.perf_counter() - started:.0f} s "
          f"on {os.cpu_count()} cores")
    print(f"accept all gives the draft: {total['accept_exact']} of {done}; "
          f"reject all gives the base: {total['reject_exact']} of {done}")
    for key in ("marks", "removed_whole", "added_whole", "set_anew", "words_deleted", "words_inserted"):
        print(f"  {key.replace('_', ' '):16} {total[key]:>9,}  ({total[key] / max(done, 1):.1f} a redline)")
    for name, problem in sorted(problems)[:args.show]:
        print(f"  {name}: {problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
