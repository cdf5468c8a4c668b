"""UN document symbols and resolution numbers, as people type them.

A resolution is named by its number (`58/208`, `77/292 B`, `2006/2`, `2334 (2016)`, `3281 (XXIX)`,
`ES-10/19`) or by its document symbol, the organ's letter and `RES` before the number
(`A/RES/58/208`, `A/RES/77/292 B`, `E/RES/2006/2`, `S/RES/2334 (2016)`). People type them with
other spacing and case (`a/res/77/292b`, `3281(XXIX)`, `75/254 A - C`); `resolution_number` gives
the one written form for any of them, so both can be compared with what a library holds.
"""

from __future__ import annotations

import re

# organ/RES/number: A (General Assembly), E (Economic and Social Council), S (Security Council).
_SYMBOL = re.compile(r"(?P<organ>[A-Z]+)/RES/(?P<number>.+)")
# session/serial (GA since the 31st session, with the special and emergency special sessions' S- and
# ES- prefixes), year/serial (ECOSOC and its commissions), serial (year) (Security Council) and
# serial (roman session) (GA before the 31st); then the part's letter when a resolution was adopted
# in parts (77/292 B), or the span of parts one text holds (75/254 A-C).
_NUMBER = re.compile(r"(?:(?:E?S)-\d+/)?\d+(?:/\d+)?(?: [A-Z](?:-[A-Z])?)?(?: \((?:\d{4}|[IVXLC]+)\))?")


def resolution_number(text: str) -> str | None:
    """The resolution number in `text`, a number or a resolution symbol, written the one way; or None."""
    text = " ".join(text.split()).upper()
    symbol = _SYMBOL.fullmatch(text)
    number = symbol.group("number") if symbol else text
    number = re.sub(r" ?- ?", "-", number)                             # A - C -> A-C
    number = re.sub(r"(\d) ?([A-Z](?:-[A-Z])?)$", r"\1 \2", number)    # 77/292B -> 77/292 B
    number = re.sub(r"(\S)\(", r"\1 (", number)                         # 3281(XXIX) -> 3281 (XXIX)
    return number if _NUMBER.fullmatch(number) else None


def nearest(number: str, known: list[str], limit: int = 3) -> list[str]:
    """The numbers of `known` closest in writing to `number`, best first: what a slip of the keys
    most likely meant (58/280 or 58/28 for 58/208). Only the close ones: within a tenth of the best
    likeness, and never below 0.6 (difflib's ratio), so a wild guess suggests nothing."""
    import difflib  # here: only a slip of the keys needs it

    scored = []
    for candidate in known:
        matcher = difflib.SequenceMatcher(None, number, candidate)
        if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6:
            scored.append((matcher.ratio(), candidate))
    scored.sort(key=lambda pair: -pair[0])
    if not scored:
        return []
    floor = max(0.6, scored[0][0] - 0.1)
    return [candidate for ratio, candidate in scored[:limit] if ratio >= floor]
