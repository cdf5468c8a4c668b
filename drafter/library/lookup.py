"""Finding clauses in a library: by the resolution they stood in, by their words, by likeness.

Each question goes to the library's index (drafter.library.index) and loads only the families the
answer names:

    clauses_of(library, "58/208")   every clause of a source, with its family, variant and values
    search(library, "remittances")  families ranked by bm25 over their wordings, stemmed
    best_family(library, clause)    the family a clause belongs to by the rule mining uses, among
                                    the families that share a MinHash band with it
"""

from __future__ import annotations

import math
import re

from drafter.errors import LibraryError
from drafter.library.clauses import Clause
from drafter.library.model import Family, Library, Variant, VariantSource
from drafter.records import dataclass

_TERM = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Hit:
    """One family found by a search: its best-matching wording, filled as in its latest source."""

    family: Family
    variant: Variant
    score: float                 # higher is better (bm25, sign turned)
    text: str                    # as the index holds it: filled as in its latest source


def clauses_of(library: Library, number: str) -> list[tuple[Family, Variant, VariantSource]]:
    """Every clause the library holds from resolution `number`."""
    out = []
    for family_id in library.indexed().families_of(number):
        family = library.family(family_id)
        out += [(family, v, s) for v, s in family.sources() if s.ref.resolution == number]
    return out


def search(library: Library, text: str, kind: str | None = None, limit: int = 20) -> list[Hit]:
    """Families whose active wordings match the words of `text`, best first. Words are stemmed
    ("remittance" finds "remittances"); every word counts, rarer ones more, and the words as a
    phrase count again."""
    terms = list(dict.fromkeys(_TERM.findall(text.lower())))
    if not terms:
        raise LibraryError("nothing to search for", hint="give some words, e.g. `drafter clauses search remittances`")
    query = " OR ".join([f'"{" ".join(terms)}"', *(f'"{t}"' for t in terms)])
    hits = []
    for family_id, variant_id, rank, text in library.indexed().search(query, kind, limit):
        if -rank < 1e-3:
            continue                     # words (nearly) every wording holds ("and") say nothing: bm25 floors them
        family = library.family(family_id)
        hits.append(Hit(family, family.variant(variant_id), round(-rank, 6), text))
    return hits


def best_family(library: Library, clause: Clause) -> Family | None:
    """The family this clause belongs to by the mining rule, or None. Words are weighted by how
    rare they are among the library's wordings of the clause's kind, the clause counted in."""
    # Mining's module, imported here only: a draft from a base the library holds never asks.
    from drafter.library import families as grouping

    words = grouping.content_words(clause)
    if not words:
        return None
    index = library.indexed()
    families = [library.family(i) for i in index.candidates(clause.kind, grouping.band_keys(words))]
    texts = [grouping.wording_words(v.template, v.lead, v.subparagraphs) for f in families for v in f.variants]
    if not texts:
        return None
    wordings, df = index.document_frequency(clause.kind, words.union(*texts))
    n = wordings + 1
    weight = {w: math.log((n + 1) / (df.get(w, 0) + (w in words) + 1)) + 1.0 for w in words.union(*texts)}
    scorer = grouping._Scorer([words, *texts], weight)
    best, best_score, at = None, 0.0, 1
    for family in families:
        for _ in family.variants:
            score = scorer.same_family(0, at)
            if score > best_score:
                best, best_score = family, score
            at += 1
    return best
