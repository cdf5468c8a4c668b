#!/usr/bin/env python3
"""Build drafter/data/terminology.json: the spellings the UN changed, learned per session from the corpus.

    python tools/build_terminology.py [CORPUS] [--sessions 75-80] [--out PATH]

The UN's editors change how terms are written ("indigenous peoples" -> "Indigenous Peoples",
"non-governmental" with a non-breaking hyphen, "health-care" -> "healthcare"), and a re-tabled
resolution follows. What changed is learned from what the next session really did, not from a list:

1. candidates: in every pair of a resolution and its real successor (tools/corpus_pairs.py), the
   words the successor rewrote in an aligned paragraph where old and new words are the same letters
   once case, hyphens (- and the non-breaking U+2011) and spaces are set aside: "health-care" ->
   "healthcare"; and each with the word before or after it, "parties" -> "Parties" as "States
   parties" -> "States Parties" (such a widened rule is learned only where its own words mostly
   changed, but not everywhere: `_needs_context`);
2. evidence, per session S of the successors: how often a base paragraph's FROM became TO (changed)
   and how often the successor kept FROM (kept), and how the texts of S write the term (usage:
   the share of TO among FROM and TO);
3. a rule FROM -> TO holds at session S when the latest session up to S with enough evidence saw
   FROM changed at least RATE of the time, and S's own texts write TO at least USAGE of the time.

A draft for session N takes the rules of the latest session before N in the file (drafter/
assemble/edits/terminology.py): what the UN was writing when the draft was made. Only preambular,
operative and sub-paragraph texts are learned from and edited; footnotes cite titles as published.
The output is deterministic: sorted keys, counts only.
"""

from __future__ import annotations

import difflib
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for path in (ROOT, ROOT / "tools"):
    if str(path) not in sys.path:  # run as a script from anywhere: this checkout's drafter
        sys.path.insert(0, str(path))

import corpus_pairs as cp  # noqa: E402

DEFAULT_OUT = ROOT / "drafter" / "data" / "terminology.json"
TEXT_KINDS = {"preambular", "operative"}
MAX_WORDS = 3            # a term is at most this many words
RATE = 0.9               # FROM must have become TO at least this often in the real next texts
USAGE = 0.9              # and the session's own texts write TO at least this often
EVIDENCE = 5             # occurrences of FROM in base paragraphs before a rate is believed
WIDENED = 3              # resolutions whose successors made a rewrite learned with a word of context
SOURCE = ("Learned from pairs of United Nations General Assembly resolutions and their successors "
          "in Akoma Ntoso (UNxml/GAresolutions, English). Source: United Nations.")
_EDGE = re.compile(r"^[^\w]+|[^\w]+$")
_SEPARATORS = re.compile(r"[-\u2011\s]+")
_WORD = re.compile(r"[\w\-\u2011]+")


def key(term: str) -> str:
    """The letters of a term, whatever its case, hyphens and spaces."""
    return _SEPARATORS.sub("", term).lower()


def pattern(term: str) -> str:
    """The term as a whole run of words (no letter, digit or hyphen on either side)."""
    return rf"(?<![\w\-\u2011]){re.escape(term)}(?![\w\-\u2011])"


def _core(tokens: list[str]) -> str:
    return _EDGE.sub("", " ".join(tokens))


def candidates(text_pairs, cores: dict | None = None, direct: set | None = None) -> Counter:
    """(FROM, TO) rewrites seen between aligned base and real paragraphs. Each is also counted
    with the word on either side of it, and `cores` maps such a rule to the rewrite it widens
    ("parties" -> "Parties" is no rule, since "parties to the conflict" stay; "States parties" ->
    "States Parties" is, from session 80); `direct` collects the rewrites seen on their own."""
    found: Counter = Counter()
    direct = set() if direct is None else direct
    for old, new in text_pairs:
        a, b = old.split(), new.split()
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag != "replace" or i2 - i1 > MAX_WORDS or j2 - j1 > MAX_WORDS:
                continue
            before, after = _core(a[i1:i2]), _core(b[j1:j2])
            if before and after and before != after and key(before) == key(after):
                found[(before, after)] += 1
                direct.add((before, after))
                for wider in _widened(a, b, i1, i2, j1, j2):
                    if wider != (before, after):        # a word of punctuation alone widens nothing
                        found[wider] += 1
                        if cores is not None:
                            cores.setdefault(wider, (before, after))
    return found


def _widened(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int):
    if i2 - i1 < MAX_WORDS and i1 > 0:
        yield _core(a[i1 - 1:i2]), _core(b[j1 - 1:j2])
    if i2 - i1 < MAX_WORDS and i2 < len(a):
        yield _core(a[i1:i2 + 1]), _core(b[j1:j2 + 1])


def aligned_texts(resolutions, pair: cp.Pair):
    """(base text, real text) of the paragraphs the two share, paragraphs proper only."""
    base = [u for u in cp.units(resolutions[pair.base]) if u.kind in TEXT_KINDS]
    real = [u for u in cp.units(resolutions[pair.real]) if u.kind in TEXT_KINDS]
    a, b = [u.body for u in base], [u.body for u in real]
    return [(a[i], b[j]) for i, j in cp.matched(a, b)]


def build(resolutions, pairs: list[cp.Pair], sessions) -> dict:
    sessions = sorted(set(sessions))
    chosen = [p for p in pairs if p.session in sessions and p.base_session in sessions]
    texts = {p: aligned_texts(resolutions, p) for p in chosen}
    cores: dict[tuple[str, str], tuple[str, str]] = {}
    direct: set[tuple[str, str]] = set()
    found = {p: candidates(pairs_of_texts, cores, direct) for p, pairs_of_texts in texts.items()}
    for rule in direct:
        cores.pop(rule, None)               # a rewrite also seen on its own is learned as one
    rules = sorted({rule for counter in found.values() for rule in counter})
    terms = sorted({term for rule in rules for term in rule}, key=len, reverse=True)
    evidence = _evidence(texts, found, rules, terms)
    usage = _usage(resolutions, sessions, terms)
    out: dict[str, dict] = {}
    for session in sessions:
        held = _shortest([r for r in (_rule(rule, session, evidence, usage) for rule in rules
                                      if rule not in cores or _needs_context(rule, cores[rule], session, evidence))
                          if r is not None])
        if held:
            out[str(session)] = {"rules": held}
    return {"source": SOURCE, "learned_from": sessions,
            "thresholds": {"rate": RATE, "usage": USAGE, "evidence": EVIDENCE, "widened": WIDENED},
            "sessions": out}


def _shortest(held: list[dict]) -> list[dict]:
    """The rules without those that only repeat a shorter one with more words ("non-governmental
    organizations" beside "non-governmental"; "indigenous peoples" -> "Indigenous Peoples" says
    more than "indigenous" -> "Indigenous", and stays)."""
    return [r for r in held if not any(o is not r and o["from"] in r["from"]
                                       and r["from"].replace(o["from"], o["to"]) == r["to"] for o in held)]


def _needs_context(rule: tuple[str, str], core: tuple[str, str], session: int, evidence) -> bool:
    """A rewrite is learned with a word of context only to carve out where a change that mostly
    happened did not: its own words rewritten more often than kept, but below RATE ("parties" ->
    "Parties" 414 times and kept 107 in session 80, "parties to the conflict" among them). Never
    to find the few places where a word that is mostly kept was changed: those are a name's
    ("Cooperation" kept 52 of 57 times in 76; "Co-operation and Development" is the OECD's). And
    only when the successors of WIDENED resolutions made it."""
    seen = evidence.get(core, {})
    latest = _latest(seen, session)
    if latest is None:
        return False
    changed, kept, _ = seen[latest]
    if not 0.5 <= changed / (changed + kept) < RATE:
        return False
    own = [n for s, (_, _, n) in evidence.get(rule, {}).items() if s <= session]
    return max(own, default=0) >= WIDENED


def _evidence(texts, found, rules, terms) -> dict[tuple[str, str], dict[int, tuple[int, int, int]]]:
    """Per rule and session of the successor: (changed, kept) occurrences of FROM in the aligned
    base paragraphs (kept: as many as the successor's paragraph still has), and the number of
    resolutions whose successor changed it."""
    finder = _finder(terms)
    out: dict = defaultdict(dict)
    for pair, pairs_of_texts in texts.items():
        kept: Counter = Counter()
        for old, new in pairs_of_texts:
            in_old, in_new = Counter(finder.findall(old)), Counter(finder.findall(new))
            for term, count in in_old.items():
                kept[term] += min(count, in_new.get(term, 0))
        for rule in rules:
            changed, before = found[pair][rule], kept[rule[0]]
            if changed or before:
                c, k, n = out[rule].get(pair.session, (0, 0, 0))
                out[rule][pair.session] = (c + changed, k + before, n + (changed > 0))
    return out


class _Finder:
    """Every occurrence of every term in a text, each a whole run of words; a term inside a longer
    one counts too. (One regex of thousands of alternatives is far too slow; a set is not.)"""

    def __init__(self, terms) -> None:
        self.terms = set(terms)
        self.firsts = {_WORD.match(t).group() for t in terms if _WORD.match(t)}
        self.longest = max((len(t.split()) for t in terms), default=0)

    def findall(self, text: str) -> list[str]:
        words = list(_WORD.finditer(text))
        out = []
        for i, word in enumerate(words):
            if word.group() not in self.firsts:
                continue
            for j in range(i, min(i + self.longest, len(words))):
                if j > i and text[words[j - 1].end():words[j].start()] != " ":
                    break
                term = text[word.start():words[j].end()]
                if term in self.terms:
                    out.append(term)
        return out


def _finder(terms) -> _Finder:
    return _Finder(terms)


def _usage(resolutions, sessions, terms) -> dict[int, Counter]:
    finder = _finder(terms)
    out: dict[int, Counter] = defaultdict(Counter)
    for resolution in resolutions.values():
        if resolution.session not in sessions:
            continue
        for unit in cp.units(resolution):
            if unit.kind in TEXT_KINDS:
                out[resolution.session].update(finder.findall(unit.body))
    return out


def _latest(seen: dict[int, tuple[int, int, int]], session: int) -> int | None:
    """The latest session up to `session` with EVIDENCE occurrences of a rule's FROM, or None."""
    return max((s for s, (c, k, _) in seen.items() if s <= session and c + k >= EVIDENCE), default=None)


def _rule(rule: tuple[str, str], session: int, evidence, usage) -> dict | None:
    before, after = rule
    seen = evidence.get(rule, {})
    latest = _latest(seen, session)
    if latest is None:
        return None
    changed, kept, _ = seen[latest]
    new, old = usage[session][after], usage[session][before]
    if changed / (changed + kept) < RATE or not new or new / (new + old) < USAGE:
        return None
    return {"from": before, "to": after, "changed": changed, "kept": kept, "evidence_session": latest,
            "usage": [old, new]}


def main() -> None:
    cp.learn(__doc__, DEFAULT_OUT, build, _summary)


def _summary(data: dict) -> str:
    return f"{sum(len(v['rules']) for v in data['sessions'].values())} rules over {len(data['sessions'])} sessions"


if __name__ == "__main__":
    main()
