"""Paragraph leads: where the italic opening words of a paragraph end, once the italics are lost.

Every preambular paragraph of a resolution opens with an italic participle or adjective phrase
("Recalling also", "Deeply concerned") and every operative paragraph with an italic verb phrase
("Takes note", "Also calls upon"). Plain text loses the italics; this module finds the lead again
with a lexicon learned from the United Nations' Akoma Ntoso resolutions: `tools/build_leads.py`
writes `drafter/data/leads.json` (source: United Nations, UNxml/GAresolutions).

A lead is read as   [adverbs] core [trailing word]
- core: the longest lexicon phrase at the start ("Takes note"), or at the start of what follows
  the adverbs ("Further" + "notes with appreciation"); failing both, a head word of the shape the
  corpus gives nearly every lead: a participle or adjective in -ing/-ed (preambular), a verb in -s
  (operative);
- adverbs: word groups the lexicon shows in front of whole leads ("Also", "Once again",
  "Deeply"), at most two;
- a trailing word: one the corpus shows ending many leads and almost never standing after a lead
  in roman ("also" and "further" in the preamble, where "Alarmed also" is one lead; not in the
  operative part, where "Encourages further efforts" is not).

Promises, each tested in tests/test_leads.py:
- `split_lead(text, kind)` returns an exact prefix of `text` that ends at a word boundary, or None;
  None whenever `text` does not open with a capital letter.
- `is_lead_start(text, kind)` is stricter: it answers for a line whose context is unknown (a new
  paragraph, or a wrapped line?), so outside the lexicon it accepts a head word only when the
  lexicon knows it in some form ("Expecting" vouches for "Expects") and no capitalized word
  follows it, as one would in a title ("Renewed Declaration").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

KINDS = ("preambular", "operative")

# A word of a lead: letters, with inner hyphens or apostrophes ("re-emphasize"). Digits end it, so
# a footnote marker glued to the lead ("Takes note1 of") still leaves a word boundary.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_SPACE = re.compile(r"\s+")

# The head of a lead the lexicon has never seen: 97% of preambular heads in the corpus end in
# -ing/-ed (the rest are a handful of adjectives, Aware, Mindful, ..., all in the lexicon) and
# 99.9% of operative heads in -s; "-ss" is excluded because no present-tense verb ends so.
_HEAD_SHAPE = {
    "preambular": re.compile(r"[a-z][a-z'\u2019-]+(?:ing|ed)"),
    "operative": re.compile(r"[a-z][a-z'\u2019-]+[^s]s"),
}
_MAX_ADVERBS = 2  # "Once again strongly urges": two adverb groups at most, as in the corpus

Words = list[tuple[str, int]]  # casefolded words with the offset where each ends


def opening_words(text: str, limit: int = 12) -> Words:
    """The words that open `text`, casefolded, each with the offset where it ends.

    Words count only while whitespace alone separates them: a comma, a digit or any other mark
    ends the run, because a lead never spans punctuation ("Encourages, where relevant").
    """
    words: Words = []
    pos = 0
    while len(words) < limit:
        word = _WORD.match(text, pos)
        if word is None:
            break
        words.append((word.group().casefold(), word.end()))
        space = _SPACE.match(text, word.end())
        if space is None:
            break
        pos = space.end()
    return words


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The casefolded words of a lexicon phrase: how phrases are compared with text."""
    return tuple(word for word, _ in opening_words(phrase, limit=len(phrase)))


def other_forms(word: str) -> set[str]:
    """The participle and finite forms a head word may take in the other part of a resolution.

    "expects" -> expecting, ...; "striving" -> strives, ...; "alarmed" -> alarms, alarming, ...
    Spelling rules are crude and over-generate (e.g. "notees"), which is harmless: the forms are
    only looked up among the head words the lexicon knows.
    """
    if word.endswith("ing"):
        bases = {word[:-3], word[:-3] + "e"}
    elif word.endswith("ed"):
        bases = {word[:-2], word[:-1]}
    elif re.search(r"(?:s|sh|ch|x|z)es$", word):
        bases = {word[:-2]}  # stresses, establishes: -es only after a sibilant
    elif word.endswith("s"):
        bases = {word[:-1]}
    else:
        return set()
    bases |= {b[:-1] for b in bases if len(b) > 3 and b[-1] == b[-2] and b[-1] not in "aeiou"}
    forms = set()
    for base in bases:
        stem = base[:-1] if base.endswith("e") else base
        forms |= {base + "s", base + "es", stem + "ing", base + base[-1:] + "ing", stem + "ed",
                  base + "d"}
    forms.discard(word)
    return forms


@dataclass(frozen=True)
class Reading:
    """How the opening words of a text read as a lead."""

    words: int  # how many opening words the lead takes
    head: str  # its head word, after any adverbs ("calls" in "Also calls upon")
    seen: bool  # the lexicon knows the core phrase; False when only the head's shape vouches


@dataclass(frozen=True)
class KindLexicon:
    """What is known about the leads of one kind of paragraph."""

    shape: re.Pattern[str]
    phrases: frozenset[tuple[str, ...]]
    adverbs: frozenset[tuple[str, ...]]
    trailing: frozenset[str]
    longest: int

    @classmethod
    def from_data(cls, kind: str, data: Mapping) -> KindLexicon:
        phrases = frozenset(phrase_key(phrase) for phrase in data["leads"])
        return cls(
            shape=_HEAD_SHAPE[kind],
            phrases=phrases,
            adverbs=learned_adverbs(phrases),
            trailing=frozenset(data.get("trailing", ())),
            longest=max((len(p) for p in phrases), default=1),
        )

    def read(self, keys: tuple[str, ...]) -> Reading | None:
        """Read casefolded opening words as [adverbs] core [trailing word]; None if no lead."""
        start = self.adverbs_end(keys)
        core = max(self.phrase_end(keys, 0), start + self.phrase_end(keys, start))
        seen = core > start
        if not seen:  # an unseen lead: its head word alone, if it has the shape of one
            if start == len(keys) or not self.shape.fullmatch(keys[start]):
                return None
            core = start + 1
        trailing = int(core < len(keys) and keys[core] in self.trailing)
        return Reading(words=core + trailing, head=keys[start], seen=seen)

    def adverbs_end(self, keys: tuple[str, ...]) -> int:
        """How many opening words are learned adverb groups ("Once again", "Strongly")."""
        end = 0
        for _ in range(_MAX_ADVERBS):
            group = max((len(a) for a in self.adverbs if keys[end: end + len(a)] == a), default=0)
            if not group:
                break
            end += group
        return end

    def phrase_end(self, keys: tuple[str, ...], start: int) -> int:
        """Length of the longest lexicon phrase at `start` (0 if none)."""
        for n in range(min(len(keys) - start, self.longest), 0, -1):
            if keys[start: start + n] in self.phrases:
                return n
        return 0


def learned_adverbs(phrases: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """Word groups that go in front of a whole lead and still make one ("Also" + "requests").

    Learned, not listed: g is an adverb group when both "g L" and "L" are leads, unless g starts
    with a word that is a lead by itself ("Recognizes and" + "encourages" is two verbs, not an
    adverb). The corpus gives also, further, strongly, deeply, gravely, once again, ...
    """
    phrases = set(phrases)
    heads = {p[0] for p in phrases if len(p) == 1}
    return frozenset(
        p[:k]
        for p in phrases
        for k in range(1, len(p))
        if p[k:] in phrases and p[0] not in heads
    )


@dataclass(frozen=True)
class Lexicon:
    """The leads of both kinds, and every head word they contain."""

    kinds: Mapping[str, KindLexicon]
    heads: frozenset[str]

    @classmethod
    def from_data(cls, data: Mapping) -> Lexicon:
        """Build from the JSON written by tools/build_leads.py (or the same data in memory)."""
        kinds = {kind: KindLexicon.from_data(kind, data["kinds"][kind]) for kind in KINDS}
        heads = frozenset(
            phrase[min(lex.adverbs_end(phrase), len(phrase) - 1)]
            for lex in kinds.values()
            for phrase in lex.phrases
        )
        return cls(kinds=kinds, heads=heads)

    def split(self, text: str, kind: str) -> str | None:
        """See `split_lead`."""
        words, reading = self._read(text, kind)
        return text[: words[reading.words - 1][1]] if reading else None

    def is_start(self, text: str, kind: str) -> bool:
        """See `is_lead_start`."""
        words, reading = self._read(text, kind)
        if reading is None or reading.seen:
            return reading is not None
        # An unseen lead: its head must be a verb the lexicon knows in some form, and no capital
        # may follow it, as one would in a title ("Renewed Declaration for ...").
        known = reading.head in self.heads or bool(other_forms(reading.head) & self.heads)
        after = text[words[reading.words - 1][1]:].lstrip()
        return known and not after[:1].isupper()

    def _read(self, text: str, kind: str) -> tuple[Words, Reading | None]:
        lexicon = self._kind(kind)
        if not text[:1].isupper():  # a paragraph opens with a capital; a wrapped line may not
            return [], None
        words = opening_words(text, limit=lexicon.longest + 2 * _MAX_ADVERBS + 1)
        return words, lexicon.read(tuple(word for word, _ in words)) if words else None

    def _kind(self, kind: str) -> KindLexicon:
        try:
            return self.kinds[kind]
        except KeyError:
            raise ValueError(f"kind must be one of {KINDS}, not {kind!r}") from None


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped in drafter/data/leads.json, loaded once."""
    source = resources.files("drafter").joinpath("data/leads.json")
    return Lexicon.from_data(json.loads(source.read_text(encoding="utf-8")))


def split_lead(text: str, kind: str) -> str | None:
    """The lead that opens `text`, a paragraph of `kind` ("preambular" or "operative"), or None.

    `text` starts at the paragraph's first word (number and indentation already taken off). The
    lead is returned as it stands there, casing and spacing included:
    split_lead("Recalling also its resolutions", "preambular") == "Recalling also".
    """
    return default_lexicon().split(text, kind)


def is_lead_start(text: str, kind: str) -> bool:
    """Does `text` open like a paragraph of `kind`? Precise enough to tell from a wrapped line."""
    return default_lexicon().is_start(text, kind)


def lead_kind(lead: str) -> str | None:
    """The kind of paragraph `lead` opens: "Having considered", "Deeply concerned" preambular;
    "Urges", "Takes note" operative; None when neither lexicon knows it (a lead in another
    language, an italic title). When both claim it ("Having further considered"), a participle
    opens a preambular paragraph, a verb in -s an operative one. The Akoma Ntoso reader's outline
    and the structure of text, PDF and DOCX both decide by it."""
    preambular = split_lead(lead, "preambular")
    operative = split_lead(lead, "operative")
    if preambular is None or operative is None:
        return "preambular" if preambular else "operative" if operative else None
    first = lead.split()[0].lower()
    verb = first.endswith("s") and not first.endswith(("ss", "ous"))
    return "preambular" if first.endswith("ing") or not verb else "operative"
