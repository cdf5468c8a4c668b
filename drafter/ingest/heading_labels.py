"""What kind of label a heading carries ("part", "arabic", "roman", "letter"), by the headings open above it.

The rule the readers rank headings by (a heading of a kind already open goes back to that level):
"Part II" and "Income section 2" are of the kind named by their words, "3" arabic, "IV" roman, "B"
a letter; "I", "V", "X", "L" and "C" alone are read by what is open: the letter after an open letter
("H", then "I"), the numeral after an open numeral ("XLIX", then "L"), else a numeral for I, V and X
unless lettered headings are open.

Both readers rank their headings with it: drafter.ingest.structure (DOCX, PDF) and the Akoma
Ntoso reader (akn_outline), whose sub-paragraph labels use the successors too. Over the corpus's
1,266 headings the two readers' former copies of the rule answered alike; they differed only
where the corpus has no example, and this rule takes the right answer of each: a doubled letter
after the one before it ("HH", then "II": a letter) and a numeral past XX ("XLIX", then "L": a
numeral).
"""

from __future__ import annotations

import re

_UPPER_ROMAN = re.compile(r"[IVXLC]+")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_DIGITS = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                 (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def heading_kind(label: str | None, latest: dict[str, str]) -> str:
    """The kind of a heading's label ("B." and "B" are one); `latest` maps each kind open above
    the heading to the label of the nearest heading of that kind."""
    if label is None:
        return "unlabelled"
    label = label.rstrip(".")
    if " " in label:
        return label.rsplit(" ", 1)[0].lower()
    if label[:1].isdigit():
        return "arabic"
    if not _UPPER_ROMAN.fullmatch(label):
        return "letter"
    if latest.get("letter") and next_letter(latest["letter"].upper()) == label:     # "b", then "C" too
        return "letter"
    if latest.get("roman") and next_roman(latest["roman"]) == label:
        return "roman"
    return "roman" if len(label) > 1 or (label in "IVX" and "letter" not in latest) else "letter"


def next_letter(label: str) -> str | None:
    """ "A" -> "B", "Z" -> "AA", "AA" -> "BB" (the UN doubles letters after Z); lower case too."""
    label = label.rstrip(".")
    if not label.isalpha() or len(set(label)) != 1:
        return None
    letter = label[0]
    if letter in "zZ":
        return ("a" if letter == "z" else "A") * (len(label) + 1)
    return chr(ord(letter) + 1) * len(label)


def next_roman(label: str) -> str | None:
    """ "IV" -> "V", "XLIX" -> "L", "iv" -> "v" (in the label's case); None for what is no numeral."""
    bare = label.rstrip(".")
    upper = bare.upper()
    if not _UPPER_ROMAN.fullmatch(upper):
        return None
    values = [_ROMAN_VALUES[char] for char in upper]
    following = roman(1 + sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0])))
    return following if bare.islower() else following.upper()


def roman(n: int) -> str:
    """The number in lower-case roman numerals (Word's lowerRoman numbering, the UN's (iv))."""
    out = ""
    for value, digits in _ROMAN_DIGITS:
        count, n = divmod(n, value)
        out += digits * count
    return out
