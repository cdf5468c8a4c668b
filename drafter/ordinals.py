"""Session ordinals as the UN spells them: "fifty-eighth", "seventieth", "one hundredth", "one hundred and first".

The Editorial Manual writes session numbers out in words in running text ("at its fifty-ninth session")
and capitalised in headings ("Fifty-ninth session"). Both directions are needed: reading a session
reference out of a text, and writing the moved one back.
"""

from __future__ import annotations

_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNIT_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                  "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
_TENS_ORDINALS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
                  "seventieth", "eightieth", "ninetieth"]


def ordinal_words(n: int) -> str:
    """1 -> "first", 61 -> "sixty-first", 70 -> "seventieth", 100 -> "one hundredth",
    101 -> "one hundred and first" (British usage, as in UN documents)."""
    if not 1 <= n <= 999:
        raise ValueError(f"session ordinal out of range: {n}")
    hundreds, rest = divmod(n, 100)
    if hundreds:
        head = f"{_UNITS[hundreds]} hundred"
        return f"{head}th" if rest == 0 else f"{head} and {_below_hundred_ordinal(rest)}"
    return _below_hundred_ordinal(rest)


def _below_hundred_ordinal(n: int) -> str:
    if n < 20:
        return _UNIT_ORDINALS[n]
    tens, unit = divmod(n, 10)
    return _TENS_ORDINALS[tens] if unit == 0 else f"{_TENS[tens]}-{_UNIT_ORDINALS[unit]}"


_WORD_VALUES = {ordinal_words(n): n for n in range(1, 1000)}


def _alternation(words: list[str]) -> str:
    return "|".join(sorted((w for w in words if w), key=len, reverse=True))


_BELOW_HUNDRED = (
    rf"(?:(?:{_alternation(_TENS)})-(?:{_alternation(_UNIT_ORDINALS[1:10])})"
    rf"|{_alternation(_TENS_ORDINALS)}|{_alternation(_UNIT_ORDINALS)})"
)
# Any ordinal from "first" to "nine hundred and ninety-ninth", lower case; compile with re.I
# to read headings ("Fifty-eighth session").
ORDINAL_PATTERN = (
    rf"(?:(?:{_alternation(_UNITS[1:10])}) hundred(?:th| and {_BELOW_HUNDRED})|{_BELOW_HUNDRED})\b"
)


def ordinal_value(words: str) -> int | None:
    """"Fifty-ninth" -> 59; None when the words are not a session ordinal."""
    key = " ".join(words.lower().replace("\u2010", "-").split())
    return _WORD_VALUES.get(key)


def match_case(template: str, words: str) -> str:
    """Spell `words` with the capitalisation of `template` ("Fifty-ninth" -> "Sixty-first")."""
    if template[:1].isupper():
        return words[:1].upper() + words[1:]
    return words


def session_heading(n: int) -> str:
    """61 -> "Sixty-first session", as a masthead writes the session."""
    words = ordinal_words(n)
    return f"{words[:1].upper()}{words[1:]} session"
