"""Resolution numbers and symbols as people type them (drafter/symbols.py)."""

from __future__ import annotations

import json

import pytest
from conftest import corpus_or_skip

from drafter.symbols import nearest, resolution_number


@pytest.mark.parametrize("typed, number", [
    ("58/208", "58/208"),
    ("A/RES/58/208", "58/208"),
    ("  a/res/58/208 ", "58/208"),
    ("A/RES/77/292 B", "77/292 B"),
    ("77/292B", "77/292 B"),
    ("A/RES/75/254 A - C", "75/254 A-C"),
    ("E/RES/2006/2", "2006/2"),          # ECOSOC and its commissions number by year
    ("S/RES/2334(2016)", "2334 (2016)"),  # the Security Council by serial and year
    ("A/RES/3281 (XXIX)", "3281 (XXIX)"),  # the Assembly before its 31st session
    ("A/RES/ES-10/19", "ES-10/19"),       # emergency special session
    ("A/RES/S-27/2", "S-27/2"),           # special session
])
def test_numbers_and_symbols_in_every_form(typed, number):
    assert resolution_number(typed) == number


@pytest.mark.parametrize("typed", ["foo.xml", "seeds/001.txt", "A/58/98", "A/C.2/60/L.12", "58/", "/208", ""])
def test_what_is_not_a_resolution(typed):
    # Other document symbols (reports, drafts) and file names are never taken for a resolution.
    assert resolution_number(typed) is None


def test_every_symbol_of_the_corpus():
    # Learned from nothing: the forms above are the UN's; the corpus (sessions 75-80) checks that
    # every General Assembly resolution symbol it holds reads as a number, the same whether typed as
    # the symbol or the bare number, and that no originating draft symbol is mistaken for one.
    meta = corpus_or_skip() / "meta"
    records = [json.loads(line) for path in sorted(meta.glob("*.json"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) > 1800
    for record in records:
        symbol = record["symbol"]
        number = resolution_number(symbol)
        assert number is not None, symbol
        assert resolution_number(symbol.removeprefix("A/RES/")) == number
        assert symbol.startswith(f"A/RES/{number.split(' ')[0]}")
        assert resolution_number(record["originating_document"]) is None, record["originating_document"]


def test_nearest_suggests_slips_of_the_keys_only():
    held = ["52/189", "54/212", "56/203", "58/208", "2006/2"]
    assert nearest("58/280", held) == ["58/208"]     # two digits swapped
    assert nearest("58/28", held) == ["58/208"]      # one dropped
    assert nearest("2006/3", held) == ["2006/2"]
    assert nearest("77/1", held) == []               # nothing like it: no wild guess
