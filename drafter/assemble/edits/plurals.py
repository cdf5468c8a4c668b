"""A citation of several resolutions says "resolutions": the word agrees with the list it leads.

A value that grows from one to several ("decision 1995/313 of 27 July 1995" edited to "1995/313
of 27 July 1995 and 2004/2 of 1 May 2004"), or a list the series edit lengthens, takes the plural
the UN writes: in sessions 75-78 of the corpus every one of the 1,122 lists of two or more
resolutions or decisions is led by the plural, and none by the singular (tests/test_edits.py
checks 79-80). Not a kind of edit to refuse: the grammar of the words the drafter chose.
"""

from __future__ import annotations

import re

from drafter.assemble.edits.rewrite import edit_notes, edit_texts
from drafter.library.patterns import CITATION_ITEM, CITATIONS

# The word that leads a citation list, singular -> plural (English, as _CITATIONS reads it).
PLURALS = {"resolution": "resolutions", "decision": "decisions"}
_WORD = re.compile(r"\w+")
_CITATIONS = re.compile(CITATIONS)                   # as the slots read them (drafter.library.slots)
_CITATION_ITEM = re.compile(CITATION_ITEM)


def agree(paragraph, notes: list[str]):
    """The paragraph and notes with every singular that leads a list of several made plural."""
    paragraph, _ = edit_texts(paragraph, cuts)
    return paragraph, edit_notes(notes, cuts)


def cuts(text: str) -> list[tuple[int, int, str]]:
    out = []
    for match in _CITATIONS.finditer(text):
        word = _WORD.match(text, match.start())
        if word.group() in PLURALS and len(list(_CITATION_ITEM.finditer(match["list"]))) > 1:
            out.append((word.start(), word.end(), PLURALS[word.group()]))
    return out
