"""drafter.ingest.akn: the UN's Akoma Ntoso files -> Resolution.

Point tests pin the shapes the reader must handle on real files of the corpus (sessions 75-80;
source: the United Nations, UNxml/GAresolutions); the corpus tests hold every file to the reader's
promises: it parses, loses no word, and keeps text and footnote offsets clean. Small synthetic
documents pin the edges (whitespace around notes, bad input).
"""

from __future__ import annotations

import collections
import json
import re
import time

import pytest
from conftest import CORPUS, corpus_or_skip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from drafter.errors import ParseError
from drafter.ingest import parse_bytes
from drafter.ingest.akn import parse_akn
from drafter.ingest.akn_inline import SENTINELS
from drafter.ingest.layout import parse_date
from drafter.model import Adoption, FootnoteRef, Resolution, Span

_WORD = re.compile(r"[^\W_]+")
# Elements that run inside a line of text: no word boundary at their edges.
_INLINE = {"span", "a", "sup", "sub", "i", "b", "u", "inline", "term", "ref", "docDate", "date", "abbr",
           "mref", "rref", "em", "strong", "img", "def", "noteRef", "marker", "decoration"}


# --- fixtures -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus():
    return corpus_or_skip()


@pytest.fixture(scope="module")
def parsed(corpus):
    """Every file of the corpus, parsed once through the reader's front door (format detected from
    the content), with the time it took (printed with -s)."""
    paths = sorted(corpus.glob("*/*.xml"))
    data = {path: path.read_bytes() for path in paths}
    start = time.perf_counter()
    result = {path: parse_bytes(raw, str(path)) for path, raw in data.items()}
    seconds = time.perf_counter() - start
    megabytes = sum(map(len, data.values())) / 1e6
    print(f"\nAKN reader: {len(result)} files, {megabytes:.1f} MB in {seconds:.1f} s "
          f"({len(result) / seconds:.0f} files/s, {megabytes / seconds:.1f} MB/s)")
    return result


def resolution(parsed, name: str) -> Resolution:
    """The parsed file whose name contains `name` (exactly one must)."""
    found = [r for path, r in parsed.items() if name in path.name]
    assert len(found) == 1, f"{name!r} matches {len(found)} files"
    return found[0]


def every_paragraph(holder):
    """Preambular and operative paragraphs of a resolution or part, sections included."""
    yield from holder.preamble
    yield from holder.operative
    stack = list(holder.sections)
    while stack:
        section = stack.pop()
        yield from section.preamble
        yield from section.operative
        stack.extend(section.sections)


def every_text_holder(r: Resolution):
    """(text, footnote refs, italics, the footnotes dict it refers to) for every line of text the
    model has: paragraphs, sub-paragraphs, closing words, table cells, titles and headings."""
    def paragraph_lines(paragraph, notes):
        yield paragraph.text, paragraph.footnotes, paragraph.italics, notes
        if paragraph.wrap_up is not None:
            yield paragraph.wrap_up, paragraph.wrap_up_footnotes, (), notes
        stack = list(paragraph.subparagraphs)
        while stack:
            sub = stack.pop()
            yield sub.text, sub.footnotes, sub.italics, notes
            stack.extend(sub.subparagraphs)
        if paragraph.table is not None:
            # A cell's letters cite the table's notes, or a cell that opens with the letter (80/226
            # prints its notes in rows of the table: "a See sect. E.").
            marks = {n.marker: n.text for n in paragraph.table.notes}
            marks.update({f.marker: cell.text for row in paragraph.table.rows for cell in row
                          for f in cell.footnotes if f.at == 0})
            for row in paragraph.table.rows:
                for cell in row:
                    yield cell.text, cell.footnotes, cell.italics, {**notes, **marks}
            for note in paragraph.table.notes:
                yield note.text, (), note.italics, notes

    for holder in (r, *r.parts):
        notes = holder.footnotes if holder is not r or not r.parts else r.footnotes
        yield holder.title or "", holder.title_footnotes, (), notes
        for paragraph in every_paragraph(holder):
            yield from paragraph_lines(paragraph, notes)
        stack = list(holder.sections)
        while stack:
            section = stack.pop()
            yield section.heading or "", section.heading_footnotes, (), notes
            stack.extend(section.sections)
    for annex in r.annexes:
        yield annex.title or "", annex.title_footnotes, (), r.footnotes
        for paragraph in annex.paragraphs:
            yield from paragraph_lines(paragraph, r.footnotes)


# --- point tests on real files ----------------------------------------------------------------

def test_plain_statement_75_100(parsed):
    r = resolution(parsed, "75_100_E")
    assert (r.number, r.symbol, r.body, r.session) == ("75/100", "A/RES/75/100", "General Assembly", 75)
    assert r.title == "Comprehensive review of special political missions"
    assert r.adopted == Adoption(meeting="41st plenary meeting", date="2020-12-10")
    assert len(r.preamble) == 21 and len(r.operative) == 7
    assert r.preamble[0].lead == "Guided"
    first = r.operative[0]
    assert (first.number, first.lead) == (1, "Takes note")
    assert first.text.startswith("Takes note of the report of the Secretary-General")
    # The note stands after "74/91;": text[:at] is everything before its marker.
    [note] = first.footnotes
    assert note.marker == "2" and first.text[:note.at] == first.text and first.text.endswith("74/91;")
    assert r.footnotes["2"] == "A/75/312."
    recalling = r.preamble[9]
    [note] = recalling.footnotes
    assert recalling.text[:note.at].endswith("backstopping special political missions,")
    assert recalling.text[note.at:].startswith(" which addressed")
    assert r.footnotes["1"] == "A/66/340 and A/66/7/Add.21."
    assert r.masthead.distribution == "Distr.: General" and r.masthead.issued == "18 December 2020"
    assert r.masthead.session == "Seventy-fifth session" and r.masthead.agenda_item == "Agenda item 55"
    assert r.masthead.origin.startswith("[on the report of the Special Political")
    assert r.source.format == "akn" and r.warnings == ()


def test_collection_75_101_has_parts_a_and_b(parsed):
    r = resolution(parsed, "75_101A-B")
    assert (r.number, r.symbol) == ("75/101", "A/RES/75/101 A-B")
    assert [p.label for p in r.parts] == ["A", "B"]
    a, b = r.parts
    assert a.title == "Information in the service of humanity"
    assert b.title == "United Nations global communications policies and activities"
    assert a.adopted == b.adopted == r.adopted == Adoption("41st plenary meeting", "2020-12-10")
    # Each part keeps its own notes: A has 1-2, B 3-20.
    assert sorted(a.footnotes, key=int) == ["1", "2"]
    assert sorted(b.footnotes, key=int) == [str(n) for n in range(3, 21)]
    # Part A is one unnumbered operative paragraph with flat "(a)\t..." paragraphs under it,
    # and "(i)" to "(iv)" under (e).
    [urges] = a.operative
    assert (urges.number, urges.lead) == (None, "Urges")
    assert [s.label for s in urges.subparagraphs] == list("abcdef")
    assert [s.label for s in urges.subparagraphs[4].subparagraphs] == ["i", "ii", "iii", "iv"]
    assert urges.subparagraphs[0].text.startswith("To cooperate and interact")
    # Part B is divided under headings "I" ... "VII"; unlabelled headings nest under them.
    assert [s.label for s in b.sections] == ["I", "II", "III", "IV", "V", "VI", "VII"]
    assert b.sections[0].heading == "Introduction" and b.sections[0].operative[0].number == 1
    assert b.sections[1].sections[0].heading == "Multilingualism and global communications"
    # B numbers its paragraphs through its sections, as printed.
    assert not b.operative and b.sections[-1].operative[-1].number == 135


def test_budget_sections_have_their_own_preamble_75_247(parsed):
    r = resolution(parsed, "75_247_E")
    assert not r.preamble and not r.operative
    assert [(s.label, s.heading) for s in r.sections] == [
        ("I", "Activities of the Office of Internal Oversight Services"),
        ("II", "Activities of the Independent Audit Advisory Committee")]
    for section in r.sections:
        # crossHeadings marked refersTo="#preamble" are the section's preamble; numbering restarts.
        assert [p.lead for p in section.preamble] == ["Recalling", "Having considered"]
        assert [p.number for p in section.operative][:3] == [1, 2, 3]


def test_sections_of_a_budget_resolution_80_243(parsed):
    r = resolution(parsed, "80_243-")
    assert len(r.sections) > 10
    # Each section has a preamble of its own and numbering that starts again.
    section = next(s for s in r.sections if s.preamble and s.operative)
    assert section.operative[0].number == 1
    assert section.preamble[0].lead.startswith(("Recalling", "Having considered"))


def test_paragraphs_after_a_section_element_stay_in_that_section_78_253(parsed):
    # Here the XML <section> holds only the heading and preamble; paragraphs 1, 2 follow it.
    r = resolution(parsed, "78_253-")
    first = r.sections[0]
    assert (first.label, first.heading) == ("I", "Enterprise resource planning project, Umoja")
    assert [p.lead for p in first.preamble] == ["Recalling", "Having considered"]
    assert [p.number for p in first.operative] == [1, 2]


def test_annexes_are_split_at_each_annex_heading_75_212(parsed):
    r = resolution(parsed, "75_212_E")
    assert [a.label for a in r.annexes] == ["Annex I", "Annex II", "Annex III"]
    first = r.annexes[0]
    assert first.title.startswith("Provisional agenda of the United Nations Conference")
    assert first.paragraphs[0].text == "New York, 22 to 24 March 2023"
    assert (first.paragraphs[1].number, first.paragraphs[1].text) == ("1.", "Opening of the Conference.")


def test_annex_without_annex_heading_is_labelled_from_the_document_75_129(parsed):
    r = resolution(parsed, "75_129_E")
    [annex] = r.annexes
    assert annex.label == "Annex"
    assert annex.title.startswith("Terms of reference of the trust fund")


def test_list_points_with_a_sublist_75_255(parsed):
    r = resolution(parsed, "75_255_E")
    authorizes = r.operative[0]
    assert authorizes.lead == "Authorizes"
    assert [s.label for s in authorizes.subparagraphs] == ["a", "b", "c"]
    assert [s.label for s in authorizes.subparagraphs[1].subparagraphs] == ["i", "ii", "iii", "iv", "v"]


def test_list_and_point_subparagraphs_76_177(parsed):
    r = resolution(parsed, "76_177-")
    nested = [s for p in r.operative for s in p.subparagraphs if s.subparagraphs]
    assert nested and nested[0].subparagraphs[0].label == "i"


def test_an_oath_in_an_annex_75_325(parsed):
    r = resolution(parsed, "75_325_E")
    assert r.annexes and any("solemnly swear" in p.text for p in r.annexes[0].paragraphs)


def test_flat_lettered_paragraphs_where_i_follows_h_75_176(parsed):
    r = resolution(parsed, "75_176_E")
    calls = next(p for p in r.operative if p.number == 7)
    # "(i)" right after "(h)" is the letter i, not a roman one.
    assert [s.label for s in calls.subparagraphs] == list("abcdefghijklmnopq")
    assert all(not s.subparagraphs for s in calls.subparagraphs)


def test_markup_that_nests_letter_i_under_h_is_lifted_78_181(parsed):
    r = resolution(parsed, "78_181-")
    labels = [s.label for s in next(p for p in r.operative if p.number == 2).subparagraphs]
    assert labels[7:10] == ["h", "i", "j"] and labels[-2:] == ["pp", "qq"]


def test_a_roman_list_with_no_letters_runs_on_past_v_80_116(parsed):
    r = resolution(parsed, "80_116-")
    received = next(p for p in r.preamble if p.lead == "Having received")
    assert [s.label for s in received.subparagraphs] == ["i", "ii", "iii", "iv", "v", "vi", "b", "c", "d", "e", "f"]


def test_numbers_typed_into_the_text(parsed):
    # "26\tCondemns" and "6.\u200e\tReaffirms" carry their number in the text, not in <num>.
    # A number typed without its full stop is printed so: the string "26", which a renderer
    # prints as given (an int prints "26."); "6." is the number 6.
    condemns = next(p for p in resolution(parsed, "79_160-").operative if p.number == "26")
    assert condemns.text.startswith("Condemns without reservation") and condemns.lead == "Condemns without reservation"
    reaffirms = next(p for _, p in resolution(parsed, "75_248_E").all_paragraphs() if p.number == 6)
    assert reaffirms.text.startswith("Reaffirms its decision") and reaffirms.lead == "Reaffirms"


def test_a_preamble_cut_by_a_stray_main_body_stays_one_preamble_77_118(parsed):
    r = resolution(parsed, "77_118-")
    assert len(r.preamble) == 89 and not r.operative
    assert "Calling attention also" in [p.lead for p in r.preamble]
    assert r.sections[0].label == "I" and r.sections[0].operative[0].number == 1


def test_headings_inside_the_preamble_stay_preambular_78_148(parsed):
    r = resolution(parsed, "78_148-")
    # A heading among preambular paragraphs is a heading line of the preamble, not a section
    # (which would pull the operative paragraphs under it) and not a clause.
    headings = [p.text for p in r.preamble if p.style == "heading"]
    assert "Transport and transit corridors" in headings and not r.sections
    assert all(p.lead is None for p in r.preamble if p.style == "heading")
    assert r.operative[0].number == 1


def test_a_heading_a_stray_main_body_holds_inside_the_preamble_stays_preambular_80_131(parsed):
    # 80/131's markup cuts its preamble with mainBody elements, one holding the bold line
    # "Countries in special situations"; its predecessor 78/149 prints the same line inside its
    # <preamble>. Both are one preamble with a heading line, then the operative paragraphs, not a
    # section that pulls the rest of the preamble and the operative part under it.
    for name, preambular in (("80_131-", 19), ("78_149-", 18)):
        r = resolution(parsed, name)
        assert not r.sections, name
        assert len(r.preamble) == preambular and [p.number for p in r.operative][:2] == [1, 2], name
        assert [p.text for p in r.preamble if p.style == "heading"] == ["Countries in special situations"], name
    # A labelled heading there opens a section with its own preamble (79/281's "I").
    sectioned = resolution(parsed, "79_281-")
    assert sectioned.sections[0].label == "I" and sectioned.sections[0].preamble


def test_section_headings_are_headings_and_numbering_is_the_sources_78_253(parsed):
    r = resolution(parsed, "78_253-")
    assert [s.label for s in r.sections][:8] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
    assert all(s.heading for s in r.sections) and not r.operative and not r.preamble
    # Numbering as printed: each section starts again at 1.
    assert [p.number for p in r.sections[1].operative][:3] == [1, 2, 3]
    # Paragraph 6 of section VII approves a staffing table printed under captions A and B.
    seventh = r.sections[6]
    texts = [(p.style, p.text[:30], p.table is not None) for p in seventh.sections[0].operative] \
        if seventh.sections else [(p.style, p.text[:30], p.table is not None) for p in seventh.operative]
    assert ("heading", "A. Pension Administration", False) in texts


def test_preambular_paragraphs_in_cross_headings_keep_their_notes_78_247(parsed):
    r = resolution(parsed, "78_247-")
    assert not r.title_footnotes                  # the notes stay where they stand
    considered = r.sections[0].preamble[1]
    assert considered.lead == "Having considered" and considered.footnotes


def test_a_budget_table_in_the_operative_part_78_254(parsed):
    r = resolution(parsed, "78_254AC")
    # Part A: "Resolves that, for 2024:", then 1. "Appropriations totalling ... are hereby
    # approved for the following purposes:" and the table.
    approves = r.parts[0].operative[1]
    assert approves.text.endswith("approved for the following purposes:") and approves.table is not None
    header = approves.table.rows[0]
    assert [c.text for c in header] == ["Section", "Amount (United States dollars)"]
    assert all(c.header for c in header) and header[0].italics == (Span(0, 7),)
    texts = [c.text for row in approves.table.rows for c in row]
    assert "Part I. Overall policymaking, direction and coordination" in texts
    # The table is the paragraph's, not paragraphs of its own: the next paragraph is 2.
    assert approves.number == 1 and r.parts[0].operative[2].number == 2


def test_an_annex_table_with_its_notes_78_249(parsed):
    r = resolution(parsed, "78_249-")
    [annex] = r.annexes
    assert annex.label == "Annex"                  # once: the "Annex" line is the label, not a paragraph
    # The title as the UN writes it: "for\u00a02024", held together.
    assert annex.title == "Financing of the International Residual Mechanism for Criminal Tribunals for\u00a02024"
    [paragraph] = [p for p in annex.paragraphs if p.table is not None]
    table = paragraph.table
    assert [(n.marker, n.text) for n in table.notes] == [
        ("a", "See A/78/534."), ("b", "See A/78/634."), ("c", "Reflects amounts after recosting.")]
    row = next(row for row in table.rows if row[0].text == "Estimated appropriation for 2024")
    # The letter a cell cites stands after its words; numbers are set right, across two columns.
    assert row[0].footnotes == (FootnoteRef("a", len(row[0].text)),)
    assert (row[1].text, row[1].align) == ("63 930 800", "right") and row[2].colspan == 2
    assert next(row for row in table.rows if row[0].text.startswith("Estimated initial"))[0].bold


def test_notes_typed_as_the_last_rows_of_a_table_are_its_notes_80_226(parsed):
    # "Model strategy No. 8" cites "a" in its text; the table's last rows are "<sup>a</sup>\tSee
    # sect. E." and an empty one: the note is the table's, printed under it, not a row.
    r = resolution(parsed, "80_226-")
    [table] = [p.table for a in r.annexes for p in a.paragraphs
               if p.table is not None and p.table.rows[0][0].text == "Model strategy No. 8"]
    assert [(n.marker, n.text) for n in table.notes] == [("a", "See sect. E.")]
    assert [c.text for row in table.rows for c in row][-1] == ""
    assert [f.marker for row in table.rows for c in row for f in c.footnotes] == ["a"]


def test_every_letter_a_cell_cites_is_a_note(parsed):
    """A letter cited in a table's cell is the marker of a note printed under that table, of one
    typed as its last row, or of a note of the document: never a mark pointing nowhere."""
    loose = []
    for path, r in parsed.items():
        documents = {*r.footnotes, *(m for part in r.parts for m in part.footnotes)}
        for _, paragraph in [*r.all_paragraphs(), *(("annex", p) for a in r.annexes for p in a.paragraphs)]:
            table = paragraph.table
            if table is None:
                continue
            marks = {n.marker for n in table.notes} | documents
            loose += [(path.name, f.marker) for row in table.rows for c in row for f in c.footnotes
                      if f.marker not in marks and f.at > 0]
    assert loose == []


def test_closing_words_after_sub_paragraphs_75_244_77_177(parsed):
    r = resolution(parsed, "75_244_E")
    reiterates = next(p for _, p in r.all_paragraphs() if p.number == 76)
    assert [s.label for s in reiterates.subparagraphs] == ["a", "b", "c"]
    assert reiterates.wrap_up.startswith("and its request that all documents submitted")
    assert 77 in [p.number for _, p in r.all_paragraphs()]
    # In a preamble blockList the closing words are an unlabelled last item.
    affirming = next(p for p in resolution(parsed, "77_177-").preamble if p.lead == "Affirming also")
    assert affirming.subparagraphs[-1].label == "f"
    assert affirming.wrap_up == "and in the commitments and targets contained therein,"


def test_a_part_published_alone_is_a_resolution_of_its_own_79_245_b(parsed):
    r = resolution(parsed, "79_245 B")
    assert (r.number, r.symbol) == ("79/245 B", "A/RES/79/245 B")
    # Its note ("... becomes resolution 79/245 A.") stands on the letter, after the title.
    [ref] = r.title_footnotes
    assert ref.at == len(r.title) and r.footnotes[ref.marker].endswith("becomes resolution 79/245 A.")
    assert r.note_italics[ref.marker]              # "Official Records of the General Assembly, ..."


def test_italics_in_text_and_notes_78_109(parsed):
    r = resolution(parsed, "78_109-")
    welcomes = next(p for p in r.operative if p.lead == "Welcomes")
    assert [welcomes.text[s.start:s.end] for s in welcomes.italics] == ["jus cogens", "jus cogens"]
    note = r.footnotes["1"]
    [span] = r.note_italics["1"]
    assert note[span.start:span.end] == "Official Records of the General Assembly, Seventy-seventh Session, Supplement No. 10"


def test_adoption_from_an_event_element_78_10(parsed):
    # From the 78th session the meeting is <event><location refersTo="#adoptionMeeting">.
    r = resolution(parsed, "78_10-")
    assert r.adopted == Adoption(meeting="38th plenary meeting", date="2023-11-21")


def test_special_sessions_are_flagged(parsed):
    r = resolution(parsed, "ES-11_1-")
    assert (r.number, r.session) == ("ES-11/1", 11)
    assert any("special session" in w for w in r.warnings)


def test_warnings_go_to_the_model_not_to_stdout(corpus, capsys):
    [path] = corpus.glob("*/A_RES_79_160-*.xml")
    r = parse_akn(path.read_bytes(), str(path))
    assert any(w.endswith("paragraph number 26 read from its text") for w in r.warnings)
    assert capsys.readouterr() == ("", "")


def test_sections_labelled_part_and_section_nest_75_252(parsed):
    r = resolution(parsed, "75_252_E")
    part_one = next(s for s in r.sections if s.label == "Part I")
    assert part_one.heading == "Overall policymaking, direction and coordination"
    assert [s.label for s in part_one.sections] == ["Section 1", "Section 2"]


# --- the whole corpus ---------------------------------------------------------------------------

def test_every_adoption_meeting_is_read(parsed):
    # The markup changed at session 78 (<location refersTo="#adoptionMeeting">): both are read.
    missing = [p.name for p, r in parsed.items()
               if "plenary meeting" in p.read_text(encoding="utf-8").split("<conclusions", 1)[-1]
               and not (r.adopted and r.adopted.meeting or any(part.adopted and part.adopted.meeting for part in r.parts))]
    assert missing == []


def test_numbers_typed_without_a_full_stop_are_kept_as_printed(parsed):
    """Every paragraph whose number the source types without its full stop ("3\tCalls upon": 75/68,
    77/263, 79/160, 80/167) has that number as a string, and only those: the rule is the markup's,
    so it holds for any file."""
    bare = re.compile(r"^\s*(\d{1,3})\s+(?!\.)\S")          # not "232\t.Recognizes" (77/248)
    for path, r in parsed.items():
        root = etree.parse(str(path)).getroot()
        typed = [m.group(1) for body in root.iter("{*}mainBody") if not _in(body, "attachments")
                 for paragraph in body.iter("{*}paragraph") if paragraph.find("{*}num") is None
                 for m in [bare.match("".join(paragraph.itertext()))] if m]
        read = [p.number for holder in (r, *r.parts) for p in every_paragraph_in_order(holder)
                if isinstance(p.number, str) and p.number.isdigit()]
        assert read == typed, path.name
    assert resolution(parsed, "75_68_E").operative[2].number == "3"


def test_a_note_cited_again_is_a_reference_78_11(parsed):
    # "... of 12 August 1949,<sup>2</sup> continue to apply": note 2 cited a second time.
    for name in ("78_11-", "79_83-"):
        r = resolution(parsed, name)
        cited = [(p.text, f) for _, p in r.all_paragraphs() for f in p.footnotes if f.marker == "2"]
        assert len(cited) == 2, name
        text, again = cited[1]
        assert "1949,2" not in text and text[:again.at].endswith("1949,"), name


def test_numbers_typed_into_the_text_are_numbers(parsed):
    # Some files type "26\tCondemns" instead of <num>26.</num>; the number is not part of the text.
    typed = [(p.name, x.text[:30]) for p, r in parsed.items() for kind, x in r.all_paragraphs()
             if kind == "operative" and re.match(r"^\d{1,3}\.?\s+[A-Z]", x.text)]
    assert typed == []


def test_every_file_parses(parsed):
    assert len(parsed) > 1900


def test_the_masthead_is_the_cover_pages(parsed):
    """Agenda item, its title (one line per item: 75/247 has two), the "[on the report of ...]"
    line, and the date the cover's adoption line prints: the model's adoption date, so a
    renderer writing "Resolution adopted by the General Assembly on 19 December 2023" (78/217)
    prints what the cover page prints."""
    for path, r in parsed.items():
        cover = next(etree.parse(str(path)).getroot().iter("{*}coverPage"))
        names = ["".join(e.itertext()).split() for e in cover.iter("{*}inline") if e.get("name") == "agenda item name"]
        assert [line.split() for line in (r.masthead.agenda_title or "").split("\n") if line] == names, path.name
        proponent = next(cover.iter("{*}docProponent"))
        assert r.masthead.origin.split() == "".join(proponent.itertext()).split(), path.name
        line = " ".join("".join(next(cover.iter("{*}docTitle")).itertext()).split())
        dates = {h.adopted.date for h in (r, *r.parts) if h.adopted}
        if line.startswith("Resolution"):
            assert re.fullmatch(r"Resolutions? adopted by the General Assembly on (\d{1,2}\s\w+\s\d{4})", line), line
            assert parse_date(line.rsplit(" on ", 1)[1]) in dates, path.name
    assert resolution(parsed, "75_247_E").masthead.agenda_title.count("\n") == 1


def test_labels_are_kept_as_printed(parsed):
    # Sections printed "I" then "A.", "B." under it (79/252 A) keep the full stop where it is printed.
    first = resolution(parsed, "79_252-").parts[0].sections[0]
    assert first.label == "I" and [s.label for s in first.sections][:3] == ["A.", "B.", "C."]
    assert [s.label for s in resolution(parsed, "77_118-").sections][:2] == ["I", "II"]
    # Sub-paragraphs numbered "1.", "2." (78/223) keep that form: they are not "(1)".
    numbered = next(p for p in resolution(parsed, "78_223-").operative if p.subparagraphs
                    and p.subparagraphs[0].label[:1].isdigit())
    assert [s.label for s in numbered.subparagraphs][:3] == ["1.", "2.", "3."]


def test_no_paragraph_is_empty_unless_it_holds_a_table(parsed):
    """A heading ("I", "II") read as a paragraph would give the library an empty clause; every
    paragraph has words, or is a table standing alone."""
    empty = [(path.name, p.line) for path, r in parsed.items()
             for p in (*[p for _, p in r.all_paragraphs()], *[p for a in r.annexes for p in a.paragraphs])
             if not p.text and p.table is None]
    assert empty == []
    labels = [(path.name, p.text) for path, r in parsed.items() for _, p in r.all_paragraphs()
              if re.fullmatch(r"(?:[IVXLC]+|[A-Z])\.?", p.text)]
    assert labels == []


def test_numbering_is_the_sources(parsed):
    """The numbers of operative paragraphs, in document order, are the numbers the source prints
    (its <num>s, or a number typed into the text, "l." being a one): never renumbered."""
    differ = []
    for path, r in parsed.items():
        root = etree.parse(str(path)).getroot()
        printed = [n for body in root.iter("{*}mainBody") if not _in(body, "attachments")
                   for n in map(_printed_number, body.iter("{*}paragraph")) if n is not None]
        read = []
        for holder in (r, *r.parts):
            read += [int(p.number) for p in every_paragraph_in_order(holder)
                     if isinstance(p.number, int) or (p.number or "").isdigit()]
        if printed != read:
            differ.append(path.name)
    assert differ == []


def every_paragraph_in_order(holder):
    yield from holder.operative
    for section in holder.sections:
        yield from every_paragraph_in_order(section)


def _in(element, name: str) -> bool:
    return any(etree.QName(a).localname == name for a in element.iterancestors())


def _printed_number(paragraph) -> int | None:
    num = next((c for c in paragraph if isinstance(c.tag, str) and etree.QName(c).localname == "num"), None)
    if num is None:
        typed = re.match(r"\s*(\d{1,3})(?:\s?\.)?[\s\u200e]", "".join(paragraph.itertext()))
        return int(typed.group(1)) if typed else None
    written = "".join(num.itertext()).strip().rstrip(".").strip()
    return 1 if written == "l" else int(written) if written.isdigit() else None


def test_parts_published_alone_are_resolutions_of_their_own(parsed):
    """The number is the symbol's ("A/RES/77/292 B" is 77/292 B), so a part published in a file
    of its own is never taken for the resolution it belongs to; a collection of parts A-C keeps
    the bare number. The corpus's own index (meta/*.json) names every symbol."""
    symbols = {json.loads(line)["symbol"] for meta in (CORPUS / "meta").glob("*.json")
               for line in meta.read_text(encoding="utf-8").splitlines() if line.strip()}
    alone = {}
    for path, r in parsed.items():
        expected = re.sub(r" [A-Z]-[A-Z]$", "", r.symbol.removeprefix("A/RES/"))
        assert r.number == expected, path.name
        if not r.parts and re.search(r" [A-Z]$", r.number):
            alone[r.symbol] = r.number
    print(f"\nparts published alone: {len(alone)} ({', '.join(sorted(alone.values())[:6])} ...)")
    indexed = {symbol for symbol in symbols if re.search(r"\d [A-Z]$", symbol)}
    assert indexed and indexed <= set(alone)
    assert "77/292 B" in alone.values() and "79/258 B" in alone.values()


def test_italics_are_the_sources(parsed):
    """Every italic word of the source is italic in the model (a lead, an italic run of a text,
    a cell, a note) and no other is. Left out, each for a reason: italics in titles and headings
    (the model keeps none there); the letters of table notes (markers, not text). Allowed: a
    lead carried to the end of its word ("Encourage</span>s"), a lead taken from the container's
    name where the source lost the italics."""
    differ = {}
    for path, r in parsed.items():
        root = etree.parse(str(path)).getroot()
        source, model = _xml_italics(root), _model_italics(r)
        lost, extra = source - model, model - source
        for word in list(extra):
            stem = next((w for w in lost if word.startswith(w)), None)
            if stem:
                lost[stem] -= 1
                extra[word] -= 1
        names = {w for c in root.iter("{*}container") for w in (c.get("name") or "").split()}
        extra = +collections.Counter({w: n for w, n in extra.items() if w not in names})
        lost = +collections.Counter({w: n for w, n in lost.items() if len(w) > 1 or not _has_tables(r)})
        if lost or extra:
            differ[path.name] = (dict(lost.most_common(4)), dict(extra.most_common(4)))
    assert differ == {}


def _xml_italics(root) -> collections.Counter:
    words: collections.Counter = collections.Counter()
    left_out = {e for tag in ("coverPage", "formula", "meta", "heading", "subheading", "docTitle")
                for holder in root.iter("{*}" + tag) for e in holder.iter("{*}span", "{*}i")}
    for element in root.iter("{*}span", "{*}i"):
        if element in left_out or (etree.QName(element).localname == "span"
                                   and "italic" not in (element.get("class") or "")):
            continue
        if not any("italic" in (a.get("class") or "") for a in element.iterancestors("{*}span")):
            words.update(_WORD.findall("".join(element.itertext())))
    return words


def _model_italics(r: Resolution) -> collections.Counter:
    words: collections.Counter = collections.Counter()
    for text, _, italics, _ in every_text_holder(r):
        words.update(w for span in italics for w in _WORD.findall(text[span.start:span.end]))
    for holder in (r, *r.parts):
        for paragraph in every_paragraph(holder):
            words.update(_WORD.findall(paragraph.lead or ""))
        for marker, spans in holder.note_italics.items():
            words.update(w for span in spans for w in _WORD.findall(holder.footnotes[marker][span.start:span.end]))
    return words


def _has_tables(r: Resolution) -> bool:
    return any(p.table is not None for _, p in r.all_paragraphs()) or any(
        p.table is not None for a in r.annexes for p in a.paragraphs)


def test_counts_of_shapes_follow_the_markup(parsed):
    """Parts exactly where the file is a documentCollection, annexes exactly where it has
    attachments; every file with a body <section> gets sections. Printed with -s."""
    counts = collections.Counter()
    for path, r in parsed.items():
        raw = path.read_bytes()
        assert bool(r.parts) == (b"<documentCollection" in raw), path.name
        assert bool(r.annexes) == (b"<attachments" in raw), path.name
        has_sections = any(h.sections for h in (r, *r.parts))
        if b"<section" in raw:
            assert has_sections, path.name
        counts.update(parts=bool(r.parts), sections=has_sections, annexes=bool(r.annexes),
                      warnings=bool(r.warnings))
    print(f"\nAKN shapes: {counts['parts']} files with parts, {counts['sections']} with sections, "
          f"{counts['annexes']} with annexes, {counts['warnings']} with warnings")
    assert counts["parts"] and counts["sections"] and counts["annexes"]


def _xml_words(path) -> collections.Counter:
    """Words of preamble, body and attachments as the XML has them (every element but the inline
    ones stands apart from the words around it; notes too), the enacting formula left out (it
    becomes `body`), and notes on the number or title counted (the reader keeps their texts)."""
    root = etree.parse(str(path)).getroot()
    markers = {(n.get("marker") or "").strip() for n in root.iter("{*}authorialNote")} - {""}
    for sup in root.iter("{*}sup"):
        if len(sup) == 0 and (sup.text or "").strip() in markers:
            sup.text = None                     # a note cited again (78/11): a reference, not a word
    for element in root.iter():
        if isinstance(element.tag, str):
            name = element.tag.rpartition("}")[2]
            # A <sup> in a table or under one is a note's letter ("2021<sup>a</sup>"): a word.
            if name not in _INLINE or (name == "sup" and _in_table(element)):
                element.text = " " + (element.text or "")
                element.tail = " " + (element.tail or "")
    for formula in list(root.iter("{*}formula")):
        formula.clear(keep_tail=True)
    words: collections.Counter = collections.Counter()
    for document in root.iter("{*}statement", "{*}documentCollection"):
        for part in document:
            name = etree.QName(part).localname if isinstance(part.tag, str) else ""
            if name in ("preamble", "mainBody", "attachments", "preface"):
                # Notes are counted apart and taken out of the line ("a<note/>nd" reads "and").
                for note in list(part.iter("{*}authorialNote")):
                    words.update(_WORD.findall(_text(note)))
                    note.clear(keep_tail=True)
                    note.tail = (note.tail or "").removeprefix(" ")
            if name in ("preamble", "mainBody", "attachments"):
                words.update(_WORD.findall(_text(part)))
    return words


def _text(element) -> str:
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _in_table(element) -> bool:
    return any(etree.QName(a).localname in ("td", "th") or (a.get("class") or "").startswith("FootnoteText")
               for a in element.iterancestors())


def _model_words(r: Resolution) -> collections.Counter:
    texts: list[str] = []

    def paragraphs(items) -> None:
        for p in items:
            texts.extend((str(p.number or ""), p.text, p.wrap_up or ""))
            subparagraphs(p.subparagraphs)
            if p.table is not None:
                table(p.table)

    def subparagraphs(items) -> None:
        for s in items:
            texts.extend((s.label, s.text, s.wrap_up or ""))
            subparagraphs(s.subparagraphs)

    def table(t) -> None:
        # The letters a cell cites (<sup>a</sup>) are words of the source too.
        texts.extend(t.words())
        texts.extend(ref.marker for row in t.rows for cell in row for ref in cell.footnotes
                     if ref.marker in {n.marker for n in t.notes} or not ref.marker.isdigit())
        texts.extend(n.marker for n in t.notes)

    def sections(items) -> None:
        for s in items:
            texts.extend((s.label or "", s.heading or ""))
            paragraphs(s.preamble)
            paragraphs(s.operative)
            sections(s.sections)

    for holder in (r, *r.parts):
        paragraphs(holder.preamble)
        paragraphs(holder.operative)
        sections(holder.sections)
        texts.extend(holder.footnotes.values())
    for annex in r.annexes:
        texts.extend((annex.label or "", annex.title or ""))
        paragraphs(annex.paragraphs)
    return collections.Counter(_WORD.findall(" ".join(texts)))


def test_no_word_of_the_source_is_lost(parsed):
    """The multiset of words of preamble, body, annexes and notes in the XML equals the multiset of
    words in the model: paragraph texts, numbers and labels (the XML's <num> counted as a word too),
    closing words, headings, annex blocks, tables (cells, the letters cells cite, the notes under
    them), footnote texts. So every word is in the model exactly once. Differences allowed, each
    one justified:
    - an annex with no "Annex ..." line is labelled from its <doc name="annex">: one "Annex" more;
    - a paragraph numbered "l." (a lowercase L typed for the digit one) is read as 1, with a warning.
    """
    losses = {}
    for path, r in parsed.items():
        source, model = _xml_words(path), _model_words(r)
        for warning in r.warnings:
            if "number 'l.' read as 1" in warning:
                source["l"] -= 1
                source["1"] += 1
        extra, lost = model - source, source - model
        if extra and set(extra) == {"Annex"} and extra["Annex"] <= len(r.annexes):
            extra = collections.Counter()
        if extra or lost:
            losses[path.name] = (dict(lost.most_common(5)), dict(extra.most_common(5)))
    assert not losses, f"{len(losses)} files differ (lost, added): {dict(list(losses.items())[:5])}"


def test_text_is_one_clean_line_and_notes_point_into_it(parsed):
    for path, r in parsed.items():
        for text, refs, italics, notes in every_text_holder(r):
            assert text == text.strip() and "  " not in text, (path.name, text[:60])
            assert not set(text) & {"\n", "\t", "\r", "\u200e", "\u202f", *SENTINELS}, \
                (path.name, text[:60])
            # A no-break space is one space: never beside another.
            assert " \u00a0" not in text and "\u00a0 " not in text, (path.name, text[:60])
            for ref in refs:
                assert 0 <= ref.at <= len(text), (path.name, ref)
                assert ref.marker in notes, (path.name, ref.marker)
            end = 0
            for span in italics:
                # Italic runs are in order, apart, and trimmed: they start and end on a character.
                assert end <= span.start < span.end <= len(text), (path.name, span, text[:60])
                assert not text[span.start].isspace() and not text[span.end - 1].isspace(), (path.name, text[:60])
                end = span.end


def test_leads_open_their_paragraphs(parsed):
    for path, r in parsed.items():
        for holder in (r, *r.parts):
            for paragraph in every_paragraph(holder):
                if paragraph.lead is not None:
                    assert paragraph.lead and paragraph.text.startswith(paragraph.lead), (path.name, paragraph.lead)
                    assert not paragraph.lead.endswith((" ", ",", ";", ":", ".")), (path.name, paragraph.lead)


def test_json_round_trips(parsed):
    for path, r in parsed.items():
        data = r.to_dict()
        assert Resolution.from_dict(data).to_dict() == data, path.name


# --- synthetic documents: whitespace around notes, bad input ------------------------------------

_AKN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <statement name="resolution">
    <coverPage><p><docNumber refersTo="#symbol">A/RES/99/1</docNumber></p>
      <p><session value="99">Ninety-ninth session</session></p></coverPage>
    <preface><p><docNumber>99/1.</docNumber><docTitle>A test</docTitle></p></preface>
    {preamble}
    <mainBody>{body}</mainBody>
  </statement>
</akomaNtoso>"""
_PREAMBLE = """<preamble>
      <formula name="enactingFormula"><p><span class="italic">The General Assembly</span>,</p></formula>
      <container><p><span class="italic">Recalling</span> its work,</p></container></preamble>"""


def akn(body: str, preamble: str = _PREAMBLE) -> bytes:
    return _AKN.format(preamble=preamble, body=body).encode()


def note(marker: str) -> str:
    return f'<authorialNote marker="{marker}"><p>A/99/{marker}.</p></authorialNote>'


def operative(number: str, words: str) -> str:
    """A numbered operative paragraph whose first word is its italic lead."""
    lead, _, rest = words.partition(" ")
    return (f'<paragraph><num>{number}.</num><content><p><span class="italic">{lead}</span> {rest}</p>'
            '</content></paragraph>')


@pytest.mark.parametrize("written", [
    "its report,{n} which",         # glued to the word before
    "its report, {n} which",        # spaces on both sides: one is kept
    "its report,{n}\n   which",      # newline and indentation after
    "its report,\u00a0{n} which",   # a no-break space before
    "its report, {n}which",         # glued to the word after: the space still goes after the marker
])
def test_a_note_leaves_one_space_and_points_after_the_comma(written):
    body = operative("1", f'Notes {written.format(n=note("1"))} it acts;')
    [paragraph] = parse_akn(akn(body), "synthetic.xml").operative
    # The space stays the kind the source wrote: a no-break space is kept, after the marker.
    space = "\u00a0" if "\u00a0" in written else " "
    assert paragraph.text == f"Notes its report,{space}which it acts;"
    [ref] = paragraph.footnotes
    assert paragraph.text[:ref.at] == "Notes its report,"


@pytest.mark.parametrize("symbol", ["A/80/L.…", "A/C.2/60/L.12"])
def test_a_draft_is_known_by_its_symbol(symbol):
    # A draft has no number until it is adopted; drafter's own AKN of a draft writes none (QA 8).
    # Its symbol is its name: never "2/60" read out of "A/C.2/60/L.12".
    data = akn(operative("1", "Decides to act.")).replace(b"A/RES/99/1", symbol.encode()).replace(
        b"<docNumber>99/1.</docNumber>", b"")
    r = parse_akn(data, "draft.xml")
    assert (r.number, r.symbol, r.session) == (symbol, symbol, 99)


def test_notes_at_the_end_and_side_by_side():
    body = operative("1", f'Decides so;{note("1")}{note("2")} ')
    r = parse_akn(akn(body), "synthetic.xml")
    [paragraph] = r.operative
    assert paragraph.text == "Decides so;"
    assert [(f.marker, f.at) for f in paragraph.footnotes] == [("1", 11), ("2", 11)]
    assert r.footnotes == {"1": "A/99/1.", "2": "A/99/2."}


def test_single_unnumbered_operative_paragraph_has_no_number():
    body = '<paragraph><content><p><span class="italic">Decides</span> to act.</p></content></paragraph>'
    r = parse_akn(akn(body), "synthetic.xml")
    assert [(p.number, p.lead, p.text) for p in r.operative] == [(None, "Decides", "Decides to act.")]
    assert (r.number, r.symbol, r.session, r.body, r.adopted) == ("99/1", "A/RES/99/1", 99, "General Assembly", None)


@pytest.mark.parametrize("data, line", [
    (b"<akomaNtoso>\n<statement>\n</akomaNtoso>", 3),
    (b"<?xml version='1.0'?>\n<akomaNtoso>\n<statement>\n</akoma>", 4),
])
def test_invalid_xml_names_the_file_and_line(data, line):
    with pytest.raises(ParseError, match="not well-formed XML") as caught:
        parse_akn(data, "broken.xml")
    assert caught.value.path == "broken.xml" and caught.value.line == line
    assert str(caught.value).startswith(f"broken.xml:{line}: ")


@pytest.mark.parametrize("data", [b"", b"\xff\xfe not xml", b"plain text, no markup"])
def test_bytes_that_are_not_xml_raise_parse_error(data):
    with pytest.raises(ParseError) as caught:
        parse_akn(data, "junk.bin")
    assert caught.value.path == "junk.bin"


@pytest.mark.parametrize("data", [b"<html><body><p>Hello</p></body></html>",
                                  b"<?xml version='1.0'?><html><body/></html>"])
def test_xml_that_is_not_akoma_ntoso_is_refused(data):
    with pytest.raises(ParseError, match="not an Akoma Ntoso document") as caught:
        parse_akn(data, "page.html")
    assert caught.value.path == "page.html"


def test_akoma_ntoso_that_is_not_a_resolution_is_refused():
    data = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body/></act></akomaNtoso>'
    with pytest.raises(ParseError, match="not an Akoma Ntoso resolution") as caught:
        parse_akn(data, "act.xml")
    assert caught.value.path == "act.xml"


@pytest.mark.parametrize("data", [
    akn("<paragraph><num>1.</num><content><p>Decides.</p></content></paragraph>", preamble=""),
    (b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><statement name='resolution'>"
     b"<meta/></statement></akomaNtoso>"),
])
def test_a_resolution_without_preamble_is_refused(data):
    with pytest.raises(ParseError, match="no <preamble>") as caught:
        parse_akn(data, "headless.xml")
    assert caught.value.path == "headless.xml"


def test_an_entity_the_document_declares_reads_as_its_text_written_out():
    # The reader's walks take every child for an element: the references a DTD declares are
    # folded into the text around them first, so a document reads as it would with each one's
    # text written in its place, wherever it stands (here between paragraphs, in a container,
    # in italics and in a note).
    body = ('<paragraph><num>1.</num><content><p><span class="italic">&lead;</span> the &ga; to act'
            '<authorialNote marker="1"><p>&ga; report.</p></authorialNote> now.</p></content></paragraph>'
            '&sp;<paragraph><num>2.</num><content><p>&ga;</p></content></paragraph>')
    preamble = ('<preamble><formula name="enactingFormula"><p>The &ga;,</p></formula>'
                '<container name="Recalling">&sp;<p>Recalling its work,</p></container></preamble>')
    texts = {"ga": "General Assembly", "lead": "Requests", "sp": " "}
    dtd = "".join(f'<!ENTITY {name} "{text}">' for name, text in texts.items())
    data = akn(body, preamble).replace(b"<akomaNtoso", f"<!DOCTYPE akomaNtoso [{dtd}]>\n<akomaNtoso".encode(), 1)
    written = akn(body, preamble)
    for name, text in texts.items():
        written = written.replace(f"&{name};".encode(), text.encode())
    read = parse_akn(data, "entities.xml")
    assert read == parse_akn(written, "written.xml") and read.warnings == ()
    assert read.operative[0].text == "Requests the General Assembly to act now."
    assert read.footnotes == {"1": "General Assembly report."} and read.body == "General Assembly"
    assert read.preamble[0].lead == "Recalling"      # the container's one <p>, named after its lead


@pytest.mark.parametrize("target", ["file:///etc/hostname", "file:///etc/passwd"])
def test_entities_are_not_expanded(target):
    # An external entity must not be fetched or read; the document is refused or read without it.
    data = akn("<paragraph><content><p>&xxe;</p></content></paragraph>").replace(
        b"<akomaNtoso", f'<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "{target}">]>\n<akomaNtoso'.encode(), 1)
    data = data.replace(b'<?xml version="1.0" encoding="UTF-8"?>\n', b"")
    try:
        r = parse_akn(data, "entity.xml")
    except ParseError:
        return
    assert all("/etc" not in p.text and "root:" not in p.text for _, p in r.all_paragraphs())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=4000), flip=st.integers(min_value=0, max_value=4000),
       byte=st.integers(min_value=0, max_value=255))
def test_damaged_files_raise_parse_error_or_parse(cut, flip, byte):
    """Truncated or corrupted input gives a Resolution or a ParseError, never another exception."""
    body = "".join(operative(str(n), f"Decides ({n}) item{note(str(n))};")
                   + "<paragraph><content><p>\t(a)\tfirst;</p></content></paragraph>" for n in range(1, 12))
    data = bytearray(akn(body))
    data[flip % len(data)] = byte
    try:
        parse_akn(bytes(data[: len(data) - cut]), "damaged.xml")
    except ParseError as error:
        assert error.path == "damaged.xml"


# Every character Python counts as whitespace, and the words and marks it may stand between.
_SPACES = [chr(c) for c in range(0x110000) if chr(c).isspace()]
_AROUND = ["a{c}b", "a {c}b", "a{c} b", "{c}a", "a{c}", "a{c}{c}b", "a\u00a0{c}b", "\ue001{c}a\ue002 b"]


def _same_as_the_long_way(raw: str) -> None:
    from drafter.ingest.akn_inline import clean_line, clean_utf8
    from drafter.ingest.clean import clean_chars, one_line
    assert clean_line(raw) == one_line(clean_chars(raw)), repr(raw)
    # The same asked of the UTF-8 lxml writes (trimmed of ASCII spaces only, before decoding).
    assert clean_utf8(raw.encode()) == one_line(clean_chars(raw)), repr(raw)


def test_the_quick_clean_line_is_the_long_one():
    """The reader's shortcut for a line with no run of spaces inside (`akn_inline.clean_line`) gives
    what `clean.one_line(clean.clean_chars(...))` gives, whatever whitespace the source holds and
    wherever it stands: alone, beside a space or a no-break space, doubled, at either end."""
    for space in _SPACES:
        for shape in _AROUND:
            _same_as_the_long_way(shape.format(c=space))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SPACES + ["a", "word", "\u00a0", "\ue001", "\u200b", "\r\n"]), max_size=12))
def test_the_quick_clean_line_is_the_long_one_for_any_mix(pieces):
    _same_as_the_long_way("".join(pieces))


_PIECES = ["a", "word", " ", "\u00a0", "\u2007", ".", ",", "\t", "\n", "\u200b"]   # U+2007: a no-break space too


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.integers(0, 14), st.integers(0, 14))
def test_the_quick_italic_run_is_the_long_way(pieces, opening, closing):
    """A line with one run of italics and no note is read directly (`akn_inline._one_run`, the
    commonest line by far); whatever spaces stand beside its marks, the result, when it gives one,
    is what the long way (`_settled`, any notes and runs) gives."""
    from drafter.ingest.akn_inline import ITALIC, ROMAN, _one_run, _settled, clean_line
    opening, closing = sorted((min(opening, len(pieces)), min(closing, len(pieces))))
    pieces = pieces[:opening] + [ITALIC] + pieces[opening:closing] + [ROMAN] + pieces[closing:]
    text = clean_line("".join(pieces))
    quick = _one_run(text)
    if quick is not None:
        assert quick == _settled(text), repr(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["\ue0031\ue004", "\ue003*\ue004", "\ue001", "\ue002"]), max_size=14),
       st.integers(0, 14))
def test_the_quick_lead_with_notes_is_the_long_way(pieces, closing):
    """A line that opens with its italic lead and has notes after it (`akn_inline._lead_and_notes`,
    the commonest line with notes) is read directly; whatever spaces stand beside its marks, and
    wherever other marks stand, the result, when it gives one, is what the long way gives."""
    from drafter.ingest.akn_inline import (
        ITALIC,
        ROMAN,
        _lead_and_notes,
        _settled,
        clean_line,
    )
    closing = min(closing, len(pieces))
    text = clean_line("".join([ITALIC] + pieces[:closing] + [ROMAN] + pieces[closing:]))
    quick = _lead_and_notes(text)
    if quick is not None:
        assert quick == _settled(text), repr(text)


def test_the_quick_lead_with_notes_takes_the_long_way_when_a_space_moves():
    from drafter.ingest.akn_inline import _lead_and_notes
    assert _lead_and_notes("\ue001Recalling\ue002 its resolution 1,\ue0031\ue004 and") is not None
    assert _lead_and_notes("\ue001Recalling\ue002 its resolution 1 \ue0031\ue004and") is None
    assert _lead_and_notes("\ue001Recalling \ue002its resolution 1,\ue0031\ue004") is None
    assert _lead_and_notes("its \ue001Recalling\ue002 resolution 1,\ue0031\ue004") is None


def test_the_quick_italic_run_takes_the_long_way_for_spaces_on_both_sides_of_a_mark():
    from drafter.ingest.akn_inline import _one_run
    assert _one_run("Recalling \ue001 its\ue002 resolution") is None
    assert _one_run("Recalling\u00a0\ue001 its\ue002 resolution") is None
    assert _one_run("Recalling\u00a0\ue001\u00a0its\ue002 resolution") is None
    assert _one_run("Recalling \ue001\ue002 its") is None
    assert _one_run("\ue001Recalling\ue002 its") is not None


def test_the_commonest_paragraph_read_directly_is_what_the_general_rules_read(corpus, monkeypatch):
    # `BlockReader._common_paragraph` reads <num> + <content><p> without asking each rule of
    # `_paragraph`: a sample of every session reads the same, warnings too, without the shortcut.
    from drafter.ingest.akn_blocks import BlockReader

    paths = sorted(corpus.glob("*/*.xml"))[::40]
    shortcut, taken = BlockReader._common_paragraph, []

    def counted(self, element, kids, origin):
        found = shortcut(self, element, kids, origin)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(BlockReader, "_common_paragraph", counted)
    quick = [parse_akn(path.read_bytes(), str(path)) for path in paths]
    assert sum(taken) > 1000 and not all(taken)            # most paragraphs, not all
    monkeypatch.setattr(BlockReader, "_common_paragraph", lambda self, element, kids, origin: None)
    for path, read in zip(paths, quick):
        slow = parse_akn(path.read_bytes(), str(path))
        assert read == slow and read.warnings == slow.warnings, path.name


def test_the_plain_text_of_words_alone_is_the_serialised_one(corpus):
    # `plain` reads an element that holds words alone from its own text, not lxml's serialisation:
    # the same line for every such element of a corpus sample, read before `prepare` (the cover
    # page) and after it (with the reader's marks: italics, notes), and for one of each kind of
    # whitespace a source may hold.
    from lxml import etree

    from drafter.ingest.akn_inline import Notes, inline, plain, prepare

    alone = []
    for path in sorted(corpus.glob("*/*.xml"))[::60]:
        root = etree.fromstring(path.read_bytes())
        alone += [e for e in root.iter() if isinstance(e.tag, str) and not len(e) and e.text]
        for statement in root.iter("{*}statement"):
            prepare(statement, Notes())
        alone += [e for e in root.iter() if isinstance(e.tag, str) and not len(e) and e.text]
    odd = etree.fromstring("<p>\t1.\u00a0 Decides \u200b to\r\n act \u2007 now </p>")
    assert len(alone) > 5000 and any("\ue001" in e.text for e in alone)
    for element in alone + [odd]:
        assert plain(element) == inline(element).text, repr(element.text)


def test_paragraphs_made_at_once_are_what_the_model_makes(parsed):
    """The reader makes its paragraphs without the model's own __init__ (`akn_outline.made_at_once`,
    for speed): each corpus paragraph has every field of `Paragraph`, and equals, hashes and
    serialises as the paragraph the model's constructor makes from the same values."""
    import dataclasses

    from drafter.model import Paragraph
    names = {f.name for f in dataclasses.fields(Paragraph)}
    checked = 0
    for r in list(parsed.values())[::50]:
        for paragraph in r.preamble + r.operative:
            assert set(vars(paragraph)) == names
            made = Paragraph(**vars(paragraph))
            assert paragraph == made and hash(paragraph) == hash(made)
            assert paragraph.to_dict(True) == made.to_dict(True)
            checked += 1
    assert checked > 500


def test_made_at_once_refuses_a_class_it_would_make_wrong():
    import dataclasses

    from drafter.ingest.akn_outline import made_at_once

    @dataclasses.dataclass(frozen=True)
    class Checked:
        value: int

        def __post_init__(self):
            assert self.value > 0

    @dataclasses.dataclass(frozen=True, slots=True)
    class Slotted:
        value: int

    for cls in (Checked, Slotted):
        with pytest.raises(TypeError):
            made_at_once(cls)


# --- the metadata left unparsed -------------------------------------------------------------

_META = ('<meta><identification source="#DGACM"><FRBRExpression><FRBRlanguage language="fra"/>'
         '</FRBRExpression></identification>\n{rest}\n</meta>\n    <coverPage>')


def with_meta(rest: str) -> bytes:
    return akn(operative("1", "Decides to act.")).replace(b"<coverPage>", _META.format(rest=rest).encode(), 1)


def parsed_whole(data: bytes, path: str, monkeypatch) -> Resolution:
    """What the reader makes of `data` with its metadata parsed, none of it cut."""
    with monkeypatch.context() as patch:
        patch.setattr("drafter.ingest.akn.without_unread_metadata", lambda data: data)
        return parse_akn(data, path)


def test_metadata_after_the_identification_is_left_unparsed_and_lines_stay(monkeypatch):
    from drafter.ingest.akn import without_unread_metadata

    data = with_meta('<analysis source="#x">\n<a>\n</a></analysis>\n<references>\n</references>')
    cut = without_unread_metadata(data)
    assert b"<analysis" not in cut and b'<FRBRlanguage language="fra"/>' in cut
    assert cut.count(b"\n") == data.count(b"\n")
    full, read = parsed_whole(data, "meta.xml", monkeypatch), parse_akn(data, "meta.xml")
    assert read == full and read.language == "fr" and read.operative[0].line == full.operative[0].line == 17


@pytest.mark.parametrize("rest", [
    "<!-- an editor wrote </meta> here -->",          # a comment may hold the closing tag as text
    "<?editor </meta>?>",                             # so may a processing instruction
    "<![CDATA[ </meta> ]]>",
])
def test_metadata_that_hides_its_closing_tag_is_read_whole(rest, monkeypatch):
    # The cut ends at the hidden "</meta>", which leaves the real one unmatched: the document is
    # then parsed whole, and read as it would be without any cut.
    data = with_meta(f"<analysis>{rest}</analysis>")
    read = parse_akn(data, "meta.xml")
    assert read == parsed_whole(data, "meta.xml", monkeypatch)
    assert read.operative[0].text == "Decides to act." and read.language == "fr"


def test_a_fault_after_the_metadata_is_reported_at_its_own_line():
    data = with_meta("<analysis>\n</analysis>").replace(b"to act.", b"to &act.")
    with pytest.raises(ParseError, match="not well-formed") as caught:
        parse_akn(data, "broken.xml")
    assert caught.value.line == 1 + data[:data.index(b"&act")].count(b"\n") > 10


def test_a_meta_start_tag_inside_a_comment_is_not_cut_from():
    from drafter.ingest.akn import without_unread_metadata

    data = with_meta("<workflow/>").replace(b"<statement", b"<!-- <meta> </identification> </meta> -->\n<statement", 1)
    assert without_unread_metadata(data) == data


def test_every_part_of_a_collection_has_its_metadata_cut(corpus):
    # A statement has one <meta>, and the cut stops after it; a collection has its own and one per
    # part, and each is cut after its identification (80/236 A and B: the collection's own is
    # empty, the parts' hold their classification, 18 KB).
    from drafter.ingest.akn import without_unread_metadata

    data = next(corpus.glob("80/A_RES_80_236AB*.xml")).read_bytes()
    cut = without_unread_metadata(data)
    parts = data[data.index(b"<components>"):]
    assert data.count(b"<meta>") == cut.count(b"<meta>") == 3 and b"<meta></meta>" in cut
    assert data.count(b"</identification>") == cut.count(b"</identification>") == 2
    assert b"<classification" in parts and b"<classification" not in cut
    assert cut.count(b"\n") == data.count(b"\n")


def test_leaving_the_metadata_unparsed_changes_no_corpus_model(corpus, monkeypatch):
    # The reader reads nothing of <meta> but its identification (the language); a sample of every
    # session, collections among them, reads the same, warnings too, with the rest of it cut out.
    from drafter.ingest.akn import without_unread_metadata

    paths = sorted(corpus.glob("*/*.xml"))[::40]
    assert len({path.parent.name for path in paths}) == 6
    assert any(b"<documentCollection" in path.read_bytes() for path in paths)   # a meta per part
    for path in paths:
        data = path.read_bytes()
        assert len(without_unread_metadata(data)) < len(data), path.name
        read, whole = parse_akn(data, str(path)), parsed_whole(data, str(path), monkeypatch)
        assert read == whole and read.warnings == whole.warnings, path.name
