#!/usr/bin/env python3
"""Build drafter/data/years.json: which years of a resolution move with the session, learned from the corpus.

    python tools/build_years.py [CORPUS] [--sessions 75-80] [--out PATH]

For every year in an aligned base paragraph (tools/corpus_pairs.py pairs; paragraph text, not
footnotes, not a range): did the next text move it by the distance between the sessions ("for
2020" -> "for 2021" a session later), or keep it? The
same for every full date ("from 1 July 2023" -> "from 1 July 2024"), counted apart. A context, the
word before the year and the year's distance to the base's year (drafter/assemble/edits/years.py;
"date:" before it for a date), moves when the next texts moved its years at least RATE of the time
over at least EVIDENCE. The output is deterministic (sorted keys, counts only).
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tools"):
    if str(path) not in sys.path:  # run as a script from anywhere: this checkout's drafter
        sys.path.insert(0, str(path))

import corpus_pairs as cp  # noqa: E402

from drafter.assemble.edits.years import context  # noqa: E402
from drafter.ingest.dates import parse_date  # noqa: E402

DEFAULT_OUT = ROOT / "drafter" / "data" / "years.json"
RATE = 0.95
EVIDENCE = 10
SOURCE = ("Learned from pairs of United Nations General Assembly resolutions and their successors "
          "in Akoma Ntoso (UNxml/GAresolutions, English). Source: United Nations.")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# A year on its own: not in a date ("3 December 2021"), a range ("2021–2030") or a symbol ("E/2021/3").
_YEAR = re.compile(r"(?<![\d/–\-.])((?:19|20)\d\d)(?![\d/–\-])")
_DATE = re.compile(rf"(?:{_MONTHS}) $")
# A full date as the UN writes it in English ("1 July 2023"); the library holds dates in ISO form,
# and so does the text before a date when its context is asked, as in a draft.
_FULL_DATE = re.compile(rf"\b(\d{{1,2}})[ \u00a0]({_MONTHS})[ \u00a0]((?:19|20)\d\d)\b")


def outcomes(resolutions, pair: cp.Pair):
    base, real = resolutions[pair.base], resolutions[pair.real]
    if not (base.adopted and base.adopted.date):
        return
    base_year, gap = int(base.adopted.date[:4]), pair.session - pair.base_session
    a, b = cp.units(base), cp.units(real)
    for i, j in cp.matched([u.body for u in a], [u.body for u in b]):
        old, new = a[i].body, b[j].body
        for match in _YEAR.finditer(old):
            before = old[:match.start()]
            if _DATE.search(before):
                continue
            year = int(match.group(1))
            key = context(before, year, base_year)
            if key is None:
                continue
            left = " ".join(before.split()[-2:])
            # "for 2023 and 2024" -> "for 2024 and 2025": a year the run joins moved along with it.
            left_moved = _YEAR.sub(lambda m: str(int(m.group(1)) + gap), left)
            moved = f"{left} {year + gap}" in new or f"{left_moved} {year + gap}" in new
            kept = f"{left} {year}" in new
            if moved != kept:
                yield key, "moved" if moved else "kept"
        yield from _date_outcomes(old, new, base_year, gap)


def _date_outcomes(old: str, new: str, base_year: int, gap: int):
    """Each full date of the base paragraph `old` that the next text `new` moved by `gap` years, or
    kept, with its context."""
    for match in _FULL_DATE.finditer(old):
        day, month, year = match.group(1), match.group(2), int(match.group(3))
        key = context(_FULL_DATE.sub(_iso, old[:match.start()]), year, base_year, date=True)
        if key is None:
            continue
        moved = re.search(rf"\b{day}[ \u00a0]{month}[ \u00a0]{year + gap}\b", new) is not None
        kept = re.search(rf"\b{day}[ \u00a0]{month}[ \u00a0]{year}\b", new) is not None
        if moved != kept:
            yield key, "moved" if moved else "kept"


def _iso(match: re.Match) -> str:
    return parse_date(match.group()) or match.group()


def build(resolutions, pairs: list[cp.Pair], sessions) -> dict:
    """What was learned as of each session: from the pairs whose next text is of it or before."""
    sessions = sorted(set(sessions))
    seen = [(pair.session, list(outcomes(resolutions, pair))) for pair in pairs
            if pair.session in sessions and pair.base_session in sessions]
    out = {}
    for session in sessions:
        counts: dict[str, Counter] = defaultdict(Counter)
        for later, found in seen:
            if later <= session:
                for key, outcome in found:
                    counts[key][outcome] += 1
        contexts = sorted(k for k, c in counts.items() if c["moved"] + c["kept"] >= EVIDENCE
                          and c["moved"] / (c["moved"] + c["kept"]) >= RATE)
        if contexts:
            out[str(session)] = {"contexts": contexts,
                                 "counts": {k: {"moved": c["moved"], "kept": c["kept"]}
                                            for k, c in sorted(counts.items()) if c["moved"] + c["kept"] >= EVIDENCE}}
    return {"source": SOURCE, "learned_from": sessions, "thresholds": {"rate": RATE, "evidence": EVIDENCE},
            "sessions": out}


def main() -> None:
    cp.learn(__doc__, DEFAULT_OUT, build, _summary)


def _summary(data: dict) -> str:
    return f"as of the latest session, {len(cp.latest(data).get('contexts', []))} contexts where years move"


if __name__ == "__main__":
    main()
