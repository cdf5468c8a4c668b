"""Stage 5 of the text reader: take footnote markers out of paragraph text.

A text layer loses the superscript, so a marker is a number glued to the word before it
("Cairo,1", "Women4", "twenty-fourth5") or, in some layouts, standing after a space ("Cairo, 1 in").
Numbers of that shape are common in running text ("2 July 1999", "Article 19", "resolution 217 A"),
so a candidate is taken as a marker only when it is a marker the notes define and it comes in order:
footnotes are numbered through the document, so the first reference to each marker follows the one
before. A glued number may also repeat a marker already seen (52/189 cites note 10 four times); a
spaced one must be exactly the next expected marker and must not follow a word that takes a number.

Promises: `MarkerReader.take(text)` returns the text with markers removed, single-spaced, and a
`FootnoteRef` per marker with `at` = the offset in the returned text where the marker stood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.model import FootnoteRef

# A glued candidate: digits (or *) right after a letter or closing punctuation, before a space,
# punctuation or the end. "/" is excluded before the digits: "S-21/2" is a symbol, not a marker.
_GLUED = re.compile(r"(?<=[A-Za-z,;:.)”’\"'])(?P<marker>\d{1,3}|\*)(?=[\s,;:.)]|$)")
# A spaced candidate: " 12" after a word or punctuation, followed by a lower-case word, punctuation
# or the end ("Women 11 and", "Air, 14", "services; 20").
_SPACED = re.compile(r"(?<=[A-Za-z,;:.)”’\"']) (?P<marker>\d{1,3})(?=\s+[a-z]|[,;:.]|\s*$)")
# Words after which a number is the thing named, never a footnote marker.
_TAKES_NUMBER = re.compile(
    r"(?:resolution|resolutions|decision|article|articles|paragraph|paragraphs|para|paras|"
    r"annex|chapter|chap|section|goal|goals|target|principle|rule|item|page|vol|no|part|"
    r"table|figure|step|phase|level|grade|size|protocol|amendment|session)\.?$", re.I)


@dataclass
class MarkerReader:
    """Reads markers across a whole document, remembering which were seen."""

    known: list[str]                                  # markers the notes define, in order
    seen: set[str] = field(default_factory=set)

    def next_expected(self) -> str | None:
        for marker in self.known:
            if marker not in self.seen and marker != "*":
                return marker
        return None

    def take(self, text: str) -> tuple[str, tuple[FootnoteRef, ...]]:
        out: list[str] = []
        refs: list[FootnoteRef] = []
        position = length = 0
        for match, spaced in _candidates(text):
            marker = match["marker"]
            if not self._accept(marker, spaced, text[max(0, match.start() - 40):match.start()]):
                continue
            out.append(text[position:match.start()])
            length += match.start() - position
            position = match.end()
            refs.append(FootnoteRef(marker, length))
            self.seen.add(marker)
        out.append(text[position:])
        return _respace("".join(out), refs)

    def _accept(self, marker: str, spaced: bool, before: str) -> bool:
        if marker not in self.known:
            return False
        if marker == "*":
            return not spaced
        expected = self.next_expected()
        if spaced:
            word = before.rsplit(" ", 1)[-1]
            return marker == expected and not _TAKES_NUMBER.search(word)
        if marker in self.seen:
            return True
        # A glued marker may skip one the text lost, never go backwards.
        return expected is not None and int(expected) <= int(marker) <= int(expected) + 2


def _candidates(text: str) -> list[tuple[re.Match[str], bool]]:
    found = [(m, False) for m in _GLUED.finditer(text)] + [(m, True) for m in _SPACED.finditer(text)]
    return sorted(found, key=lambda pair: pair[0].start())


_DOUBLE_SPACE = re.compile(r" {2,}")


def _respace(text: str, refs: list[FootnoteRef]) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Collapse the double spaces a removed marker can leave, moving the offsets with the text."""
    runs = [(m.start(), m.end() - m.start() - 1) for m in _DOUBLE_SPACE.finditer(text)]
    cleaned = _DOUBLE_SPACE.sub(" ", text).rstrip()

    def moved(at: int) -> int:
        removed = sum(min(extra, max(0, at - start - 1)) for start, extra in runs if start < at)
        return min(at - removed, len(cleaned))

    return cleaned, tuple(FootnoteRef(r.marker, moved(r.at)) for r in refs)
