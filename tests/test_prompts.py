"""The questions behind the prompts, without a terminal: the review step by step, other wordings,
positions, and the summary. (The terminal itself is driven in test_flow_pty.py.)"""

from __future__ import annotations

import pytest

from conftest import ROOT
from drafter.assemble import questions
from drafter.assemble.base import load_base
from drafter.assemble.draft import start
from drafter.assemble.questions import Review
from drafter.assemble.values import Refused
from drafter.library import store


@pytest.fixture(scope="module")
def library():
    return store.load(ROOT / "clause_library")


@pytest.fixture()
def draft(library):
    return start(library, load_base(library, "58/208"), 60)


def families(draft) -> list[str]:
    return [c.family_id for c in draft.clauses]


def first_operative(draft) -> int:
    return next(i for i, c in enumerate(draft.clauses) if c.kind == "operative")


def answer_all(review: Review, on_each) -> tuple[Review, list[str]]:
    """Walk the review as the prompts do, recording which clause is asked about each time."""
    asked = []
    while (index := review.next()) is not None:
        asked.append(review.draft.clauses[index].family_id)
        review = on_each(review, index)
    return review, asked


def test_a_move_skips_nothing_and_asks_nothing_twice(draft):
    op2 = first_operative(draft) + 1
    moved_family = draft.clauses[op2].family_id

    def on_each(review, index):
        if review.draft.clauses[index].family_id == moved_family:
            return review.move(index, questions.count(review.draft, "operative"))   # last
        return review.keep(index)

    review, asked = answer_all(Review.of(draft), on_each)
    assert sorted(asked) == sorted(families(draft))         # every clause once
    assert review.draft.clauses[-1].family_id == moved_family
    assert asked[op2 + 1] == draft.clauses[op2 + 1].family_id


def test_an_added_clause_is_asked_about_where_it_lands(library, draft):
    family = library.family("pp-recognizing-increasing-feminization-international-migration-requires")
    clause = questions.to_add(draft, library, family, questions.preferred(family))
    added = []

    def on_each(review, index):
        if index == 2 and not added:                          # at preambular 3, add one as preambular 3
            added.append(True)
            return review.add(clause, 3)
        return review.keep(index)

    review, asked = answer_all(Review.of(draft), on_each)
    assert review.draft.clauses[2].family_id == family.id and review.draft.clauses[2].added
    # The third clause was shown but not answered (the drafter added one instead): the added clause
    # is asked about next, then the third again; nothing answered is asked twice.
    f0, f1, f2, f3 = families(draft)[:4]
    assert asked[:6] == [f0, f1, f2, family.id, f2, f3]
    assert asked.count(family.id) == 1 and len(asked) == len(draft.clauses) + 2


def test_an_operative_clause_goes_among_the_operative_paragraphs(library, draft):
    family = library.family(questions.find_to_add(library, "cheaper, faster and safer transfers of remittances")[0].id)
    assert family.kind == "operative"
    clause = questions.to_add(draft, library, family, questions.preferred(family))
    placed, index = questions.add(draft, clause, 3)
    # Operative 3, whatever the clause the drafter was on.
    assert placed.clauses[index].kind == "operative" and questions.position(placed, index) == 3
    assert index == first_operative(draft) + 2


def test_drop_then_undo_gives_the_draft_back(draft):
    review = Review.of(draft).keep(0).drop(1)
    assert len(review.draft.clauses) == len(draft.clauses) - 1
    assert review.last_step().startswith("dropped preambular 2 (“Recalling also its resolutions")
    back = review.undo()
    assert families(back.draft) == families(draft) and back.next() == 1
    assert back.undo().next() == 0                            # and undoing the keep asks about clause 1 again


@pytest.mark.parametrize("typed, expected", [("first", 1), ("last", 11), ("4", 4), (" 11 ", 11)])
def test_positions(typed, expected):
    assert questions.read_position(typed, "operative", 11) == expected


@pytest.mark.parametrize("typed", ["0", "12", "end", ""])
def test_positions_refused(typed):
    with pytest.raises(Refused, match="give a number from 1 to 11, or first or last"):
        questions.read_position(typed, "operative", 11)


def test_outline_numbers_paragraphs_by_opening_words(draft):
    outline = questions.outline(draft, "operative")
    assert len(outline) == 11
    assert outline[0] == "1. Takes note of the report of the Secretary-General;"
    assert outline[10] == "11. Decides to include in the provisional agenda of its …"


def test_no_other_wording_reads_like_the_clause(library, draft):
    for index in range(len(draft.clauses)):
        current = questions.clause_text(draft, draft.clauses[index])
        options = questions.other_wordings(draft, library, index)
        texts = [o.text for o in options]
        assert current not in texts and len(texts) == len(set(texts))
        assert all(any(op != "=" for op, _ in o.diff) for o in options)


def test_values_are_shown_as_written_and_where_they_stand(draft):
    shown = questions.values_of(draft, 1)
    assert shown[0].shown.startswith("49/127 of 19 December 1994, 50/123 of 20 December 1995")
    assert shown[0].where == "after “… Recalling also its resolutions”"
    session = questions.values_of(draft, len(draft.clauses) - 1)[0]
    assert (session.kind, session.shown) == ("session", "61")
    report = questions.values_of(draft, first_operative(draft))[0]
    assert (report.shown, report.where) == ("(to fill)", "in footnote 1, at the start")


def test_summary_lists_every_choice(library, draft):
    start_draft = draft
    review = Review.of(draft)
    op1 = first_operative(draft)
    review = review.value(op1, "symbol", "A/60/205")
    review = review.drop(3)
    review = review.move(op1 - 1, 11)                        # after the drop, op. 1 moves last
    family = library.family("pp-recognizing-increasing-feminization-international-migration-requires")
    review = review.add(questions.to_add(draft, library, family, questions.preferred(family)), 1)
    variant = questions.other_wordings(review.draft, library, 1)[0].variant.id
    review = review.wording(library, 1, variant)
    found = questions.summary(review.draft, start_draft)
    # The moved clause is also the one whose symbol was set: one clause changed, not two. Still to
    # fill: the heading's draft symbol, date of issue, agenda item and sponsor line.
    assert found.counts == {"clauses kept": 24, "clauses changed": 2, "clauses added": 1, "clauses dropped": 1,
                            "values still to fill": 4, "facts to confirm": 2}
    text = "\n".join(found.changes)
    assert "operative 11 (“Takes note of the report of …”): symbol A/60/205" in text
    assert "dropped preambular 4 (“Reaffirming the obligations of all States …”)" in text
    assert "moved operative 1 (“Takes note of the report of …”) to operative 11" in text
    assert "added preambular 1 (“Recognizing that the increasing feminization of …”)" in text
    assert "new wording for preambular 2 (“Recalling the Programme of Action of …”)" in text


def test_search_finds_the_same_clauses_for_remittance_and_remittances(library):
    # The library's search stems ("add a clause" and `clauses search` call the same one).
    found = questions.find_to_add(library, "remittances")
    assert found and [f.id for f in found] == [f.id for f in questions.find_to_add(library, "remittance")]
