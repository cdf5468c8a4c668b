"""The model's JSON: every field round-trips, and the keys a plain resolution lacks stay out of it."""

from __future__ import annotations

from drafter.model import (
    Annex,
    Cell,
    FootnoteRef,
    Paragraph,
    Part,
    Resolution,
    Section,
    Span,
    SubParagraph,
    Table,
    TableNote,
)


def _rich() -> Resolution:
    table = Table(rows=((Cell("Section", header=True, bold=True), Cell("Amount", header=True, align="right")),
                        (Cell("Overall policymaking", footnotes=(FootnoteRef("a", 20),)), Cell("1 000", colspan=2))),
                  notes=(TableNote("a", "Including the Office of the President.", (Span(0, 9),)),))
    operative = (
        Paragraph("Requests the Secretary-General:", "Requests", 1,
                  subparagraphs=(SubParagraph("a", "to report;", italics=(Span(3, 9),), wrap_up="and so on",
                                              wrap_up_footnotes=(FootnoteRef("2", 3),)),),
                  wrap_up="at its eightieth session;", wrap_up_footnotes=(FootnoteRef("1", 24),)),
        Paragraph("Approves the following appropriation:", "Approves", 2, table=table),
    )
    return Resolution(
        number="78/254", symbol="A/RES/78/254", title="Programme budget*", body="General Assembly",
        session=78, operative=operative, footnotes={"*": "Title note.", "1": "See *Official Records*.", "2": "x"},
        title_footnotes=(FootnoteRef("*", 16),), note_italics={"1": (Span(4, 22),)},
        sections=(Section("I", "Budget", heading_footnotes=(FootnoteRef("2", 6),)),),
        parts=(Part("A", "Part A", title_footnotes=(FootnoteRef("1", 6),), note_italics={"1": (Span(0, 2),)}),),
        annexes=(Annex("Annex", "Rules", (Paragraph("Heading", style="heading"), Paragraph("", table=table)),
                       title_footnotes=(FootnoteRef("1", 5),)),),
        more_titles=("Second title",), part_title="Part A's own title", language="fr",
        supplied=("Annex",), corrected=(("l.", "1."),),
    )


def test_every_new_field_round_trips_through_json():
    resolution = _rich()
    again = Resolution.from_dict(resolution.to_dict())
    assert again == resolution
    # What the reader supplied and corrected is not compared (two readers of one text may differ
    # in it), so it is checked by itself.
    assert (again.supplied, again.corrected) == (("Annex",), (("l.", "1."),))


def test_a_plain_resolution_has_none_of_the_optional_keys():
    # Golden files written before these fields existed must still read back unchanged.
    data = Resolution("1/1", None, "T", "General Assembly", 1, preamble=(Paragraph("Recalling x,", "Recalling"),),
                      operative=(Paragraph("Decides y.", "Decides"),)).to_dict()
    text = repr(data)
    for key in ("italics", "wrap_up", "table", "style", "title_footnotes", "note_italics", "heading_footnotes",
                "more_titles", "part_title", "language", "supplied", "corrected"):
        assert key not in text


def test_table_words_cover_cells_and_notes():
    assert _rich().operative[1].table.words() == ["Section", "Amount", "Overall", "policymaking", "1", "000",
                                                  "Including", "the", "Office", "of", "the", "President."]
