"""Value kinds: what a delegate types, what is stored, what is shown, and why a value is refused."""

from __future__ import annotations

import re

import pytest
from conftest import corpus_or_skip

from drafter.assemble import values
from drafter.assemble.values import Context, Refused, check, example, parse, show
from drafter.library.schema import PARAMETER_SCHEMAS

AT_60 = Context(60)


@pytest.mark.parametrize("kind, typed, stored", [
    ("session", "61", 1),
    ("session", "sixty-first", 1),
    ("session", "61st", 1),
    ("session", "60", 0),
    ("date", "27 July 1995", "1995-07-27"),
    ("date", "27 Jul 1995", "1995-07-27"),
    ("date", "1995-07-27", "1995-07-27"),
    ("date", "29 February 2004", "2004-02-29"),
    ("citations", "resolutions 49/127 of 19 December 1994, 50/123 of 20 December 1995 and 52/189 of 18 December 1997",
     [{"number": "49/127", "date": "1994-12-19"}, {"number": "50/123", "date": "1995-12-20"},
      {"number": "52/189", "date": "1997-12-18"}]),
    ("citations", "57/270 B of 23 June 2003", [{"number": "57/270 B", "date": "2003-06-23"}]),
    ("citations", "S-21/2", [{"number": "S-21/2", "date": None}]),
    ("symbol", " A/60/205 ", "A/60/205"),
    ("symbol", "E/CN.9/2006/2", "E/CN.9/2006/2"),
    ("meeting", "78th plenary meeting", 78),
    ("draft_symbol", "A/C.2/60/L.12/Rev.1", "A/C.2/60/L.12/Rev.1"),
    ("draft_symbol", "A/60/L.5", "A/60/L.5"),
    ("agenda_item", "52 (c)", "Agenda item 52 (c)"),
    ("agenda_item", "agenda items 18 and 19 (a)", "Agenda items 18 and 19 (a)"),
    ("sponsor", "  Qatar (on behalf of the Group of 77 and China) ", "Qatar (on behalf of the Group of 77 and China)"),
    ("sponsor", "", None),
])
def test_typed_values_are_stored_in_the_library_form(kind, typed, stored):
    assert parse(kind, typed, AT_60) == stored
    if stored is not None:
        assert check(kind, stored, AT_60) is None


@pytest.mark.parametrize("kind, typed, reason", [
    ("session", "2", "session 2 is before this draft's session, 60: give one from 60 to 70 (e.g. 61)"),
    ("session", "71", "session 71 is more than 10 sessions after this draft's: give one from 60 to 70 (e.g. 61)"),
    ("session", "next", "not a session (e.g. 61)"),
    ("date", "31 February 1995", "31 February 1995 is not a date: February 1995 has 28 days"),
    ("date", "2003-13-01", "there is no month 13 (e.g. 23 December 2003)"),
    ("date", "31 Febtober 1995", "'Febtober' is not a month (e.g. 23 December 2003)"),
    ("date", "yesterday", "not a date (e.g. 23 December 2003)"),
    ("citations", "1995/313 of 31 February 1995", "31 February 1995 is not a date: February 1995 has 28 days"),
    ("citations", "58-208 of 23 December 2003", "'58-208' is not a resolution number (e.g. 58/208 of 23 December 2003)"),
    ("symbol", "foo", "not a UN document symbol (e.g. A/60/325)"),
    ("symbol", "A/RES", "not a UN document symbol (e.g. A/60/325)"),
    ("meeting", "seventy", "not a meeting number (e.g. 78)"),
    ("draft_symbol", "A/C.2/60/L.…A/C.2/60/L.12", "write the number in place of … (e.g. A/C.2/60/L.12)"),
    ("draft_symbol", "A/C.2/60/12", "a draft resolution's symbol has an L. part (e.g. A/C.2/60/L.12)"),
    ("draft_symbol", "A/C.2/61/L.12", "not a symbol of session 60 (e.g. A/C.2/60/L.12)"),
    ("agenda_item", "item fifty-two", "not an agenda item (e.g. Agenda item 18 (c))"),
])
def test_refusals_give_the_reason_and_an_example(kind, typed, reason):
    with pytest.raises(Refused) as refused:
        parse(kind, typed, AT_60)
    assert str(refused.value) == reason


def test_no_refusal_is_a_regular_expression():
    # Every stored-value check of every kind, on a value of the wrong shape.
    for kind in values.KINDS:
        for bad in ("^(?:A|E)", 3.5, [], {"x": 1}, -1):
            reason = check(kind, bad, AT_60)
            if reason:
                assert not re.search(r"[\^$\\]|\(\?", reason), (kind, bad, reason)
                assert "e.g." in reason or "give" in reason or "write" in reason, reason


@pytest.mark.parametrize("kind, stored, shown", [
    ("session", 1, "61"),
    ("date", "1995-07-27", "27 July 1995"),
    ("citations", [{"number": "49/127", "date": "1994-12-19"}, {"number": "58/208", "date": "2003-12-23"}],
     "49/127 of 19 December 1994 and 58/208 of 23 December 2003"),
    ("meeting", 78, "78"),
])
def test_values_are_shown_as_a_delegate_writes_them(kind, stored, shown):
    assert show(kind, stored, AT_60) == shown
    # What is shown can be typed back.
    assert parse(kind, shown, AT_60) == stored


def test_every_example_is_accepted():
    for kind in values.KINDS:
        assert check(kind, parse(kind, example(kind, AT_60), AT_60), AT_60) is None, kind


def test_kinds_agree_with_the_library_schemas():
    # The library's parameter kinds are all covered, and their bounds are the same.
    assert set(PARAMETER_SCHEMAS) <= set(values.KINDS)
    assert PARAMETER_SCHEMAS["session"]["maximum"] == values.SESSIONS_AHEAD


def test_agenda_items_of_sessions_79_and_80_are_accepted():
    # The agenda item check was written from the Assembly's forms ("Agenda item 18", "Agenda item
    # 18 (c)", "Agenda items 18 and 19"); every English masthead of sessions 79 and 80 passes it.
    from drafter.ingest import read_resolution

    corpus = corpus_or_skip()
    items = set()
    for path in [*sorted((corpus / "79").glob("*.xml")), *sorted((corpus / "80").glob("*.xml"))][::3]:
        masthead = read_resolution(path).masthead
        if masthead and masthead.agenda_item and masthead.agenda_item.startswith("Agenda"):
            items.add(masthead.agenda_item)
    assert len(items) > 50
    refused = [item for item in items if check("agenda_item", item, Context(80))]
    assert refused == []
    assert all(parse("agenda_item", item, Context(80)) == item for item in items)
