"""How faithful drafts are, over every pair of a resolution and its real successor in the UN corpus.

    python benchmarks/bench_fidelity.py [--corpus DIR] [--limit N] [--no-kinds] [--pair NUMBER]

For every pair (tools/corpus_pairs.py: same title, base in session N, the real next one in
N+1..N+3) the next resolution is drafted from its base the way `drafter new --session N' --base
FILE --no-input --format akn` drafts it (the bundled library, the base as a file, no answers;
in-process, the Akoma Ntoso written and read back), then base, draft and real text are aligned
paragraph by paragraph (every heading, paragraph, sub-paragraph, closing words, footnote and
annex block is a paragraph here). It prints, for the pairs whose real text is in sessions 76-78
(the sessions the rules were developed on) and apart for 79-80 (held out):

- pairs drafted and pairs failed (an exception, or a draft that cannot be read back);
- paragraphs lost: base paragraphs the draft does not have;
- saved: the share of the word edits between base and real text that the draft already made
  (word-level edit distance of the whole document; negative when the draft is further off);
- harm: the share of the paragraphs the real text kept word for word that the draft changed;
- exact: the share of the paragraphs the real text changed that the draft got exactly right;
- the same for a find-and-replace of session ordinals (every "<ordinal> session(s)" of the base's
  session or later moved by the distance), the baseline;
- saved words by kind of edit: what the draft loses when that kind alone is refused (--no-edit).

The terminology the drafts use is learned from sessions 75-78 only (tools/build_terminology.py,
in-process), so the 79-80 figures are for texts no rule was learned or tuned on. Figures are
printed, never asserted. Source of the corpus: the United Nations (UNxml/GAresolutions).
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import build_reports  # noqa: E402
import build_terminology  # noqa: E402
import build_years  # noqa: E402
import corpus_pairs as cp  # noqa: E402

from drafter.assemble.base import load_base  # noqa: E402
from drafter.assemble.compose import compose  # noqa: E402
from drafter.assemble.draft import start  # noqa: E402
from drafter.assemble.edits import KINDS, report, terminology, years  # noqa: E402
from drafter.assemble.run import draft_from, render  # noqa: E402
from drafter.ingest import parse_bytes  # noqa: E402
from drafter.library import store  # noqa: E402
from drafter.ordinals import ORDINAL_PATTERN, match_case, ordinal_value, ordinal_words  # noqa: E402
from drafter.worddiff import word_diff  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "unga-akn"
LIBRARY = ROOT / "clause_library"
SPLITS = (("developed on (real text in 76-78)", range(76, 79)), ("held out (real text in 79-80)", range(79, 81)))
_PLACEHOLDER = re.compile(r"\[to fill: [^\]]*\]")
_SESSION = re.compile(rf"\b({ORDINAL_PATTERN})(?= (?:and (?:{ORDINAL_PATTERN}) )?sessions?\b)", re.I)


@dataclass
class Figures:
    pairs: int = 0
    failed: int = 0
    lost: int = 0
    base_edits: int = 0          # word edits base -> real
    draft_edits: int = 0         # word edits draft -> real
    kept: int = 0                # paragraphs the real text kept word for word
    harmed: int = 0
    changed: int = 0             # paragraphs the real text changed
    exact: int = 0
    failures: list[str] = field(default_factory=list)
    harms: list[tuple[str, str, str | None]] = field(default_factory=list)   # (pair, base and real, draft)

    def add(self, other: Figures) -> None:
        for name in ("pairs", "lost", "base_edits", "draft_edits", "kept", "harmed", "changed", "exact"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.harms += other.harms

    def line(self, label: str) -> str:
        saved = (self.base_edits - self.draft_edits) / self.base_edits if self.base_edits else 0.0
        harm = self.harmed / self.kept if self.kept else 0.0
        exact = self.exact / self.changed if self.changed else 0.0
        return (f"  {label:<18} saved {saved:7.2%} ({self.base_edits - self.draft_edits:+,} of {self.base_edits:,} "
                f"word edits)  harm {harm:6.3%} ({self.harmed}/{self.kept})  exact {exact:6.2%} "
                f"({self.exact}/{self.changed})")


def measure(base_units: list[cp.Unit], draft_units: list[cp.Unit] | None, real_units: list[cp.Unit],
            pair: str = "") -> Figures:
    """Base, draft and real text aligned: base<->real and base<->draft, so each base paragraph has
    its draft and its real counterpart (or none). `pair` names the pair in the harms listed."""
    figures = Figures(pairs=1)
    b = [u.text for u in base_units]
    r = [u.text for u in real_units]
    d = [_one_word_placeholders(u.text) for u in draft_units] if draft_units is not None else list(b)
    to_real = dict(cp.matched(b, r))
    to_draft = dict(_by_place(base_units, draft_units) if draft_units is not None else enumerate(range(len(b))))
    figures.lost = len(b) - len(to_draft)
    real_seen = set(to_real.values())
    draft_seen = set(to_draft.values())
    for i, text in enumerate(b):
        j, k = to_real.get(i), to_draft.get(i)
        drafted = d[k] if k is not None else None
        if j is None:
            figures.base_edits += len(cp.words(text))
            figures.draft_edits += len(cp.words(drafted)) if drafted is not None else 0
            continue
        real = r[j]
        figures.base_edits += cp.word_edits(text, real)
        figures.draft_edits += cp.word_edits(drafted, real) if drafted is not None else len(cp.words(real))
        if text == real:
            figures.kept += 1
            if drafted != real:
                figures.harmed += 1
                figures.harms.append((pair, text, drafted))
        else:
            figures.changed += 1
            figures.exact += drafted == real
    unmatched_real = sum(len(cp.words(r[j])) for j in range(len(r)) if j not in real_seen)
    figures.base_edits += unmatched_real
    figures.draft_edits += unmatched_real + sum(len(cp.words(d[k])) for k in range(len(d)) if k not in draft_seen)
    return figures


def _one_word_placeholders(text: str) -> str:
    """A placeholder ("[to fill: symbol]") stands for one unknown word, and counts as one."""
    return _PLACEHOLDER.sub("[…]", text)


def _by_place(base_units: list[cp.Unit], draft_units: list[cp.Unit]):
    """A draft made without questions stands paragraph for paragraph where its base stands: where
    the kinds of paragraph follow each other alike, they are paired by place, whatever their words
    (a footnote that became a placeholder is no lost paragraph); elsewhere by their words."""
    kinds_a, kinds_b = [u.kind for u in base_units], [u.kind for u in draft_units]
    texts_a, texts_b = [u.text for u in base_units], [u.text for u in draft_units]
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, kinds_a, kinds_b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [(i1 + k, j1 + k) for k in range(i2 - i1)]
        else:
            out += [(i1 + i, j1 + j) for i, j in cp.matched(texts_a[i1:i2], texts_b[j1:j2])]
    return out


def find_and_replace(resolution, distance: int) -> list[cp.Unit]:
    """The baseline: every session ordinal of the base's session or later moved by the distance."""
    def moved(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            value = ordinal_value(match.group(1))
            if value is None or value < resolution.session or not 1 <= value + distance <= 999:
                return match.group(1)
            return match_case(match.group(1), ordinal_words(value + distance))
        return _SESSION.sub(one, text)
    return [cp.Unit(u.kind, moved(u.body), tuple(moved(n) for n in u.notes)) for u in cp.units(resolution)]


def draft_units(library, pair: cp.Pair):
    """The draft as `drafter new --base FILE --no-input --format akn` writes it, read back, and the
    kinds of edit it made."""
    composed = compose(draft_from(library, str(pair.base), pair.session))
    data = render(composed.resolution, "akn")
    return cp.units(parse_bytes(data, f"draft of {pair.real.name}")), {e.kind for e in composed.edits}


def kind_savings(library, pair: cp.Pair, base_units, real_units, made: set[str]) -> Counter:
    """Word edits saved by each kind: the draft with that kind refused, against the full draft
    (a kind that made no edit in this draft saves nothing, and is not drafted again)."""
    out: Counter = Counter()
    base = load_base(library, str(pair.base))
    full = measure(base_units, cp.units(compose(start(library, base, pair.session)).resolution), real_units)
    for kind in made:
        draft = start(library, base, pair.session, frozenset({kind}))
        without = measure(base_units, cp.units(compose(draft).resolution), real_units)
        out[kind] += without.draft_edits - full.draft_edits
    return out


def run(pairs: list[cp.Pair], resolutions, library, kinds: bool) -> tuple[Figures, Figures, Counter]:
    drafted, baseline, by_kind = Figures(), Figures(), Counter()
    for pair in pairs:
        base, real = resolutions[pair.base], resolutions[pair.real]
        base_units, real_units = cp.units(base), cp.units(real)
        try:
            units, made = draft_units(library, pair)
        except Exception as error:      # a failure is a figure here, not the end of the run
            drafted.failed += 1
            drafted.failures.append(f"{pair.base.name} -> {pair.session}: {type(error).__name__}: {error}")
            continue
        drafted.add(measure(base_units, units, real_units, f"{pair.base.name} -> {pair.real.name}"))
        baseline.add(measure(base_units, find_and_replace(base, pair.session - pair.base_session), real_units))
        if kinds:
            by_kind += kind_savings(library, pair, base_units, real_units, made)
    return drafted, baseline, by_kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, help="only every k-th pair, for a quick look (k = pairs / N)")
    parser.add_argument("--no-kinds", action="store_true", help="skip the table of savings by kind (faster)")
    parser.add_argument("--pair", help="only the pairs whose real next resolution has this number, e.g. 79/167")
    parser.add_argument("--harm", type=int, default=0, metavar="N",
                        help="print up to N harmed paragraphs of each split (the real text kept the base's "
                             "words, the draft changed them), as a word diff")
    args = parser.parse_args()
    started = time.perf_counter()
    library = store.load(LIBRARY)
    resolutions = cp.read_corpus(args.corpus, range(75, 81))
    every = cp.pairs(resolutions)
    if args.pair:
        every = [p for p in every if resolutions[p.real].number == args.pair]
    if args.limit:
        every = every[::max(1, len(every) // args.limit)]
    learned = build_terminology.build(resolutions, cp.pairs(resolutions), sessions=range(75, 79))
    reports = build_reports.build(resolutions, cp.pairs(resolutions), sessions=range(75, 79))
    moving_years = build_years.build(resolutions, cp.pairs(resolutions), sessions=range(75, 79))
    print(f"{len(every)} pairs of same-title resolutions (base in N, real next in N+1..N+{cp.GAP}), "
          f"library {LIBRARY.relative_to(ROOT)}; learned from sessions 75-78: "
          f"{len(learned['sessions']['78']['rules'])} terminology rules, "
          f"{len(reports['sessions']['78']['report_leads'])} report leads, "
          f"{len(reports['sessions']['78']['moving_symbols'])} moving symbols, "
          f"{len(moving_years['sessions']['78']['contexts'])} contexts where years move (as of session 78)")
    with terminology.LEARNED.using(learned), report.LEARNED.using(reports), years.LEARNED.using(moving_years):
        for label, sessions in SPLITS:
            chosen = [p for p in every if p.session in sessions]
            drafted, baseline, by_kind = run(chosen, resolutions, library, not args.no_kinds)
            _report(label, chosen, drafted, baseline, by_kind)
            _print_harms(drafted.harms[:args.harm])
    print(f"\n{time.perf_counter() - started:.0f} s")


def _report(label: str, chosen, drafted: Figures, baseline: Figures, by_kind: Counter) -> None:
    print(f"\n{label}: {drafted.pairs} pairs drafted, {drafted.failed} failed, {drafted.lost} paragraphs lost")
    for failure in drafted.failures[:10]:
        print(f"  failed: {failure}")
    print(drafted.line("drafter"))
    print(baseline.line("find-and-replace"))
    base_saved = baseline.base_edits - baseline.draft_edits
    ours = drafted.base_edits - drafted.draft_edits
    if base_saved > 0:
        print(f"  drafter saves {ours / base_saved:.1f}x the words find-and-replace saves")
    if by_kind:
        print("  saved words by kind of edit (lost when the kind alone is refused):")
        for kind in KINDS:
            print(f"    {kind:<16} {by_kind[kind]:+8,}")


def _print_harms(harms: list[tuple[str, str, str | None]]) -> None:
    """Each harmed paragraph as the words the draft took out [-...-] and put in {+...+}
    (`drafter.worddiff`), a long run of kept words shortened to its ends."""
    marks = {"-": "[-{}-]", "+": "{{+{}+}}"}
    for pair, kept, draft in harms:
        if draft is None:
            print(f"  harmed, {pair}: the draft has no such paragraph: {kept[:100]}")
            continue
        shown = []
        for op, text in word_diff(kept, draft):
            words = text.split()
            if op != "=":
                shown.append(marks[op].format(text))
            elif len(words) > 6:
                lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
                shown.append(f"{lead}{' '.join(words[:3])} … {' '.join(words[-3:])}{trail}")
            else:
                shown.append(text)
        print(f"  harmed, {pair}: {''.join(shown)}")


if __name__ == "__main__":
    main()
