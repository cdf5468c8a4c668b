"""The promises of drafter.ingest.clean, each on the smallest text that shows it."""

from drafter.ingest.clean import clean_chars, one_line


def test_forbidden_and_invisible_characters_go():
    assert clean_chars("a\x00b\x07c\x0bd\x1fe\x85f\u200eg\u200fh\ufeffi") == "abcdefghi"


def test_tabs_and_newlines_stay_and_line_ends_are_unified():
    assert clean_chars("a\tb\r\nc\rd") == "a\tb\nc\nd"


def test_fraction_slash_and_no_break_spaces():
    assert clean_chars("60\u2044227 of 23\u00a0December") == "60/227 of 23 December"


def test_one_line():
    assert one_line("  Recalling\n its \t resolutions \u00a0 ") == "Recalling its resolutions"
