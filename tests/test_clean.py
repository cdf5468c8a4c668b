"""The promises of drafter.ingest.clean, each on the smallest text that shows it."""

from drafter.ingest.clean import clean_chars, one_line


def test_forbidden_and_invisible_characters_go():
    assert clean_chars("a\x00b\x07c\x0bd\x1fe\x85f\u200eg\u200fh\ufeffi\u00adj\u2060k\u202al") == "abcdefghijkl"


def test_tabs_and_newlines_stay_and_line_ends_are_unified():
    assert clean_chars("a\tb\r\nc\rd") == "a\tb\nc\nd"


def test_fraction_slash_and_breaking_typographic_spaces():
    assert clean_chars("60\u2044227 of\u2009the\u202fGeneral\u2003Assembly") == "60/227 of the General Assembly"


def test_no_break_spaces_and_hyphens_stay():
    # The UN holds a date's day to its month, and "COVID-19" together, so neither breaks at a line end.
    assert clean_chars("23\u00a0December 2003, COVID\u201119") == "23\u00a0December 2003, COVID\u201119"


def test_text_without_anything_to_clean_is_returned_as_it_is():
    text = "Recalling its resolution 58/208 of 23\u00a0December 2003,"
    assert clean_chars(text) is text


def test_one_line():
    assert one_line("  Recalling\n its \t resolutions \u00a0 ") == "Recalling its resolutions"


def test_one_line_keeps_a_no_break_space_and_makes_it_the_whole_run():
    # "8\u00a0 December" (75/52) is one no-break space: a plain space beside it would let the line break.
    assert one_line("of 23\u00a0December\n  2003, 8\u00a0 December and 9 \u00a0\nJune") == \
        "of 23\u00a0December 2003, 8\u00a0December and 9\u00a0June"
    # Words are still told apart by any whitespace.
    assert one_line("23\u00a0December 2003").split() == ["23", "December", "2003"]


def test_is_clean_is_the_patterns_answer_for_every_character():
    """`is_clean` takes a quicker way for ASCII text; for every character, alone or among words,
    it says what the pattern of everything `clean_chars` changes says."""
    from drafter.ingest.clean import _ODD, is_clean
    for code in list(range(0x3100)) + [0xd7ff, 0xe001, 0xfeff, 0xfffd, 0xfffe, 0xffff, 0x1f600]:
        char = chr(code)
        for text in (char, f"word{char}", f"a\tword{char} and\n"):
            assert is_clean(text) == (_ODD.search(text) is None), hex(code)
    assert is_clean("") and is_clean("\tRecalling its resolution,\n") and not is_clean("a\rb")
