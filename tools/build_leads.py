#!/usr/bin/env python3
"""Build drafter/data/leads.json: the paragraph leads of UN resolutions, learned from the UN's XML.

    python tools/build_leads.py [CORPUS] [--min-count N] [--out PATH]

CORPUS defaults to ../shared/corpus/unga-akn relative to the project root: the United Nations'
General Assembly resolutions in Akoma Ntoso (UNxml/GAresolutions), which mark every lead as
`<span class="italic">` at the start of each preambular `container/p` and each operative
`paragraph/content/p` (or `paragraph/list/intro/p` when the paragraph has sub-paragraphs).

A phrase is kept when it led at least N paragraphs of its kind and, where the text opens with it,
it is the whole lead more often than a shorter lead is (so a span that strayed over the next word,
"Takes note of" seen 8 times against "Takes note" 1,515 times, does not win longest-match).
Per kind the file also records the trailing words learned for unseen leads and the counts behind
every choice. The output is deterministic: sorted keys, counts only, no dates or absolute paths.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere: import drafter from this checkout
    sys.path.insert(0, str(ROOT))

from drafter.ingest import leads as _leads  # noqa: E402
from drafter.ingest.leads import KINDS, opening_words  # noqa: E402

# The same few hundred leads recur across 80,000 paragraphs: key each spelling once.
phrase_key = functools.cache(_leads.phrase_key)

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "unga-akn"
DEFAULT_OUT = ROOT / "drafter" / "data" / "leads.json"
# Chosen by measurement (learn from 75-78, read 79-80; two other splits agree): N=1 reads the most
# hold-out leads right, 99.44%/99.42% (preambular/operative) against 99.35%/99.32% at N=2 and
# 99.13% at N=3. The leads seen once in 75-78 were right 26 times in 79-80 for each time they
# were wrong. Frequency is a poor filter for this corpus's noise, which the rules here remove
# instead (another language, labels, spans that are no run of words, spans that strayed over the
# next word); what is left is inert: a typo such as "Encourage" only ever matches itself.
DEFAULT_MIN_COUNT = 1

SOURCE = (
    "Learned from the italic opening words of the preambular and operative paragraphs of United "
    "Nations General Assembly resolutions in Akoma Ntoso (UNxml/GAresolutions, English). "
    "Source: United Nations."
)

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
NS = {"a": AKN}
_PARSER = etree.XMLParser(collect_ids=False)  # xml:id lookups are never needed: parse faster
_SPAN = f"{{{AKN}}}span"
_NOTE = f"{{{AKN}}}authorialNote"
# The resolutions of a file: one statement, or several (A, B, ...) as components. Texts annexed
# to a resolution (declarations, programmes of action) are `attachments` of the statement and
# follow other conventions, so the paths below never descend into them.
_STATEMENTS = etree.XPath(
    "/a:akomaNtoso/a:statement | /a:akomaNtoso/a:components/a:component/a:statement", namespaces=NS
)
_LANGUAGE = etree.XPath(
    "string(/a:akomaNtoso/*/a:meta/a:identification/a:FRBRExpression/a:FRBRlanguage/@language)",
    namespaces=NS,
)
_FIRST_P = {
    "preambular": etree.XPath("a:preamble/a:container/a:p[1]", namespaces=NS),
    # Sub-paragraphs (list/point) are never italicized; a paragraph that introduces them keeps
    # its lead in list/intro.
    "operative": etree.XPath(
        "a:mainBody//a:paragraph[not(ancestor::a:point)]/a:content/a:p[1]"
        " | a:mainBody//a:paragraph[not(ancestor::a:point)]/a:list/a:intro/a:p[1]",
        namespaces=NS,
    ),
}


@dataclass(frozen=True)
class Paragraph:
    """One preambular or operative paragraph as the corpus gives it."""

    kind: str
    lead: str | None  # the italic opening words, trimmed; None when the paragraph has none
    text: str  # the plain text, footnotes left out, whitespace collapsed


def corpus_files(corpus: Path, sessions: Iterable[str] | None = None) -> list[Path]:
    """The XML files of the corpus (or of some sessions of it), in a stable order."""
    folders = sorted(p for p in corpus.iterdir() if p.is_dir() and p.name.isdigit())
    if sessions is not None:
        wanted = set(sessions)
        folders = [p for p in folders if p.name in wanted]
    return [path for folder in folders for path in sorted(folder.glob("*.xml"))]


def read_paragraphs(path: Path) -> Iterator[Paragraph]:
    """The preambular and operative paragraphs of one resolution file, English files only."""
    tree = etree.parse(str(path), _PARSER)
    # One file of the corpus is a French expression (75_274_F.xml); its leads are not English.
    if _LANGUAGE(tree) not in ("", "eng"):
        return
    for statement in _STATEMENTS(tree):
        for kind in KINDS:
            for p in _FIRST_P[kind](statement):
                yield Paragraph(kind=kind, lead=italic_lead(p), text=plain_text(p))


def italic_lead(p: etree._Element) -> str | None:
    """The italic span(s) that open `p`, trimmed of spaces and commas; None if `p` opens in roman.

    Adjacent italic spans separated only by a space are one lead ("Noting with great" + "concern
    also" in 76/209); some spans carry a tab, a trailing space or a comma ("Notes, ").
    """
    if (p.text or "").strip():
        return None
    spans = list(_opening_italics(p))
    if not spans:
        return None
    # An italic word followed by a colon and then by text is a label ("Abbreviations: GS, General
    # Service" under a budget table); a lead before a colon ends its paragraph ("Decides:").
    tail = spans[-1].tail or ""
    if tail.startswith(":") and (tail[1:].strip() or spans[-1].getnext() is not None):
        return None
    pieces: list[str] = []
    for span in spans:
        pieces += ["".join(span.itertext()), span.tail or ""]
    lead = _collapse("".join(pieces[:-1])).strip(" ,")  # the last tail is the roman text
    return lead or None


def _opening_italics(p: etree._Element) -> Iterator[etree._Element]:
    """The italic spans at the start of `p`, as long as only whitespace separates them."""
    for node in p:
        if node.tag != _SPAN or node.get("class") != "italic":
            return
        yield node
        if (node.tail or "").strip():
            return


def plain_text(p: etree._Element) -> str:
    """The paragraph as plain text would show it: footnote bodies left out, spaces collapsed."""
    parts = [p.text or ""]
    for child in p:
        if child.tag != _NOTE:
            parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return _collapse("".join(parts))


def _collapse(text: str) -> str:
    """Runs of whitespace (tabs, newlines, no-break spaces) to one space, ends trimmed."""
    return " ".join(text.split())  # str.split is several times faster than a regex here


def read_corpus(files: Iterable[Path]) -> list[Paragraph]:
    return [paragraph for path in files for paragraph in read_paragraphs(path)]


def count_leads(paragraphs: Iterable[Paragraph]) -> dict[str, Counter]:
    """How many paragraphs of each kind each lead opened, case variants counted together."""
    counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    for paragraph in paragraphs:
        if paragraph.lead:
            counts[paragraph.kind][paragraph.lead] += 1
    return counts


def merge_case_variants(counts: Counter) -> Counter:
    """One entry per phrase whatever its casing, spelt as it is most often spelt.

    Spans that are not a capitalized run of words are left out: the matcher could only ever see
    their first words ("Also, in this regard, calls upon" would teach it that "Also" is a lead),
    and a lowercase span is a table's footnote letter ("a"), not a lead.
    """
    by_key: dict[tuple[str, ...], Counter] = {}
    for phrase, n in counts.items():
        if not is_word_run(phrase):
            continue
        by_key.setdefault(phrase_key(phrase), Counter())[phrase] += n
    merged = Counter()
    for variants in by_key.values():
        spelling = min(variants, key=lambda v: (-variants[v], v))
        merged[spelling] = sum(variants.values())
    return merged


def is_word_run(phrase: str) -> bool:
    """Is the phrase a capitalized run of words, as the matcher reads text?"""
    words = opening_words(phrase, limit=len(phrase))
    return phrase[:1].isupper() and bool(words) and words[-1][1] == len(phrase)


def shadowed(kept: Counter, paragraphs: list[Paragraph]) -> set[str]:
    """Phrases that, where the text opens with them, are more often cut short by a shorter lead.

    Longest match would pick such a phrase over the shorter lead, so it would do more harm than
    good: "Takes note of" (8 spans that strayed over "of") against "Takes note" in 1,515.
    """
    keys = {phrase_key(phrase): phrase for phrase in kept}
    longest = max((len(k) for k in keys), default=0)
    agree: Counter = Counter()
    shorter: Counter = Counter()
    for paragraph in paragraphs:
        if not paragraph.lead:
            continue
        words = tuple(word for word, _ in opening_words(paragraph.text, limit=longest))
        lead = phrase_key(paragraph.lead)
        for n in range(1, len(words) + 1):
            if words[:n] not in keys:
                continue
            if len(lead) < n and words[: len(lead)] == lead:
                shorter[words[:n]] += 1
            elif lead[:n] == words[:n]:
                agree[words[:n]] += 1
    return {keys[k] for k in keys if shorter[k] > agree[k]}


def trailing_words(leads: Iterable[str], paragraphs: list[Paragraph]) -> dict[str, dict[str, int]]:
    """Words that may end an unseen lead: "Alarmed" + "also" when only "Alarmed" is known.

    A word qualifies when it extends at least 3 different kept leads into kept leads (so it is a
    modifier, not part of one idiom like "concern" in "Expresses concern") and, where it stands
    right after a kept lead, it is italic at least 9 times in 10. In the preamble "also" and
    "further" pass; in the operative part "further" fails ("Encourages further efforts") and
    "upon" passes ("Calls upon", "Reiterates its call upon").
    """
    phrases = {phrase_key(lead) for lead in leads}
    italic: Counter = Counter()
    roman: Counter = Counter()
    bases: dict[str, set] = {}
    for paragraph in paragraphs:
        key = phrase_key(paragraph.lead) if paragraph.lead else ()
        if len(key) > 1 and key[:-1] in phrases:
            italic[key[-1]] += 1
            bases.setdefault(key[-1], set()).add(key[:-1])
        if key in phrases:
            words = opening_words(paragraph.text, limit=len(key) + 1)
            if len(words) > len(key):
                roman[words[-1][0]] += 1
    return {
        word: {"italic": italic[word], "roman": roman[word]}
        for word in sorted(italic)
        if len(bases[word]) >= 3 and italic[word] >= 9 * roman[word]
    }


def build(paragraphs: list[Paragraph], min_count: int = DEFAULT_MIN_COUNT) -> dict:
    """The lexicon as JSON-ready data: per kind, the kept leads with their counts."""
    kinds = {}
    for kind, counts in count_leads(paragraphs).items():
        of_kind = [p for p in paragraphs if p.kind == kind]
        merged = merge_case_variants(counts)
        frequent = Counter({phrase: n for phrase, n in merged.items() if n >= min_count})
        dropped = shadowed(frequent, of_kind)
        leads = {phrase: n for phrase, n in frequent.items() if phrase not in dropped}
        kinds[kind] = {
            "paragraphs": len(of_kind),
            "with_lead": sum(counts.values()),
            "distinct": len(merged),
            "rare": len(merged) - len(frequent),
            "shadowed": sorted(dropped),
            "leads": leads,
            "trailing": trailing_words(leads, of_kind),
        }
    return {"source": SOURCE, "min_count": min_count, "kinds": kinds}


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--min-count", type=int, default=DEFAULT_MIN_COUNT)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"no corpus at {args.corpus}")
    started = time.perf_counter()
    files = corpus_files(args.corpus)
    data = build(read_corpus(files), args.min_count)
    args.out.write_text(to_json(data), encoding="utf-8")
    summary = ", ".join(f"{kind} {len(data['kinds'][kind]['leads'])}" for kind in KINDS)
    print(f"{args.out}: {summary} leads from {len(files)} files "
          f"in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
