"""Stage 1 of the text reader: raw text -> numbered lines, with debris recognised.

Promises to later stages (tests/test_ingest_text.py checks each):
- every `Line` keeps its 1-based source line number, so errors can say `file:line`;
- `Line.text` is stripped and free of word-processor markers (`[COMMENT1]`);
- `Line.indented` says whether the source line began with white space, which in PDF text layers is
  how the body announces itself again after a footnote block;
- `is_debris` recognises what page furniture leaves behind: running headers (a bare document symbol),
  "Page 4", bare page numbers, job numbers ("03-50283 (E)", "00 26259 /..."), `<<ODS ...>>` fields,
  "/..." continuation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.ingest.clean import clean_chars

_COMMENT = re.compile(r"\[COMMENT\d*\]")

_DEBRIS = [
    re.compile(r"<<ODS [^>]*>>"),                              # word-processor export fields
    re.compile(r"^/\.\.\.$"),                                   # "continued overleaf" mark
    re.compile(r"^\d{2}[ -]?\d{5}\s*(\([A-Z]\))?\s*(/\.\.\.)?$"),  # job numbers: 03-50283 (E), 00 26259 /...
    re.compile(r"^Page \d{1,4}(\s+of\s+\d{1,4})?$"),
    re.compile(r"^-\s*\d{1,4}\s*-$"),                          # "- 4 -" page numbers
    re.compile(r"^\d{1,4}$"),                                   # a bare page number
    re.compile(r"^(?P<page>\d{1,3})\s?/\s?(?P<of>\d{1,3})$"),        # "2/15": page 2 of 15
    # A running header is a document symbol alone on a line: A/RES/58/208, E/CN.9/2006/9, A/C.2/60/L.12.
    # It never ends with a full stop; a footnote line that is only a symbol ("A/S-21/PV.9.") does.
    re.compile(r"^[A-Z]{1,4}(?:\.\d+)?(?:/[A-Za-z0-9.()-]+){2,}(?<!\.)$"),
]

# A footnote separator: a rule of underscores or dashes, or (when the rule was a drawn line) a line
# of nothing but many spaces.
_SEPARATOR = re.compile(r"^(?:_{5,}|-{5,})$")
_BLANK_RULE = re.compile(r"^[ \t]{20,}$")


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    indented: bool

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    lines = []
    for number, raw in enumerate(_COMMENT.sub("", clean_chars(text)).split("\n"), start=1):
        stripped = raw.strip()
        indented = bool(stripped) and raw[:1] in (" ", "\t")
        lines.append(Line(number, stripped, indented))
    return lines


def is_separator(line: Line, raw_blank_rule: bool = False) -> bool:
    return bool(_SEPARATOR.match(line.text)) or raw_blank_rule


def blank_rule_lines(text: str) -> set[int]:
    """Line numbers of space-only lines long enough to be a drawn footnote rule."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return {n for n, raw in enumerate(lines, start=1) if _BLANK_RULE.match(raw)}


def page_starts(text: str) -> set[int]:
    """Line numbers of the lines a form feed opens: where pdftotext starts a new page."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return {n for n, raw in enumerate(lines, start=1) if "\f" in raw}


def is_debris(line: Line) -> bool:
    for pattern in _DEBRIS:
        match = pattern.search(line.text)
        # "2/15" is a page number only if the page is within the count ("15/2" is none).
        if match and ("page" not in pattern.groupindex or int(match["page"]) <= int(match["of"])):
            return True
    return False


def is_page_number(line: Line) -> bool:
    return line.text.isdigit() and len(line.text) <= 4
