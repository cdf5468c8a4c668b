"""The redline over the whole corpus, run on demand: every resolution drafted for the next session
(bundled library, no questions), written against its base as Word tracked changes, then read back.

    python benchmarks/bench_redline.py              # every file, on every core
    python benchmarks/bench_redline.py --every 8    # one file in eight
    python benchmarks/bench_redline.py --show 10    # and the files whose redline is not exact
    python benchmarks/bench_redline.py --libreoffice 40   # and 40 of them through LibreOffice

For each redline it checks what a reviewer relies on: accepting every change gives the draft and
rejecting every change gives the base, text and notes (tests/docx_text.py reads the tracked DOCX as
a word processor shows it). And it counts what the reviewer has to read: revision marks (w:ins
and w:del), paragraphs added or removed whole, paragraphs set anew (w:pPrChange), and the words
shown deleted and inserted. Fewer marks for the same draft is a redline that reads better.
With --libreoffice N, N redlines spread over the corpus also go through LibreOffice's own Accept
All and Reject All (tests/lo_uno.py, run by the system's Python with LibreOffice's bridge), which
must give what LibreOffice shows of the draft and of the base: every paragraph with its style,
its indents and space above, and every note.

Source of the corpus: the United Nations (DGACM), UNxml/GAresolutions.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
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
    name = str(path.relative_to(CORPUS))
    try:
        made = documents(path)
    except DrafterError as error:
        return name, Counter(skipped=1), f"not drafted: {error}"
    if not made:
        return name, Counter(skipped=1), "not drafted: no session"
    tracked = made["red"]
    accepted = docx_text.read(tracked, "accept").words_and_notes() == docx_text.read(made["draft"]).words_and_notes()
    rejected = docx_text.read(tracked, "reject").words_and_notes() == docx_text.read(made["base"]).words_and_notes()
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


def documents(path: Path) -> dict[str, bytes]:
    """The redline of one corpus resolution, and the draft and base it was written from, as DOCX
    (none for a resolution that is not drafted: no session)."""
    from drafter.assemble.compose import to_resolution
    from drafter.assemble.run import base_resolution, new_draft
    from drafter.ingest import read_resolution
    from drafter.render.word import build

    session = read_resolution(path).session
    if session is None:
        return {}
    draft, _ = new_draft(ROOT / "clause_library", str(path), session + 1, answers_path=None, choose=None)
    clean, base = to_resolution(draft), base_resolution(draft)
    return {"red": build(clean, base=base)[0], "draft": build(clean)[0], "base": build(base)[0]}


def through_libreoffice(paths: list[Path]) -> tuple[int, int, int, list[str]]:
    """(redlines checked, accepted as the draft, rejected as the base, files where LibreOffice
    disagrees)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice is not installed: no LibreOffice check")
        return 0, 0, 0, []
    with tempfile.TemporaryDirectory() as folder:
        jobs, names = [], {}
        for index, path in enumerate(paths):
            made = documents(path)
            if made:
                names[str(index)] = str(path.relative_to(CORPUS))
            for kind, data in made.items():
                file = Path(folder) / f"{index}-{kind}.docx"
                file.write_bytes(data)
                actions = ["accept", "reject"] if kind == "red" else ["open"]
                jobs += [[str(file), action] for action in actions]
        (Path(folder) / "jobs.json").write_text(json.dumps(jobs))
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        subprocess.run(["/usr/bin/python3", str(ROOT / "tests" / "lo_uno.py"), soffice, str(Path(folder) / "profile"),
                        str(Path(folder) / "jobs.json"), str(Path(folder) / "out.json")],
                       check=True, env=env, timeout=3600)
        shown = {(Path(r["path"]).stem, r["action"]): r
                 for r in json.loads((Path(folder) / "out.json").read_text(encoding="utf-8"))}
    accepted = rejected = 0
    disagree = []
    for index, name in names.items():
        ok_accept = _shown(shown[(f"{index}-red", "accept")]) == _shown(shown[(f"{index}-draft", "open")])
        ok_reject = _shown(shown[(f"{index}-red", "reject")]) == _shown(shown[(f"{index}-base", "open")])
        accepted, rejected = accepted + ok_accept, rejected + ok_reject
        if not (ok_accept and ok_reject):
            disagree.append(f"{name}: {'accept' if not ok_accept else 'reject'} differs in LibreOffice")
    return len(names), accepted, rejected, disagree


def _shown(result: dict) -> tuple:
    return (result["styled"], result["set"], [note["text"] for note in result["footnotes"]], result["changes"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--every", type=int, default=1, help="take one file in this many")
    parser.add_argument("--show", type=int, default=0, help="name up to this many files that are not exact")
    parser.add_argument("--libreoffice", type=int, default=0, metavar="N",
                        help="also take N redlines, spread over the corpus, through LibreOffice")
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
    if args.libreoffice:
        sample = paths[::max(1, len(paths) // args.libreoffice)][:args.libreoffice]
        started = time.perf_counter()
        checked, accepted, rejected, disagree = through_libreoffice(sample)
        print(f"LibreOffice, {checked} redlines spread over the corpus ({time.perf_counter() - started:.0f} s): "
              f"Accept All gives the draft in {accepted}, Reject All the base in {rejected}")
        for line in disagree[:args.show or 10]:
            print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
