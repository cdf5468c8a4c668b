"""What text may reach a file: characters XML 1.0 forbids (control characters from a bad source)
never do, and a line break inside a line of text is a space. No-break spaces (U+00A0) and
non-breaking hyphens (U+2011) stay: they are what keeps a date or a symbol on one line.
"""

from __future__ import annotations

import re

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    return _FORBIDDEN.sub("", text).replace("\r", " ").replace("\n", " ")
