"""Character-level cleaning shared by every reader.

Promises, each tested in tests/test_clean.py:
- `clean_chars` leaves no character that XML 1.0 forbids and no C0/C1 control except tab and newline,
  and no invisible character (zero-width space and joiners, soft hyphen, byte-order mark, direction
  marks and embeddings); it turns the fraction slash (U+2044) and division slash into "/" and the
  breaking typographic spaces (en, em, thin, hair ... and U+202F, which the UN's files hold only as
  pasting slips: "of\u202fthe\u202fGeneral Assembly") into plain spaces.
- No-break spaces (U+00A0, U+2007) and non-breaking hyphens (U+2011) stay: the UN writes
  "23\u00a0December 2003" and "COVID\u201119" so that a date or a word never breaks across lines.
  Code that compares words must split on any whitespace (`str.split()` does).
- `one_line` returns text with no newline and no whitespace at either end; a run of ordinary
  whitespace becomes one space, a run that holds a no-break space becomes that one no-break space.
"""

from __future__ import annotations

import re

# Everything clean_chars changes; most texts hold none of it, and one search says so.
_ODD = re.compile("[\r\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u2000-\u200f\u2028-\u202f\u2044"
                  "\u205f-\u206f\u2215\u3000\ufeff\ufffe\uffff\ud800-\udfff]")
# Characters XML 1.0 forbids, plus C1 controls; a bad source can carry any of them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_BREAKING_SPACE = re.compile("[\u2000-\u2006\u2008-\u200a\u2028\u2029\u202f\u205f\u3000]")
NO_BREAK = "\u00a0\u2007"
_RUN = re.compile(r"\s+")


# What of that ASCII holds (the controls but tab and newline), as bytes: most texts are ASCII, and
# deleting these bytes from one is five times quicker than the pattern's search through it.
_ODD_ASCII = bytes(code for code in range(128) if _ODD.match(chr(code)))


def is_clean(text: str) -> bool:
    """Nothing in `text` that `clean_chars` would change."""
    if text.isascii():
        data = text.encode()
        return len(data.translate(None, _ODD_ASCII)) == len(data)
    return _ODD.search(text) is None


def clean_chars(text: str) -> str:
    """Normalize characters, keeping line structure (newlines and tabs stay)."""
    if is_clean(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    # The fraction slash of "60⁄227" in a PDF text layer, and the division slash, are a "/".
    text = text.replace("\u2044", "/").replace("\u2215", "/")
    return _BREAKING_SPACE.sub(" ", text)


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space and trim; a run that
    holds a no-break space collapses to it, so "23 \u00a0December" still cannot break."""
    if "\u00a0" not in text and "\u2007" not in text:
        return " ".join(text.split())
    if "\u2007" in text:
        return _RUN.sub(_one_space, text).strip()
    # Each no-break space rides through the split as a NUL (never text: XML forbids it), then
    # swallows the plain spaces beside it.
    joined = " ".join(text.replace("\x00", "").replace("\u00a0", "\x00").split())
    joined = joined.replace(" \x00", "\x00").replace("\x00 ", "\x00")
    while "\x00\x00" in joined:
        joined = joined.replace("\x00\x00", "\x00")
    return joined.replace("\x00", "\u00a0").strip()


def _one_space(run: re.Match[str]) -> str:
    found = run.group()
    return next((char for char in found if char in NO_BREAK), " ")
