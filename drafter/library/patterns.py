"""The patterns of values a clause cites, as text: shared by the slot finder (slots.py), the
parameter schemas (schema.py) and the questions that read a typed value. Strings only, so that
importing them compiles nothing.

Every pattern reads the UN's own spacing: the reader keeps the no-break space (U+00A0) and the
non-breaking hyphen (U+2011) where the UN writes them ("19\u00a0December 2023", "72/262\u00a0C",
"resolution ES\u201110/15"), and a pattern that asked for a plain space would miss most dates of the
corpus. A value keeps the characters it was read with, so that it renders back byte for byte."""

from drafter.languages import MONTHS

MONTH = "(?:" + "|".join(MONTHS["en"]) + ")"
# A space as the UN writes it inside a date or a number: plain, or no-break; a hyphen inside a
# symbol or a number: plain or non-breaking ("COVID\u201119", "ES\u201110/15").
SPACE = r"[ \u00a0]"
HYPHEN = r"[-\u2011]"
DATE = rf"\d{{1,2}}{SPACE}{MONTH}{SPACE}\d{{4}}"
# Resolution and decision numbers: 58/208, S-21/2, ES-10/15, 1995/313; the old style, with the
# session in Roman numerals, 3281 (XXIX), 217 A (III), 2106 A (XX); the Security Council's, with its
# year, 2118 (2013); and the parts of one published apart, each a resolution of its own: 77/292 B,
# 53/77 AA, 74/92 A and B, 51/211 A to E, 75/101 A-B. A part letter is never the start of a word
# ("58/208 A new ...").
_NUMBER = (rf"(?:E?S{HYPHEN}\d{{{{1,2}}}}/\d{{{{1,3}}}}|\d{{{{1,4}}}}/\d{{{{1,4}}}}(?:{SPACE}{{parts}})?"
           rf"|\d{{{{1,4}}}}(?:{SPACE}[A-Z])?{SPACE}\((?:[IVXL]+|(?:19|20)\d\d)\))")
_PARTS = r"[A-Z]{1,2}(?:(?:-| and | to )[A-Z]{1,2})?"
RESOLUTION_NUMBER = _NUMBER.format(parts=_PARTS)             # a value, as a schema checks it
NUMBER_IN_TEXT = _NUMBER.format(parts=_PARTS + r"(?![\w-])(?! (?!of\b|and\b|on\b|to\b|in\b)[a-z])")
# UN document symbols: a series letter group, then /-separated parts, at least one with a digit.
SYMBOL = r"(?:A|E|S|ST|TD|DP|UNEP|HRC|CRC|CEDAW|CCPR|CERD|CAT|ICEF|FCCC|UNW)(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+"
# A list of cited resolutions or decisions ("resolutions 56/203 of 21 December 2001 and 57/270 B"),
# and one item of it, with its date when given.
CITATIONS = (rf"\b(?:resolutions?|decisions?){SPACE}(?P<list>{NUMBER_IN_TEXT}(?: of {DATE})?"
             rf"(?:(?:, | and ){NUMBER_IN_TEXT}(?: of {DATE})?)*)")
CITATION_ITEM = rf"(?P<number>{NUMBER_IN_TEXT})(?: of (?P<date>{DATE}))?"
