"""The kind of a heading's label, by the headings open above it (drafter.ingest.heading_labels)."""

from drafter.ingest.heading_labels import heading_kind, next_letter, next_roman, roman


def test_words_numbers_and_letters():
    assert heading_kind(None, {}) == "unlabelled"
    assert heading_kind("Part II", {}) == "part"
    assert heading_kind("Income section 2", {}) == "income section"
    assert heading_kind("3", {}) == "arabic"
    assert heading_kind("IV", {}) == "roman"
    assert heading_kind("B.", {}) == "letter"          # "B." and "B" are one


def test_a_single_numeral_letter_by_what_is_open():
    # "I" alone opens numbered headings, but right after "H" it is the next letter.
    assert heading_kind("I", {}) == "roman"
    assert heading_kind("I", {"letter": "H"}) == "letter"
    assert heading_kind("I", {"roman": "II", "letter": "A"}) == "letter"   # letters in use, I not next numeral
    assert heading_kind("V", {"roman": "IV", "letter": "A"}) == "roman"
    # L and C are letters unless they follow the numeral before them.
    assert heading_kind("C", {"letter": "B"}) == "letter"
    assert heading_kind("L", {"roman": "XLIX"}) == "roman"
    # A doubled letter after the one before it, as the UN letters after Z.
    assert heading_kind("II", {"letter": "HH"}) == "letter"
    assert heading_kind("II", {"letter": "A"}) == "roman"


def test_successors():
    assert [next_letter(x) for x in ("A", "Z", "AA", "h", "A1")] == ["B", "AA", "BB", "i", None]
    assert [next_roman(x) for x in ("I", "IV", "XIX", "XLIX", "XCIX", "B")] == ["II", "V", "XX", "L", "C", None]
    assert [next_roman(x) for x in ("iv", "xix", "ii.")] == ["v", "xx", "iii"]     # a sub-paragraph's, in its case
    assert [roman(n) for n in (4, 9, 14, 40, 90, 400, 1999)] == ["iv", "ix", "xiv", "xl", "xc", "cd", "mcmxcix"]
