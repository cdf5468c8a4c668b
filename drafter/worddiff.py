"""Word-level differences between two wordings of a clause, as a drafter reads them.

`word_diff` returns [(op, text)] with op "=", "-" or "+"; `inline` shows it the way wdiff does,
[-removed-]{+added+}, which reads in a terminal and in a plain-text review alike.

Tokens are words with the punctuation glued to them, as Word's tracked changes mark them; with
`marks=True` punctuation is a token of its own, so "Development," against "Development and" shows
the comma going and "and" coming, which is easier to read on a screen.
"""

from __future__ import annotations

import difflib
import re

_TOKENS = re.compile(r"\s+|[^\s]+")
_WORDS_AND_MARKS = re.compile(r"\s+|\w(?:[\w’'\-./]*\w)?|[^\w\s]")


def word_diff(old: str, new: str, marks: bool = False) -> list[tuple[str, str]]:
    tokens = _WORDS_AND_MARKS if marks else _TOKENS
    a = tokens.findall(old)
    b = tokens.findall(new)
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def inline(old: str, new: str) -> str:
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return "".join(marks[op].format(text) for op, text in word_diff(old, new))
