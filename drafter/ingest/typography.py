"""Quotes and apostrophes as the UN prints them (curly), whatever the source did to them.

Two kinds of damage are repaired:
- an export that could not encode curly quotes wrote `?` for each ("one?s country",
  "?International migration ...?."); a real question mark never sits between two letters or right
  before a word, so those positions are safe to restore, and a closing `?` is restored only when an
  opening one was;
- straight quotes from a plain-text source become curly, so the same clause reads the same in every
  source.
`has_lost_quotes` decides per document: a text that has curly quotes lost none.
"""

from __future__ import annotations

import re

_APOSTROPHE_Q = re.compile(r"(?<=[A-Za-z])\?(?=[A-Za-z])")
_OPEN_Q = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))\?(?=[A-Za-z0-9])")
_CLOSE_Q = re.compile(r"(?<=[A-Za-z0-9.,;:!)])\?(?=[\s.,;:)\]]|$)")
_STRAIGHT_APOSTROPHE = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])")
_STRAIGHT_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))[\"'](?=\S)")
_STRAIGHT_CLOSE = re.compile(r"(?<=\S)\"")


def has_lost_quotes(text: str) -> bool:
    if any(q in text for q in "“”’‘"):
        return False
    return bool(_APOSTROPHE_Q.search(text) or _OPEN_Q.search(text))


def restore_lost_quotes(text: str) -> str:
    text = _APOSTROPHE_Q.sub("’", text)
    opened = _OPEN_Q.search(text) is not None
    text = _OPEN_Q.sub("“", text)
    return _CLOSE_Q.sub("”", text) if opened else text


def curly_quotes(text: str) -> str:
    text = _STRAIGHT_APOSTROPHE.sub("’", text)
    text = _STRAIGHT_OPEN.sub(lambda m: "“" if m.group() == '"' else "‘", text)
    text = _STRAIGHT_CLOSE.sub("”", text)
    return text.replace("'", "’")
