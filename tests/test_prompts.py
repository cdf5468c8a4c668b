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
from drafter.library.model import Variant


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
    # The footnote by the number the document prints (the report's note is the draft's 12th), not
    # its place among the clause's own notes.
    assert (report.shown, report.where) == ("(to fill)", "in footnote 12, at the start")


def test_where_a_value_stands_counts_words_not_the_values_before_it():
    # A budget's figure after two dates: the dates read "…", and five words are still shown.
    variant = Variant(id="v", lead=None, subparagraphs=(), footnotes=("See A/78/1.",), sources=(),
                      parameters=("fact", "date", "date_2", "fact_2"),
                      template="Decides to appropriate the amount of {{ fact }} dollars for the period "
                               "from {{ date | un_date }} to {{ date_2 | un_date }}, inclusive of "
                               "{{ fact_2 }} dollars{{ footnote(1) }} for the Mission")
    assert questions.where_in(variant, "fact_2") == "after “… period from … to …, inclusive of”"
    assert questions.where_in(variant, "fact") == "after “… to appropriate the amount of”"
    # A footnote's second symbol: the first one reads "…", and no second "…" stands before it.
    notes = Variant(id="n", lead=None, subparagraphs=(), footnotes=("{{ symbol }} and {{ symbol_2 }}.",),
                    sources=(), parameters=("symbol", "symbol_2"),
                    template="Takes note of the reports;{{ footnote(1) }}")
    assert questions.where_in(notes, "symbol_2") == "in footnote 1, after “… and”"


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
    # Each clause by its number in the draft as it will be written; a number of the base only as such.
    assert found.changes == [
        "preambular 2 (“Recalling the Programme of Action of …”): another wording, as in 52/189 pp. 1",
        "operative 11 (“Takes note of the report of …”): the document symbol set to A/60/205",
        "dropped preambular 4 of 58/208 (“Reaffirming the obligations of all States …”)",
        "operative 11 (“Takes note of the report of …”): moved here from operative 1 of 58/208",
        "preambular 1 (“Recognizing that the increasing feminization of …”): added, as in 2006/2 pp. 16"]


def test_search_finds_the_same_clauses_for_remittance_and_remittances(library):
    # The library's search stems ("add a clause" and `clauses search` call the same one).
    found = questions.find_to_add(library, "remittances")
    assert found and [f.id for f in found] == [f.id for f in questions.find_to_add(library, "remittance")]


# --- one naming of clauses through a run (drafter/assemble/naming.py) -------------------------

def test_a_clause_has_one_number_from_the_prompt_to_the_summary(draft):
    # QA's run: drop preambular 3, then move "Reaffirming the obligations ..." (preambular 4 of
    # 58/208, preambular 3 once the drop is made) last.
    review = Review.of(draft).keep(0).keep(1).drop(2)
    assert questions.heading(review.draft, 2) == "Preambular paragraph 3 of 15"     # what the prompt shows
    review = review.move(2, 15)
    assert review.last_step() == "moved preambular 3 (“Reaffirming the obligations of all States …”) to preambular 15"
    changes = questions.summary(review.draft, draft).changes
    assert "preambular 15 (“Reaffirming the obligations of all States …”): moved here from preambular 4 of 58/208" \
        in changes
    assert "dropped preambular 3 of 58/208 (“Recalling further its resolution 57/270 B …”)" in changes


def test_a_value_is_named_by_what_it_is_never_by_its_parameter(draft):
    shown = questions.values_of(draft, 1)[1]
    review = Review.of(draft).value(1, shown.name, [{"number": "1995/313", "date": "1995-07-28"}])
    assert review.last_step() == ("changed the resolutions or decisions with their dates in preambular 2 "
                                  "(“Recalling also its resolutions 49/127 of …”)")
    assert shown.name not in review.last_step() and shown.name not in "\n".join(questions.summary(review.draft, draft).changes)


def test_an_edit_kind_refused_at_the_summary_is_said_so_and_changes_no_clause(draft):
    from drafter.assemble.draft import refuse

    # 58/208 -> 60 adds 58/208 to its series' recall (preambular 2): refusing "series" takes it out.
    found = questions.summary(refuse(draft, "series"), draft)
    assert found.changes == ["refused the series edits: the base's words stay"]
    assert found.counts["clauses changed"] == 0 and found.counts["clauses kept"] == len(draft.clauses)


@pytest.mark.parametrize("name, section, expected, printed", [
    # Numbered again from 1 in each section: the section says which "1." it is.
    ("78/A_RES_78_253-2326236E.xml", 4, "operative 1 in section V", "1. Takes note of the report of the Secretary-General;"),
    # Numbered through the sections: the number alone finds it; the section helps.
    ("79/A_RES_79_144-2423832E.xml", 15, "operative 377 in section XVI", "377. Requests the Secretary-General"),
    # Parts A and B, each a resolution of its own with its own preamble.
    ("78/A_RES_78_80AB-2324937E.xml", None, "preambular 1 in part B", "Emphasizing that the Committee on Information"),
])
def test_clauses_of_divided_resolutions_are_named_as_printed(library, name, section, expected, printed):
    from conftest import corpus_or_skip

    from drafter.assemble import naming
    from drafter.assemble.compose import to_resolution
    from drafter.render.text import render_text

    drafted = start(library, load_base(library, str(corpus_or_skip() / name)), 80)
    kind = expected.split()[0]
    index = next(i for i, c in enumerate(drafted.clauses) if c.kind == kind
                 and (c.where.sections[:1] == (section,) if section is not None else c.where.part == 1))
    assert naming.label(drafted, index) == expected
    # Under that heading, the paragraph is printed with that number (checked by hand once).
    heading = expected.rsplit(" ", 1)[1]
    after = render_text(to_resolution(drafted)).split(f"\n{heading}\n", 1)[1]
    assert f"\n{printed}" in after[:600]


def test_a_draft_changed_in_place_is_named_as_it_is_now(draft):
    """A Draft is a mutable dataclass: naming keeps the drafts it named by what they held, so a
    clause dropped from the same object (or any field changed) is never named from the memo."""
    from drafter.assemble import naming

    first = first_operative(draft)
    assert naming.label(draft, first - 1) == f"preambular {first}"
    del draft.clauses[0]                         # the same object, one preambular paragraph fewer
    assert naming.label(draft, first - 1) == "operative 1"
    assert len(naming.names(draft).labels) == len(draft.clauses)


def test_a_choice_title_fits_the_screen_by_dropping_words_of_its_quote():
    # A select list cuts a title at the edge of the screen, closing quote and bracket included
    # (79/37's "Undo: kept preambular 3 (“Stressing that the immense and uncontrollable …”)" on
    # 80 columns). The quoted opening loses words first; a title without one is cut with "…".
    from drafter.assemble.prompts import fitted

    undo = "Undo: kept preambular 3 (“Stressing that the immense and uncontrollable …”)"
    assert fitted(undo, 80) == undo
    assert fitted(undo, 73) == "Undo: kept preambular 3 (“Stressing that the immense and …”)"
    assert fitted(undo, 40) == "Undo: kept preambular 3 (“Stressing …”)"
    assert fitted("Undo: kept all the rest", 12) == "Undo: kept …"
    assert all(len(fitted(undo, width)) <= width for width in range(2, 90))
