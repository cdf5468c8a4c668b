#!/usr/bin/env python3
"""Build drafter/data/reports.json: which paragraphs cite the report of the session, learned from the corpus.

    python tools/build_reports.py [CORPUS] [--sessions 75-80] [--out PATH]

A resolution re-tabled at the next session takes note of the report its base asked for: the base's
"Takes note of the report of the Secretary-General¹" (¹ A/75/222) becomes the same words citing the
new report (A/76/305). Other citations of documents of the base's session stay: "Recalling the
report A/75/222" is the same report a year later. What tells them apart is learned from what the
next session really did (tools/corpus_pairs.py pairs), per paragraph lead:

- for every document symbol of the base's own session or year cited in an aligned paragraph
  (its text or its footnotes): did the next text keep the paragraph word for word, or change the
  paragraph but still cite the symbol, or move the symbol (the same symbol for the next session:
  the Official Records supplements, A/75/53 -> A/76/53), or replace it?
- a lead (its words without "also", "further", "again"; at most two) is a report lead when, over
  at least EVIDENCE such symbols, the next text moved or replaced them at least RATE of the time
  and kept the paragraph word for word (where a placeholder would do harm) at most HARM of it;
- a document annexed to another ("A/77/651, annex": a declaration sent with a letter) is no report:
  it is learned apart, as if its lead were "(annexed)", and is a report only if that is one;
- a symbol pattern (A/{session}/53, E/{year}/28) is a moving one when, not kept, it became the
  same symbol for the next session at least MOVED_RATE of the time, over at least MOVED_EVIDENCE;
  so is a family of them (A/AC.109/{year}/#: the working paper on each territory), learned the same
  way over all its members, which covers a member seen too seldom to be learned alone.

drafter/assemble/edits/report.py reads the file. The output is deterministic (sorted keys, counts).
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

from drafter.assemble.edits.report import (  # noqa: E402
    ANNEXED,
    annexed,
    family_of,
    lead_key,
    moved_symbol,
    symbol_pattern,
)
from drafter.library.slots import SYMBOL  # noqa: E402

DEFAULT_OUT = ROOT / "drafter" / "data" / "reports.json"
RATE = 0.9               # report leads: the symbol moved or replaced at least this often,
HARM = 0.05              # and the paragraph kept word for word at most this often
EVIDENCE = 10
MOVED_RATE = 0.8         # moving symbols: the same symbol next session, at least this often
MOVED_EVIDENCE = 5
SOURCE = ("Learned from pairs of United Nations General Assembly resolutions and their successors "
          "in Akoma Ntoso (UNxml/GAresolutions, English). Source: United Nations.")
_SYMBOL = re.compile(rf"(?<![\w/.\-]){SYMBOL}")


def outcomes(resolutions, pair: cp.Pair):
    """(lead key, pattern, outcome) for every base-session symbol cited in an aligned paragraph:
    "kept" when the next text kept the whole paragraph word for word (a placeholder there would
    do harm), else "moved" or "replaced"."""
    base, real = resolutions[pair.base], resolutions[pair.real]
    year = base.adopted.date[:4] if base.adopted and base.adopted.date else None
    a, b = cp.units(base), cp.units(real)
    for i, j in cp.matched([u.text for u in a], [u.text for u in b]):
        if a[i].kind not in ("preambular", "operative"):
            continue
        later = b[j].text
        for match in _SYMBOL.finditer(a[i].text):
            symbol = match.group().rstrip(".")
            pattern = symbol_pattern(symbol, base.session, year)
            if pattern is None:
                continue
            if annexed(a[i].text[match.start() + len(symbol):]):
                pattern = ANNEXED
            if a[i].text == later:
                outcome = "kept"
            elif re.search(rf"(?<![\w/.\-]){re.escape(symbol)}(?![\w/\-])", later):
                outcome = "cited"
            elif moved_symbol(pattern, pair.session, _year_of(year, pair)) in later:
                outcome = "moved"
            else:
                outcome = "replaced"
            yield lead_key(a[i].lead), pattern, outcome


def _year_of(year: str | None, pair: cp.Pair) -> str | None:
    return str(int(year) + pair.session - pair.base_session) if year else None


def build(resolutions, pairs: list[cp.Pair], sessions) -> dict:
    """What was learned as of each session: from the pairs whose next text is of it or before."""
    sessions = sorted(set(sessions))
    seen = [(pair.session, list(outcomes(resolutions, pair))) for pair in pairs
            if pair.session in sessions and pair.base_session in sessions]
    out = {}
    for session in sessions:
        leads: dict[str, Counter] = defaultdict(Counter)
        patterns: dict[str, Counter] = defaultdict(Counter)
        for later, found in seen:
            if later > session:
                continue
            for lead, pattern, outcome in found:
                if pattern == ANNEXED:
                    leads[ANNEXED][outcome] += 1
                    continue
                leads[lead][outcome] += 1
                patterns[pattern][outcome] += 1
                if family_of(pattern) != pattern:
                    patterns[family_of(pattern)][outcome] += 1
        learned = _learned(leads, patterns)
        if learned["report_leads"] or learned["moving_symbols"]:
            out[str(session)] = learned
    return {"source": SOURCE, "learned_from": sessions,
            "thresholds": {"rate": RATE, "harm": HARM, "evidence": EVIDENCE, "moved_rate": MOVED_RATE,
                           "moved_evidence": MOVED_EVIDENCE}, "sessions": out}


def _learned(leads, patterns) -> dict:
    report_leads = sorted(lead for lead, c in leads.items() if lead and _report_lead(c))
    moving = sorted(p for p, c in patterns.items()
                    if _enough(c["moved"], c["replaced"], MOVED_EVIDENCE, MOVED_RATE))
    return {"report_leads": report_leads, "moving_symbols": moving,
            "leads": {lead: _counts(c) for lead, c in sorted(leads.items()) if lead and sum(c.values()) >= EVIDENCE},
            "symbols": {p: _counts(c) for p, c in sorted(patterns.items()) if sum(c.values()) >= MOVED_EVIDENCE}}


def _report_lead(counts: Counter) -> bool:
    total = sum(counts.values())
    return (total >= EVIDENCE and counts["moved"] + counts["replaced"] >= RATE * total
            and counts["kept"] <= HARM * total)


def _enough(yes: int, no: int, evidence: int, rate: float = RATE) -> bool:
    return yes + no >= evidence and yes / (yes + no) >= rate


def _counts(counter: Counter) -> dict[str, int]:
    return {k: counter[k] for k in ("kept", "cited", "moved", "replaced")}


def main() -> None:
    cp.learn(__doc__, DEFAULT_OUT, build, _summary)


def _summary(data: dict) -> str:
    latest = cp.latest(data)
    return (f"as of the latest session, {len(latest.get('report_leads', []))} report leads, "
            f"{len(latest.get('moving_symbols', []))} moving symbols")


if __name__ == "__main__":
    main()
