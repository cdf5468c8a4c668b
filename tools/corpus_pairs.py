"""Pairs of a resolution and its real successor in the UN corpus, and their paragraphs aligned.

    pairs(corpus, sessions)       -> [Pair(base, real)]  same-title resolutions, base in session N,
                                     the real next one in N+1..N+3
    units(resolution)             -> [Unit]  every paragraph (with its sub-paragraphs and notes),
                                     heading and annex block, in reading order
    align(a, b)                   -> [(i | None, j | None)]  a monotone alignment of two unit lists
    word_edits(a, b)              -> int  word-level edit distance
    learn(doc, out, build, summary)  the command line each tools/build_*.py shares: learn from
                                     the corpus' sessions, write the data file, say what it holds

Used by benchmarks/bench_fidelity.py (how close a draft comes to the real next text) and by
tools/build_terminology.py (what the next session really changes). Titles are matched as the issue
that asked for the benchmark does: the same title, compared without case, spacing or dash
differences. A number met in two files (a reissue) is read once; each resolution's base is the
latest earlier one of its series at most three sessions back (the series of a biennial item skip
a session, a triennial one two).
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from drafter.ingest import read_resolution
from drafter.model import Paragraph, Resolution, SubParagraph

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "unga-akn"
GAP = 3                   # sessions a series may skip between its resolutions
SIMILAR = 0.5             # share of words two paragraphs must share to be "the same paragraph"


@dataclass(frozen=True)
class Pair:
    base: Path
    real: Path
    base_session: int
    session: int          # the real next one's


@dataclass(frozen=True)
class Unit:
    """One paragraph as a reader meets it: its words (text, sub-paragraphs, closing words, a table)
    and the texts of the footnotes it cites. A heading or an annex block is a unit too."""

    kind: str             # "heading", "preambular", "operative", "annex"
    body: str
    notes: tuple[str, ...] = ()
    lead: str | None = None

    @property
    def text(self) -> str:
        return " ".join((self.body, *self.notes)) if self.notes else self.body


def title_key(title: str | None) -> str:
    text = (title or "").lower().replace("\u2011", "-").replace("\u00a0", " ")
    text = re.sub(r"[\u2013\u2014]", "-", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".")


def read_corpus(corpus: Path, sessions: Iterable[int]) -> dict[Path, Resolution]:
    out = {}
    for session in sessions:
        for path in sorted((corpus / str(session)).glob("*.xml")):
            out[path] = read_resolution(path)
    return out


def pairs(resolutions: dict[Path, Resolution]) -> list[Pair]:
    series: dict[str, list[tuple[int, str, Path]]] = defaultdict(list)
    seen: set[str] = set()
    for path, resolution in sorted(resolutions.items()):
        if resolution.session is None or resolution.number in seen or not resolution.title:
            continue
        seen.add(resolution.number)
        series[title_key(resolution.title)].append((resolution.session, resolution.number, path))
    out = []
    for items in series.values():
        items.sort()
        for session, _, path in items:
            earlier = [item for item in items if session - GAP <= item[0] < session]
            if earlier:
                latest = max(item[0] for item in earlier)
                base = next(item for item in earlier if item[0] == latest)
                out.append(Pair(base[2], path, base[0], session))
    return sorted(out, key=lambda p: (p.session, str(p.real)))


def file_of(corpus: Path, number: str) -> Path | None:
    """The corpus file of resolution "79/144" (the UN's file names changed over the sessions:
    75_100_E.xml, 75_101A-B_E.xml, A_RES_79_144-2423832E.xml)."""
    session, serial = number.split()[0].rstrip(".").split("/")
    folder = corpus / session
    found = sorted(folder.glob(f"*{session}_{serial}_*.xml")) + sorted(folder.glob(f"*{session}_{serial}[-A ]*.xml"))
    return found[0] if found else None


def meta_pairs(corpus: Path, sessions: Iterable[int]) -> list[Pair]:
    """The pairs of `pairs`, found from the corpus's meta files (title, number) without reading a
    resolution: for tests that need a sample of pairs quickly. Titles there are as the UN lists
    them, so a few pairs differ from those `pairs` finds in the files."""
    found: dict[Path, Resolution] = {}
    for session in sessions:
        for line in (corpus / "meta" / f"{session}.json").read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            number = item["resolution_number"].rstrip(".")
            path = file_of(corpus, number)
            if path is not None and path not in found:
                found[path] = Resolution(number=number, symbol=item["symbol"], title=item["title"],
                                         body="General Assembly", session=session)
    return pairs(found)


# --- units -----------------------------------------------------------------------------------

def learn(doc: str, out: Path, build: Callable[..., dict], summary: Callable[[dict], str]) -> None:
    """The command line of each tools/build_*.py: `build(resolutions, pairs, sessions)` learnt from
    the sessions asked for, written to `out` as sorted, indented JSON (a data file that diffs well
    in git), and `summary(data)` printed."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--sessions", default="75-80", help="first-last session to learn from (default 75-80)")
    parser.add_argument("--out", type=Path, default=out)
    args = parser.parse_args()
    first, _, last = args.sessions.partition("-")
    sessions = range(int(first), int(last or first) + 1)
    resolutions = read_corpus(args.corpus, sessions)
    data = build(resolutions, pairs(resolutions), sessions)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {summary(data)}")


def latest(data: dict) -> dict:
    """What a data file learnt as of the latest session it has, {} when it has none."""
    return data["sessions"][max(data["sessions"], key=int)] if data["sessions"] else {}


def units(resolution: Resolution) -> list[Unit]:
    """Every paragraph in reading order, each with its sub-paragraphs, closing words and notes;
    headings and annex blocks too. Paragraph numbers and labels are left out: a number that
    follows a paragraph added earlier is no edit of the text."""
    out: list[Unit] = []
    _holder(resolution, resolution.footnotes, out)
    for part in resolution.parts:
        if part.title:
            out.append(Unit("heading", part.title))
        _holder(part, part.footnotes or resolution.footnotes, out)
    for annex in resolution.annexes:
        if annex.title:
            out.append(Unit("heading", annex.title))
        out += [_unit("annex", p, resolution.footnotes) for p in annex.paragraphs]
    return out


def _holder(holder, notes: dict[str, str], out: list[Unit]) -> None:
    out += [_unit("preambular", p, notes) for p in holder.preamble]
    out += [_unit("operative", p, notes) for p in holder.operative]
    for section in holder.sections:
        if section.heading:
            out.append(Unit("heading", section.heading))
        _holder(section, notes, out)


def _unit(kind: str, paragraph: Paragraph, notes: dict[str, str]) -> Unit:
    texts: list[str] = []
    cited: list[str] = []
    _gather(paragraph, texts, cited)
    if paragraph.table is not None:
        texts.append(" ".join(paragraph.table.words()))
    return Unit(kind, " ".join(t for t in texts if t), tuple(notes.get(m, "") for m in cited), paragraph.lead)


def _gather(item: Paragraph | SubParagraph, texts: list[str], cited: list[str]) -> None:
    texts.append(item.text)
    cited += [ref.marker for ref in item.footnotes]
    for sub in item.subparagraphs:
        _gather(sub, texts, cited)
    if item.wrap_up:
        texts.append(item.wrap_up)
        cited += [ref.marker for ref in item.wrap_up_footnotes]


# --- alignment -------------------------------------------------------------------------------

def words(text: str) -> list[str]:
    return text.split()


def word_edits(a: str, b: str) -> int:
    if a == b:
        return 0
    return Levenshtein.distance(words(a), words(b))


def similarity(a: str, b: str) -> float:
    return Levenshtein.normalized_similarity(words(a), words(b))


def align(a: list[str], b: list[str]) -> list[tuple[int | None, int | None]]:
    """Equal texts anchor the alignment; between anchors, paragraphs are paired by similarity
    (the best monotone pairing of those sharing at least half their words)."""
    out: list[tuple[int | None, int | None]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        else:
            out += _fuzzy(a[i1:i2], b[j1:j2], i1, j1)
    return out


def _fuzzy(a: list[str], b: list[str], i0: int, j0: int) -> list[tuple[int | None, int | None]]:
    n, m = len(a), len(b)
    if not n or not m:
        return [(i0 + i, None) for i in range(n)] + [(None, j0 + j) for j in range(m)]
    sim = [[similarity(x, y) for y in b] for x in a]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            score = max(best[i + 1][j], best[i][j + 1])
            if sim[i][j] >= SIMILAR:
                score = max(score, sim[i][j] + best[i + 1][j + 1])
            best[i][j] = score
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= SIMILAR and best[i][j] == sim[i][j] + best[i + 1][j + 1]:
            out.append((i0 + i, j0 + j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((i0 + i, None))
            i += 1
        else:
            out.append((None, j0 + j))
            j += 1
    out += [(i0 + k, None) for k in range(i, n)] + [(None, j0 + k) for k in range(j, m)]
    return out


def matched(a: list[str], b: list[str]) -> Iterator[tuple[int, int]]:
    for i, j in align(a, b):
        if i is not None and j is not None:
            yield i, j
