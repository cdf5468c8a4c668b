"""Character-level cleaning shared by every reader.

Promises, each tested in tests/test_clean.py:
- `clean_chars` leaves no character that XML 1.0 forbids and no C0/C1 control except tab and newline;
  it turns the fraction slash (U+2044) into "/" and no-break/thin spaces into plain spaces.
- `one_line` returns text with single spaces, no leading or trailing space, no newline.
"""

from __future__ import annotations

import re

# Characters XML 1.0 forbids, plus C1 controls; a bad source can carry any of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u2009\u202f\u200a\u2002\u2003\u3000]+")
_ANY_SPACE = re.compile(r"\s+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u00ad]")



def clean_chars(text: str) -> str:
    """Normalize characters, keeping line structure (newlines and tabs stay)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    # The fraction slash of "60⁄227" in a PDF text layer, and the division slash, are a "/".
    text = text.replace("\u2044", "/").replace("\u2215", "/")
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def one_line(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space and trim."""
    return _ANY_SPACE.sub(" ", _SPACES.sub(" ", text)).strip()
