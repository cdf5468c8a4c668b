"""The DOCX renderer, checked the way a person would: re-read with python-docx, and the raw XML.

The word processor's own view (LibreOffice: pages, fonts, notes on the page, accept and reject all
changes) is tests/test_libreoffice.py; every corpus file is tests/test_render_corpus.py.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import corpus_models
import docx
import docx_text
import pytest
from conftest import ROOT, SEED_BY_NUMBER, corpus_or_skip, parts_published_alone
from docx_text import W, part
from lxml import etree

from drafter.errors import OutputError, ParseError
from drafter.ingest import read_resolution
from drafter.model import FootnoteRef, Paragraph, Resolution, Span, SubParagraph
from drafter.render.word import build, render_docx


@pytest.fixture(scope="module")
def resolution():
    return read_resolution(SEED_BY_NUMBER["58/208"])


@pytest.fixture(scope="module")
def rendered(resolution):
    return build(resolution)[0]


def _corpus(session: str, number: str) -> Path:
    return next((corpus_or_skip() / session).glob(f"A_RES_{session}_{number}-*.xml"))


def _style_of(data: bytes, style_id: str) -> etree._Element:
    styles = part(data, "word/styles.xml")
    return next(s for s in styles.findall(f"{W}style") if s.get(f"{W}styleId") == style_id)


# --- read back ---------------------------------------------------------------------------------

def test_python_docx_reads_it_back(rendered):
    document = docx.Document(io.BytesIO(rendered))
    styles = {s.name for s in document.styles}
    assert {"SingleTxt", "SubPara", "DocTitle", "SectionHeading"} <= styles
    texts = [p.text for p in document.paragraphs]
    assert "58/208.\tInternational migration and development" in texts
    assert any(t.startswith("1.\tTakes note of the report of the Secretary-General;") for t in texts)
    # The closing: meeting and date, day and month held together by a no-break space; then the
    # empty paragraph every document ends in (no Accept All leaves one of its own behind).
    assert texts[-3:] == ["78th plenary meeting", "23\u00a0December 2003", ""]
    # Leads are italic runs at the start of their paragraph, after the number if there is one.
    recalling = next(p for p in document.paragraphs if p.text.startswith("Recalling also its resolutions"))
    assert recalling.runs[0].italic and recalling.runs[0].text == "Recalling also"
    urges = next(p for p in document.paragraphs if p.text.startswith("2.\tUrges"))
    assert [r.text for r in urges.runs[:2]] == ["2.\t", "Urges"] and urges.runs[1].italic


def test_footnotes_are_word_footnotes_in_words_own_styles(rendered, resolution):
    package = zipfile.ZipFile(io.BytesIO(rendered))
    assert "word/footnotes.xml" in package.namelist()
    assert b"wordprocessingml.footnotes+xml" in package.read("[Content_Types].xml")
    assert b"relationships/footnotes" in package.read("word/_rels/document.xml.rels")
    # Word's built-in names, so a word processor raises the marks and knows the notes.
    names = {s.find(f"{W}name").get(f"{W}val") for s in part(rendered, "word/styles.xml").findall(f"{W}style")}
    assert {"footnote text", "footnote reference"} <= names
    superscript = _style_of(rendered, "FootnoteReference").find(f"{W}rPr/{W}vertAlign")
    assert superscript.get(f"{W}val") == "superscript"
    read = docx_text.read(rendered)
    cited = [(p.text, note) for p in read.paragraphs for note in p.notes]
    assert len(cited) == sum(len(p.footnotes) for _, p in resolution.all_paragraphs())
    # Every note holds the text of the marker that stood there, in order: 1, 2, ... 12.
    assert [read.notes[note] for _, note in cited] == list(resolution.footnotes.values())


def test_same_inputs_same_bytes(resolution, rendered):
    assert build(resolution)[0] == rendered


def test_control_characters_are_cleaned():
    bad = Resolution(number="1/1", symbol="A/RES/1/1", title="Bad\x01 source\x0b text", body="General Assembly",
                     session=1, preamble=(Paragraph(text="Recalling\x07 its work,", lead="Recalling"),),
                     operative=(Paragraph(text="Decides\x1b to act.", lead="Decides", number=None),))
    data, _ = build(bad)
    document = docx.Document(io.BytesIO(data))
    assert any(p.text == "Decides to act." for p in document.paragraphs)


def test_reference_without_styles_gets_them_with_a_warning(tmp_path, resolution):
    plain = tmp_path / "office.docx"
    docx.Document().save(plain)
    data, warnings = build(resolution, reference=plain)
    assert warnings and "SingleTxt" in warnings[0]
    document = docx.Document(io.BytesIO(data))
    assert "SingleTxt" in {s.name for s in document.styles}
    # The office's own language stays (python-docx's template says en-US).
    lang = part(data, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-US"


def test_dotx_reference(tmp_path, resolution):
    template = tmp_path / "office.dotx"
    shutil.copy(ROOT / "templates" / "reference.docx", template)
    data, warnings = build(resolution, reference=template)
    assert warnings == [] and docx.Document(io.BytesIO(data)).paragraphs


def test_a_reference_that_is_not_word_is_one_error(tmp_path, resolution):
    bad = tmp_path / "notes.docx"
    bad.write_text("not a zip")
    with pytest.raises(ParseError) as error:
        build(resolution, reference=bad)
    assert "notes.docx" in str(error.value)


@pytest.mark.parametrize("kind", ["missing", "folder", "not-word"])
def test_a_bad_reference_is_bad_input_named_in_one_line_before_any_work(tmp_path, kind):
    # Exit 2, as for any input that cannot be read (drafter/cli/__init__.py), and nothing written:
    # `new` finds it before it asks or drafts anything.
    reference = tmp_path / "office.docx"
    if kind == "folder":
        reference.mkdir()
    elif kind == "not-word":
        reference.write_text("not a zip")
    seed = str(SEED_BY_NUMBER["58/208"])
    for command in (["render", seed, "-o", str(tmp_path / "r.docx")],
                    ["new", "--session", "60", "--base", seed, "--no-input", "-o", str(tmp_path / "d.docx")]):
        result = subprocess.run([sys.executable, "-m", "drafter", *command, "--reference", str(reference)],
                                capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"drafter: error: {reference}: "), lines
        assert sorted(p.name for p in tmp_path.iterdir()) == ([] if kind == "missing" else ["office.docx"])


def test_unwritable_output_is_one_error_and_leaves_nothing(tmp_path, resolution):
    with pytest.raises(OutputError) as error:
        render_docx(resolution, tmp_path / "no-such-folder" / "x.docx")
    assert "no-such-folder" in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_letter_paper(resolution):
    section = docx.Document(io.BytesIO(build(resolution, paper="letter")[0])).sections[0]
    assert abs(section.page_width.cm - 21.59) < 0.01


# --- the file itself -----------------------------------------------------------------------------

def test_the_file_is_current_word_in_british_english_made_by_drafter(rendered):
    names = zipfile.ZipFile(io.BytesIO(rendered)).namelist()
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")]
    settings = part(rendered, "word/settings.xml")
    mode = [s.get(f"{W}val") for s in settings.iter(f"{W}compatSetting") if s.get(f"{W}name") == "compatibilityMode"]
    assert mode == ["15"]                                   # no compatibility mode
    lang = part(rendered, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"                  # "Programme", "Labour" are spelt right
    core = etree.tostring(part(rendered, "docProps/core.xml")).decode()
    assert "<dc:creator>drafter</dc:creator>" in core
    assert "<dc:title>International migration and development</dc:title>" in core
    assert "<dc:subject>A/RES/58/208</dc:subject>" in core
    # The resolution's own date, so the bytes stay the same from one run to the next.
    assert ">2003-12-23T00:00:00Z</dcterms:created>" in core
    assert b"<Application>drafter</Application>" in zipfile.ZipFile(io.BytesIO(rendered)).read("docProps/app.xml")


def test_running_symbol_and_page_numbers_after_the_first_page(rendered):
    sect = part(rendered, "word/document.xml").find(f"{W}body/{W}sectPr")
    assert sect.find(f"{W}titlePg") is not None             # a first page of its own
    headers = {h.get(f"{W}type") for h in sect.findall(f"{W}headerReference")}
    footers = {f.get(f"{W}type") for f in sect.findall(f"{W}footerReference")}
    assert headers == footers == {"first", "default", "even"}
    assert part(rendered, "word/settings.xml").find(f"{W}evenAndOddHeaders") is not None
    rels = {r.get("Id"): r.get("Target") for r in part(rendered, "word/_rels/document.xml.rels")}

    def text(kind: str, side: str) -> str:
        ref = next(r for r in sect.findall(f"{W}{kind}Reference") if r.get(f"{W}type") == side)
        return docx_text.text_of(part(rendered, "word/" + rels[ref.get(f"{{{_R}}}id")]))

    assert text("header", "first") == "" and text("footer", "first") == ""
    # Odd pages: the title inside, the symbol outside (right); even pages the other way round.
    assert text("header", "default") == "International migration and development\tA/RES/58/208"
    assert text("header", "even") == "A/RES/58/208\tInternational migration and development"
    for side in ("default", "even"):
        footer = part(rendered, "word/" + rels[next(r for r in sect.findall(f"{W}footerReference")
                                                    if r.get(f"{W}type") == side).get(f"{{{_R}}}id")])
        fields = [" ".join(i.text.split()) for i in footer.iter(f"{W}instrText")]
        assert fields == ["PAGE", "NUMPAGES"] and text("footer", side) == "1/1"   # "2/4": page/pages


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# --- how the page is set -----------------------------------------------------------------------

def test_subparagraphs_run_back_to_the_margin(rendered):
    # Only the first line is indented (the label at 2.54 cm); later lines start at the body's margin.
    indent = _style_of(rendered, "SubPara").find(f"{W}pPr/{W}ind")
    assert (indent.get(f"{W}left"), indent.get(f"{W}firstLine"), indent.get(f"{W}hanging")) == ("720", "1440", None)
    body = _style_of(rendered, "SingleTxt").find(f"{W}pPr/{W}ind")
    assert body.get(f"{W}left") == "720"
    subs = [p for p in docx_text.read(rendered).paragraphs if p.style == "SubPara"]
    assert subs[0].text.startswith("(a)\tThe purpose of the high-level dialogue")


def test_no_break_spaces_and_non_breaking_hyphens_are_kept():
    text = "Recalling its resolution 217 A (III) of 10\u00a0December 1948 on non\u2011governmental organizations,"
    resolution = Resolution(number="1/1", symbol="A/RES/1/1", title="T", body="General Assembly", session=1,
                            preamble=(Paragraph(text=text, lead="Recalling"),))
    data, _ = build(resolution)
    body = part(data, "word/document.xml")
    assert any("10\u00a0December 1948" in (t.text or "") for t in body.iter(f"{W}t"))
    # U+2011 is Word's own non-breaking hyphen element, never a character in w:t.
    assert body.find(f".//{W}noBreakHyphen") is not None
    assert not any("\u2011" in (t.text or "") for t in body.iter(f"{W}t"))
    assert text in docx_text.read(data).texts()


def test_a_title_note_keeps_its_symbol_and_later_notes_their_numbers():
    resolution = read_resolution(SEED_BY_NUMBER["2006/2"])
    data, warnings = build(resolution)
    read = docx_text.read(data)
    title = next(p for p in read.paragraphs if p.style == "DocTitle")
    assert title.marks == ["*"]
    notes = part(data, "word/footnotes.xml")
    own_marks = [n for n in notes.findall(f"{W}footnote") if n.find(f".//{W}footnoteRef") is None
                 and int(n.get(f"{W}id")) > 0]
    assert len(own_marks) == 1                          # only "*" carries its own mark
    # Word numbers the rest 1, 2, ... 20; notes cited again (1, 2 and 9) refer to the first citation.
    references = part(data, "word/document.xml").findall(f".//{W}footnoteReference")
    assert len([r for r in references if r.get(f"{W}customMarkFollows") is None]) == 20
    again = [" ".join(i.text.split()) for i in part(data, "word/document.xml").iter(f"{W}instrText")]
    assert again == ["NOTEREF _RefNote2 \\f \\h", "NOTEREF _RefNote3 \\f \\h", "NOTEREF _RefNote10 \\f \\h"]
    assert [m for p in read.paragraphs for m in p.marks if m != "*"] == ["1", "2", "9"]
    assert any("footnote 15 has no text" in w for w in warnings)


def test_notes_keep_their_italics():
    resolution = read_resolution(_corpus("78", "217"))
    note = resolution.footnotes["1"]
    italic = "Official Records of the General Assembly, Seventy-second Session, Supplement No. 53"
    start = note.index(italic)
    resolution = replace(resolution, note_italics={"1": (Span(start, start + len(italic)),)})
    notes = part(build(resolution)[0], "word/footnotes.xml")
    first = next(n for n in notes.findall(f"{W}footnote") if n.get(f"{W}id") == "1")
    runs = [("".join(r.itertext()), r.find(f"{W}rPr/{W}i") is not None) for r in first.iter(f"{W}r")]
    assert (italic, True) in runs and ("See ", False) in runs


def test_masthead_of_an_adopted_resolution():
    resolution = read_resolution(_corpus("78", "217"))
    agenda = "Promotion and protection of human rights: human rights questions"
    resolution = replace(resolution, masthead=replace(resolution.masthead, agenda_title=agenda))
    data, _ = build(resolution)
    styles = docx_text.read(data).styles()
    texts = [t for _, t in styles]
    assert "Seventy-eighth session" in texts and "Agenda item 71 (b)" in texts
    assert ("MastheadAgendaTitle", agenda) in styles
    at = texts.index("Resolution adopted by the General Assembly on 19\u00a0December 2023")
    # "[on the report ...]" follows at once: no blank line between them.
    assert styles[at + 1] == ("ReportLine", "[on the report of the Third Committee (A/78/481/Add.2, para. 139)]")
    adoption = _style_of(data, "AdoptionLine").find(f"{W}pPr/{W}spacing")
    assert adoption.get(f"{W}after") == "0"
    assert styles[at + 2] == ("DocTitle", "78/217.\tProtection of migrants")
    assert "Distr.: General\n22\u00a0December 2023" in texts or "Distr.: General\n22 December 2023" in texts
    assert not any("Original" in t for t in texts)       # no corpus resolution carries it


def test_the_closing_is_two_lines_with_no_space_between(rendered):
    # "78th plenary meeting" / "23 December 2003": the UN sets the date right under the meeting,
    # never on the next page;
    # the space the Closing style keeps is before the meeting, after the last paragraph.
    body = part(rendered, "word/document.xml")
    closing = body.xpath("//w:p[w:pPr/w:pStyle/@w:val='Closing']", namespaces={"w": W[1:-1]})
    assert ["".join(p.itertext()) for p in closing] == ["78th plenary meeting", "23\u00a0December 2003"]
    assert closing[0].find(f"{W}pPr/{W}spacing") is None and closing[0].find(f"{W}pPr/{W}keepNext") is not None
    assert closing[1].find(f"{W}pPr/{W}spacing").get(f"{W}before") == "0"


def test_a_french_resolution_prints_the_uns_french_words():
    # 75/274 in French (the corpus's one text in another language, FRBRlanguage "fra"): the
    # masthead, adoption line, formula and closing date in French, as its source prints them,
    # and Word checks the text as French.
    read = read_resolution(corpus_or_skip() / "75" / "75_274_F.xml")
    assert read.language == "fr"
    data = build(read)[0]
    texts = [line for text in docx_text.read(data).texts() for line in text.split("\n")]
    for line in ("Nations Unies", "Distr. générale", "Résolution adoptée par l’Assemblée générale le 28\u00a0avril 2021",
                 "L’Assemblée générale,", "28\u00a0avril 2021"):
        assert line in texts, line
    assert not any(word in " ".join(texts) for word in ("United Nations", "Resolution adopted", "April"))
    lang = part(data, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "fr-FR"
    english = part(build(read_resolution(SEED_BY_NUMBER["58/208"]))[0], "word/styles.xml")
    assert english.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}val") == "en-GB"


def test_every_language_table_says_what_english_does_in_the_same_shape():
    # A table gives a word in its language or leaves it to English (words_for); it never adds a
    # word English lacks, and its formats take the same fields.
    from drafter.render.phrases import ENGLISH, WORDS, words_for

    for language, table in WORDS.items():
        assert set(table) <= set(ENGLISH), language
        for key, value in table.items():
            if isinstance(value, str):
                assert re.findall(r"{\w+}", value) == re.findall(r"{\w+}", ENGLISH[key]), (language, key)
            else:
                assert len(value) == len(ENGLISH[key]), (language, key)
    assert words_for("fr")["limited"] == ENGLISH["limited"]          # not found in French yet
    assert words_for("xx") == words_for("en") == ENGLISH


def test_masthead_of_a_draft():
    from drafter.assemble.compose import to_resolution
    from drafter.assemble.run import new_draft

    draft, _ = new_draft(ROOT / "clause_library", "58/208", 60, answers_path=None, choose=None)
    resolution = to_resolution(draft)
    resolution = replace(resolution, masthead=replace(resolution.masthead, sponsor="Qatar*: draft resolution",
                                                      issued="14 October 2005"))
    data, _ = build(resolution)
    styles = docx_text.read(data).styles()
    texts = [t for _, t in styles]
    assert texts[:4] == ["United Nations", "A/C.2/60/L.…", "General Assembly",
                         "Distr.: Limited\n14 October 2005\nOriginal: English"]
    # The committee comes from the symbol (A/C.2/...).
    assert texts[4:7] == ["Sixtieth session", "Second Committee", "Agenda item …"]
    assert styles[7] == ("Sponsor", "Qatar*: draft resolution")
    assert styles[8] == ("DocTitle", "International migration and development")
    # Space before the title, and none of an adopted resolution's lines.
    assert int(_style_of(data, "DocTitle").find(f"{W}pPr/{W}spacing").get(f"{W}before")) >= 240
    assert not any("plenary meeting" in t or "Resolution adopted" in t for t in texts)
    core = etree.tostring(part(data, "docProps/core.xml")).decode()
    assert ">2005-10-14T00:00:00Z</dcterms:created>" in core


def _draft_of(number: str, session: int):
    from drafter.assemble.run import new_draft

    return new_draft(ROOT / "clause_library", number, session, answers_path=None, choose=None)[0]


def test_the_sponsor_line_reads_as_the_un_prints_it():
    # DOMAIN.md: a draft's masthead ends "Qatar (on behalf of the Group of 77 and China): draft
    # resolution", then the title; a revised draft (".../Rev.1") is a "revised draft resolution".
    from drafter.assemble.compose import to_resolution

    resolution = to_resolution(_draft_of("58/208", 60))
    sponsor = "Qatar (on behalf of the Group of 77 and China)"
    for symbol, line in (("A/C.2/60/L.12", f"{sponsor}: draft resolution"),
                         ("A/C.2/60/L.12/Rev.1", f"{sponsor}: revised draft resolution")):
        drawn = replace(resolution, masthead=replace(resolution.masthead, sponsor=sponsor, symbol=symbol))
        styles = docx_text.read(build(drawn)[0]).styles()
        at = styles.index(("Sponsor", line))
        assert styles[at + 1] == ("DocTitle", "International migration and development")
    # A line given whole, as a UN draft prints it, is not said twice.
    drawn = replace(resolution, masthead=replace(resolution.masthead, sponsor="Qatar*: draft resolution"))
    assert ("Sponsor", "Qatar*: draft resolution") in docx_text.read(build(drawn)[0]).styles()


def test_a_draft_with_no_sponsor_or_date_shows_placeholders_the_list_names():
    from drafter.assemble import questions
    from drafter.assemble.compose import to_resolution

    draft = _draft_of("58/208", 60)
    assert draft.heading.sponsor is None
    styles = docx_text.read(build(to_resolution(draft))[0]).styles()
    texts = [t for _, t in styles]
    assert ("Sponsor", "[to fill: sponsor]: draft resolution") in styles
    assert "Distr.: Limited\n[to fill: date]\nOriginal: English" in texts
    listed = questions.still_to_fill(draft)
    assert "sponsor line" in listed and "date of issue" in listed
    # A sponsor given is no longer to fill; the date is the Secretariat's, so it stays listed.
    listed = questions.still_to_fill(replace(draft, heading=replace(draft.heading, sponsor="Qatar")))
    assert "sponsor line" not in listed and "date of issue" in listed


# --- structure ---------------------------------------------------------------------------------

def test_sections_keep_their_headings_preambles_and_numbers(resolution):
    # A budget resolution's shape (78/253): sections I, II with their headings, each with its own
    # preamble and paragraphs numbered from 1, built here from 58/208's own paragraphs.
    sectioned = corpus_models.sectioned(resolution)
    styles = docx_text.read(build(sectioned)[0]).styles()
    headings = [t for s, t in styles if s == "SectionHeading"]
    assert headings == ["I", "International migration", "II", "Development"]
    numbers = [t.split("\t")[0] for s, t in styles if s == "SingleTxt" and re.match(r"\d+\.\t", t)]
    assert numbers == ["1.", "2.", "1.", "2."]                  # as the source numbers them
    at = [t for _, t in styles].index("Development")
    assert styles[at + 1][1] == resolution.preamble[2].text            # its preamble under it


def test_each_part_has_its_own_heading_formula_and_closing():
    resolution = read_resolution(_corpus("78", "80AB"))
    styles = docx_text.read(build(resolution)[0]).styles()
    texts = [t for _, t in styles]
    assert [t for s, t in styles if s == "PartHeading"] == [
        "A", "Information in the service of humanity", "B", "United Nations global communications policies and activities"]
    assert texts.count("The General Assembly,") == 2
    for label in ("A", "B"):
        at = texts.index(label)
        assert texts[at + 2] == "The General Assembly,"
    assert texts.count("45th plenary meeting") == 2


def test_tables_are_word_tables_with_their_notes():
    title = "Financing of the International Residual Mechanism for Criminal Tribunals for 2024"
    path = _corpus("78", "249")
    resolution = corpus_models.with_annex_table(read_resolution(path), path, title)
    table = resolution.annexes[0].paragraphs[0].table
    data, _ = build(resolution)
    body = part(data, "word/document.xml").find(f"{W}body")
    tables = body.findall(f"{W}tbl")
    assert len(tables) == 2                              # the masthead, and the annex's table
    grid = tables[1]
    rows = grid.findall(f"{W}tr")
    assert len(rows) == len(table.rows)
    # Header rows repeat on every page; "(United States dollars)" spans three columns.
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows[:4]] == [True, True, True, False]
    spanned = next(tc for tc in grid.iter(f"{W}tc") if "(United States dollars)" in "".join(tc.itertext()))
    assert spanned.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val") == "3"
    cells = ["".join(tc.itertext()) for tc in rows[3].findall(f"{W}tc")]
    assert cells == ["Estimated appropriation for 2024a", "63 930 800", "58 552 400"]
    # The note letter is raised in its cell and under the table, never on the baseline.
    mark = next(r for r in rows[3].iter(f"{W}r") if "".join(r.itertext()) == "a")
    assert mark.find(f"{W}rPr/{W}vertAlign").get(f"{W}val") == "superscript"
    styles = docx_text.read(data).styles()
    notes = [" ".join(t.split()) for s, t in styles if s == "TableNote"]
    assert notes == ["a See A/78/534.", "b See A/78/634.", "c Reflects amounts after recosting."]
    # The annex heading once, from a new page.
    assert [t for s, t in styles if s == "AnnexHeading"] == ["Annex", title]


def test_a_table_note_set_in_a_cell_keeps_its_raised_letter():
    # 80/226's model strategies: the note "a See sect. E." is a row of the table itself, so the
    # letter in the cell above names no note of the document: it is the table's own mark, raised,
    # never an empty Word footnote.
    data, warnings = build(read_resolution(_corpus("80", "226")))
    strategy = next(tc for tc in part(data, "word/document.xml").iter(f"{W}tc")
                    if "causes of offending" in "".join(tc.itertext()))
    mark = next(r for r in strategy.iter(f"{W}r") if "".join(r.itertext()) == "a")
    assert mark.find(f"{W}rPr/{W}vertAlign").get(f"{W}val") == "superscript"
    assert strategy.find(f".//{W}footnoteReference") is None
    assert not any("footnote a " in w for w in warnings)


def test_the_formula_takes_a_comma_only_before_a_preamble(resolution):
    # In the corpus the formula has its comma exactly when a preambular paragraph follows (1,934
    # of 1,937): "The General Assembly," / "Recalling ...", but "The General Assembly" / "Resolves".
    texts = docx_text.read(build(replace(resolution, preamble=()))[0]).texts()
    assert "The General Assembly" in texts and "The General Assembly," not in texts
    sectioned = corpus_models.sectioned(resolution)          # the preamble opens the first section
    assert "The General Assembly," in docx_text.read(build(sectioned)[0]).texts()


def test_one_resolution_of_several_published_alone(resolution):
    # 75/245 B and its like (20 of the 22 corpus files, each adopted at the resumed part of the
    # session): the number and title of them all, then the letter on a line of its own, carrying
    # the note that says what became of the others.
    from drafter.model import Adoption

    lettered = replace(resolution, number="58/208 B", title_footnotes=(FootnoteRef("1", len(resolution.title)),),
                       preamble=tuple(replace(p, footnotes=()) for p in resolution.preamble),
                       adopted=Adoption(meeting="95th plenary meeting", date="2004-04-16"))
    read = docx_text.read(build(lettered)[0])
    styles = read.styles()
    at = styles.index(("DocTitle", "58/208.\tInternational migration and development"))
    assert styles[at + 1] == ("PartHeading", "B") and read.paragraphs[at + 1].notes
    assert any(p.style == "DocTitle" and not p.notes for p in read.paragraphs)


def test_a_part_published_alone_prints_its_titles_then_its_letter_and_its_own_title():
    # 75/290 A and B (the only corpus files of the shape): the preface has the number with two
    # docTitles, the review of each resolution, then the letter with the part's own title. Printed
    # in that order: both titles under the number, a line each; the letter; its title under it.
    path = corpus_or_skip() / "75" / "75_290 A_E.xml"
    read = docx_text.read(build(read_resolution(path))[0])
    styles = [(style, " ".join(text.split())) for style, text in read.styles()]
    at = next(i for i, (style, _) in enumerate(styles) if style == "DocTitle")
    assert styles[at][1].startswith("75/290. Review of the implementation of General Assembly resolution 72/305")
    assert styles[at][1].endswith("strengthening of the Economic and Social Council Review of the implementation"
                                  " of General Assembly resolutions 67/290 on the format and organizational aspects"
                                  " of the high-level political forum on sustainable development and 70/299 on the"
                                  " follow-up and review of the 2030 Agenda for Sustainable Development at the"
                                  " global level")
    assert styles[at + 1:at + 3] == [("PartHeading", "A"), ("PartHeading", "Economic and Social Council")]
    title = part(build(read_resolution(path))[0], "word/document.xml").xpath(
        "//w:p[w:pPr/w:pStyle/@w:val='DocTitle']", namespaces={"w": W[1:-1]})[0]
    assert len(title.findall(f".//{W}br")) == 1            # the second title on a line of its own


def test_a_letter_given_when_adopted_together_is_part_of_the_number(resolution):
    # 78/183 A and B, adopted together at the main part of the session (19 December 2023), print
    # "78/183 A." and "78/183 B."; a letter added at the resumed part (75/245 B, April 2021) heads
    # the shared title's continuation, as above.
    from drafter.model import Adoption

    december = replace(resolution, number="58/208 A", adopted=Adoption(meeting="78th plenary meeting",
                                                                      date="2003-12-23"))
    styles = docx_text.read(build(december)[0]).styles()
    assert ("DocTitle", "58/208 A.\tInternational migration and development") in styles
    assert not any(s == "PartHeading" for s, _ in styles)
    april = replace(december, adopted=Adoption(meeting="95th plenary meeting", date="2004-04-16"))
    styles = docx_text.read(build(april)[0]).styles()
    at = styles.index(("DocTitle", "58/208.\tInternational migration and development"))
    assert styles[at + 1] == ("PartHeading", "A")


def test_every_lettered_corpus_file_has_its_letter_where_the_un_prints_it():
    # The rule above, on each of the corpus's 22 resolutions published alone under a lettered
    # number: the source's preface has "78/183 A." as one docNumber, or "75/245." and "B" apart.
    from drafter.render.layout import layout

    checked = 0
    for path, resolution in parts_published_alone():
        preface = etree.parse(str(path)).getroot().find(".//{*}preface")
        together = [" ".join("".join(n.itertext()).split()) for n in preface.iter("{*}docNumber")] == \
            [f"{resolution.number}."]
        blocks = layout(resolution).blocks
        title = next(b for b in blocks if b.kind == "title")
        assert title.text().startswith(f"{resolution.number}.\t") == together, path.name
        checked += 1
    assert checked == 22


def test_lettered_free_text_is_set_as_sub_paragraphs():
    # An annex's guidelines (76/113): "(a)", "(b)" one step in, "(i)", "(ii)" under them, while
    # "(h)" followed by "(i)" stays a run of letters.
    from drafter.model import Annex

    labels = ["1.", "(a)", "(b)", "(i)", "(ii)", "(c)", "(h)", "(i)", "(j)"]
    annex = Annex("Annex", "Guidelines", tuple(Paragraph(text=f"Text {n}", number=n) for n in labels))
    resolution = Resolution(number="1/1", symbol="A/RES/1/1", title="T", body="General Assembly", session=1,
                            operative=(Paragraph(text="Adopts the guidelines.", lead="Adopts"),), annexes=(annex,))
    shown = docx_text.read(build(resolution)[0]).styles()[-len(labels):]
    assert [t.split("\t")[0] for _, t in shown] == labels
    assert [s for s, _ in shown] == ["SingleTxt", "SubPara", "SubPara", "SubSubPara", "SubSubPara",
                                           "SubPara", "SubPara", "SubPara", "SubPara"]


def test_closing_words_after_subparagraphs():
    sub = (SubParagraph("a", "to report;"), SubParagraph("b", "to act,"))
    paragraph = Paragraph(text="Requests the Secretary-General:", lead="Requests", number=1, subparagraphs=sub,
                          wrap_up="and to report thereon.")
    resolution = Resolution(number="1/1", symbol="A/RES/1/1", title="T", body="General Assembly", session=1,
                            operative=(paragraph, replace(paragraph, number=2, wrap_up=None)))
    texts = docx_text.read(build(resolution)[0]).texts()
    at = texts.index("1.\tRequests the Secretary-General:")
    assert texts[at + 1:at + 4] == ["(a)\tto report;", "(b)\tto act,", "and to report thereon."]


# --- the draft against its base ---------------------------------------------------------------

def _new(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208",
                             "--library", str(ROOT / "clause_library"), "--no-input", "-o", str(out), *extra],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def redline(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("redline")
    return (_new(tmp_path, "clean.docx").read_bytes(), _new(tmp_path, "tracked.docx", "--redline").read_bytes())


def test_tracked_changes_accepted_give_the_clean_draft(redline):
    clean, tracked = redline
    body = part(tracked, "word/document.xml")
    inserted, deleted = body.findall(f".//{W}ins"), body.findall(f".//{W}del")
    assert inserted and deleted
    assert {e.get(f"{W}author") for e in inserted + deleted} == {"drafter"}
    # The session moved: "fifty-ninth" is deleted, "sixty-first" inserted, word by word.
    assert any("fifty-ninth" in "".join(d.itertext()) for d in deleted)
    assert any("sixty-first" in "".join(i.itertext()) for i in inserted)
    assert docx_text.read(tracked, "accept").words_and_notes() == docx_text.read(clean).words_and_notes()


def test_tracked_changes_rejected_give_the_base(redline):
    from drafter.assemble.run import base_resolution, new_draft

    _, tracked = redline
    draft, _ = new_draft(ROOT / "clause_library", "58/208", 60, answers_path=None, choose=None)
    base = build(base_resolution(draft))[0]
    assert docx_text.read(tracked, "reject").words_and_notes() == docx_text.read(base).words_and_notes()


@pytest.mark.parametrize("name", ["A_RES_78_80AB-*", "A_RES_78_253-*", "A_RES_78_249-*", "A_RES_79_1-*",
                                  "75_290 A_E", "A_RES_78_11-*"])
def test_any_base_redlined_accepts_to_the_draft_and_rejects_to_the_base(name):
    # Parts (78/80 A-B), sections (78/253), an annex with its table (78/249), a long declaration
    # (79/1), a part published alone whose title holds a line break before its further title
    # (75/290 A: a break merged into a deleted run once came back a space), a note cited again
    # (78/11: the draft once gave it a second note, which Reject All kept): both directions give
    # back the two documents, whatever the shape. (benchmarks/bench_redline.py: the whole corpus.)
    from drafter.assemble.compose import to_resolution
    from drafter.assemble.run import base_resolution, new_draft

    path = next(corpus_or_skip().glob(f"*/{name}.xml"))
    session = read_resolution(path).session
    draft, _ = new_draft(ROOT / "clause_library", str(path), session + 1, answers_path=None, choose=None)
    clean, base = to_resolution(draft), base_resolution(draft)
    tracked = build(clean, base=base)[0]
    accepted, rejected = (docx_text.read(tracked, view).words_and_notes() for view in ("accept", "reject"))
    assert accepted == docx_text.read(build(clean)[0]).words_and_notes()
    assert rejected == docx_text.read(build(base)[0]).words_and_notes()


def test_tracked_changes_cover_masthead_title_number_notes_and_closing(redline):
    _, tracked = redline
    body = part(tracked, "word/document.xml")

    def deleted_in(style: str) -> str:
        return "".join(t.text for p in body.iter(f"{W}p") if _pstyle(p) == style for t in p.iter(f"{W}delText"))

    assert "A/RES/58/208" in deleted_in("MastheadSymbol")
    assert "58/208." in deleted_in("DocTitle")               # the title number
    assert "23\u00a0December 2003" in deleted_in("Closing")   # the closing the draft does not have
    assert "Resolution adopted by the General Assembly" in deleted_in("AdoptionLine")
    notes = part(tracked, "word/footnotes.xml")
    note = next(n for n in notes.findall(f"{W}footnote") if "A/58/98." in "".join(n.itertext()))
    assert "".join(t.text for t in note.iter(f"{W}delText")) == "A/58/98."
    assert "[to fill: symbol]." in "".join(t.text for i in note.iter(f"{W}ins") for t in i.iter(f"{W}t"))
    # Tracking stays on for the editor's own changes.
    assert part(tracked, "word/settings.xml").find(f"{W}trackRevisions") is not None
    ids = [e.get(f"{W}id") for e in body.iter(f"{W}ins", f"{W}del")] + [
        e.get(f"{W}id") for e in notes.iter(f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))


def test_a_title_set_anew_is_one_paragraph_whose_setting_change_is_tracked(redline):
    # An adopted resolution prints "58/208.<tab>Title" hanging from its number; a draft indents the
    # title under the sponsor line. The redline keeps it one paragraph: the number deleted, the
    # words untouched, the old setting in w:pPrChange (Reject All sets it back: LibreOffice, in
    # test_libreoffice.py), never the whole title deleted and typed again.
    _, tracked = redline
    body = part(tracked, "word/document.xml")
    titles = [p for p in body.iter(f"{W}p") if _pstyle(p) == "DocTitle"]
    assert len(titles) == 1
    title = titles[0]
    kept = "".join(t.text for r in title.findall(f"{W}r") for t in r.iter(f"{W}t"))
    assert kept == "International migration and development"
    assert "".join(t.text for t in title.iter(f"{W}delText")) == "58/208."
    assert title.find(f".//{W}ins") is None
    changes = title.findall(f"{W}pPr/{W}pPrChange")
    assert len(changes) == 1 and changes[0].get(f"{W}author") == "drafter"
    old, new = changes[0].find(f"{W}pPr"), title.find(f"{W}pPr")
    assert old.find(f"{W}pStyle").get(f"{W}val") == "DocTitle" and old.find(f"{W}ind") is None
    assert new.find(f"{W}ind") is not None
    assert list(new)[-1] is changes[0]                      # last in w:pPr, where the schema wants it


def test_a_note_the_base_cites_again_is_cited_again_in_the_draft():
    # 78/11 cites the Geneva Convention's note (Treaty Series, vol. 75) in its preamble and again,
    # by the same number, in an operative paragraph. The draft keeps one note and a second
    # citation of it (a NOTEREF to the first), not a second note of the same text. Two notes of
    # one text that the base numbers apart stay apart (78/133 prints "Treaty Series, vol. 2440"
    # as notes 1 and 2; 32 of session 78's resolutions have such a pair): only the base's own
    # citing again counts.
    from drafter.assemble.compose import to_resolution
    from drafter.assemble.run import new_draft

    def drafted(name: str):
        path = next(corpus_or_skip().glob(f"78/A_RES_78_{name}-*.xml"))
        draft, _ = new_draft(ROOT / "clause_library", str(path), 79, answers_path=None, choose=None)
        clean = to_resolution(draft)
        cited = [ref.marker for _, paragraph in clean.all_paragraphs() for ref in paragraph.footnotes]
        return clean, cited

    clean, cited = drafted("11")
    geneva = [marker for marker, text in clean.footnotes.items() if "vol. 75, No. 973" in text]
    assert len(geneva) == 1
    assert cited.count(geneva[0]) == 2
    body = part(build(clean)[0], "word/document.xml")
    assert len([t for t in body.iter(f"{W}instrText") if "NOTEREF" in t.text]) == 1
    clean, cited = drafted("133")
    apart = [marker for marker, text in clean.footnotes.items() if "vol. 2440, No. 43977" in text]
    assert len(apart) == 2 and all(cited.count(marker) == 1 for marker in apart)


def _shown(pieces) -> str:
    """Redline pieces as text: [-deleted] [+inserted], kept words as they are."""
    out = ""
    for op, item in pieces:
        text = item.text if hasattr(item, "text") else "*"
        out += text if op == "=" else f"[{op}{text}]"
    return out


def test_words_replaced_around_shared_spaces_read_as_one_deletion_and_one_insertion():
    # SequenceMatcher keeps the spaces two phrases share, which would show "9 December 2024" ->
    # "[to fill: date]" as words alternating ("[-9][+[to] [-December][+fill:] ..."); a space kept
    # between two changes belongs to them. A word kept between changes stays kept.
    from drafter.render.layout import Text
    from drafter.render.redline import diff_inlines

    assert _shown(diff_inlines([Text("Distr.: 9 December 2024")], [Text("Distr.: [to fill: date]")])) == \
        "Distr.: [-9 December 2024][+[to fill: date]]"
    assert _shown(diff_inlines([Text("the report of 2023 and")], [Text("the note of 2024 and")])) == \
        "the [-report][+note] of [-2023][+2024] and"


def test_masthead_lines_pair_with_the_line_that_fills_the_same_slot():
    # 79/37 -> its draft: the base's session cell has "Agenda item 98 (kk)" then the agenda title;
    # the draft's has "First Committee" then "Agenda item …", in one style. The agenda lines pair
    # (they share words); the committee line is added and the title removed, never "Agenda item"
    # garbled into "First Committee". A cell's one line (the symbol) still changes in place.
    from drafter.render.layout import Text
    from drafter.render.redline import diff_lines
    from drafter.render.word import Line

    def line(style, text):
        return Line(style, (("=", Text(text)),))

    old = [line("MastheadSession", "Seventy-ninth session"), line("MastheadSession", "Agenda item 98 (kk)"),
           line("MastheadTitle", "General and complete disarmament")]
    new = [line("MastheadSession", "Eightieth session"), line("MastheadSession", "First Committee"),
           line("MastheadSession", "Agenda item …")]
    shown = [(x.whole, _shown(x.pieces)) for x in diff_lines(old, new)]
    assert shown == [(None, "[-Seventy-ninth][+Eightieth] session"), ("ins", "[+First Committee]"),
                     (None, "Agenda item [-98 (kk)][+…]"), ("del", "[-General and complete disarmament]")]
    symbol = diff_lines([line("MastheadSymbol", "A/RES/79/37")], [line("MastheadSymbol", "A/C.1/80/L.…")])
    assert [(x.whole, _shown(x.pieces)) for x in symbol] == [(None, "[-A/RES/79/37][+A/C.1/80/L.…]")]


def _pstyle(p) -> str | None:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else None


def test_marked_redline_is_bold_and_struck(tmp_path):
    marked = _new(tmp_path, "marked.docx", "--redline", "marked")
    data = marked.read_bytes()
    body = part(data, "word/document.xml")
    assert body.find(f".//{W}ins") is None and body.find(f".//{W}del") is None
    assert part(data, "word/settings.xml").find(f"{W}trackRevisions") is None
    bold = ["".join(r.itertext()) for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None]
    struck = ["".join(r.itertext()) for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}strike") is not None]
    assert any("sixty-first" in t for t in bold) and any("fifty-ninth" in t for t in struck)


def test_redline_is_for_docx_only(tmp_path):
    result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208",
                             "--library", str(ROOT / "clause_library"), "--no-input", "--format", "text",
                             "--redline"], capture_output=True, text=True, cwd=tmp_path, check=False)
    assert result.returncode == 2 and "--redline" in result.stderr


# --- what a review of the renderer found (each was a bug once) -----------------------------------

def test_parts_use_their_own_footnotes():
    resolution = read_resolution(corpus_or_skip() / "75" / "75_101A-B_E.xml")
    notes = part(build(resolution)[0], "word/footnotes.xml")
    texts = ["".join(n.itertext()).strip() for n in notes.findall(f"{W}footnote") if int(n.get(f"{W}id")) > 0]
    assert texts and all(texts)                      # no empty note


def test_numbered_notes_cited_nowhere_are_never_piled_on_the_title():
    resolution = read_resolution(SEED_BY_NUMBER["58/208"])
    lost = replace(resolution, preamble=tuple(replace(p, footnotes=()) for p in resolution.preamble))
    data, warnings = build(lost)
    title = next(p for p in docx_text.read(data).paragraphs if p.style == "DocTitle")
    assert title.notes == []
    assert any("cited nowhere" in w for w in warnings)


def test_settings_stay_in_schema_order_and_word_styles_are_not_doubled(tmp_path):
    resolution = read_resolution(SEED_BY_NUMBER["58/208"])
    data, _ = build(resolution)
    assert b"footnotePr" not in zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml")
    office = tmp_path / "word-made.docx"
    document = docx.Document()
    document.styles.add_style("footnote text", 1)    # Word's own name, id "footnotetext"
    document.save(office)
    data = build(resolution, reference=office)[0]
    styles = part(data, "word/styles.xml")
    ids = [s.get(f"{W}styleId") for s in styles.findall(f"{W}style")]
    assert len(ids) == len(set(ids))
    # ... and the notes use that style, under whatever id it has there.
    note_style = part(data, "word/footnotes.xml").find(f".//{W}footnote[@{W}id='1']/{W}p/{W}pPr/{W}pStyle")
    assert note_style.get(f"{W}val") in ids


def _tab_stops(p) -> list[tuple[str, str]]:
    return [(t.get(f"{W}val"), t.get(f"{W}pos")) for t in p.findall(f"{W}pPr/{W}tabs/{W}tab")]


def test_a_heading_label_wider_than_its_hang_moves_its_title_to_a_stop_clear_of_it():
    # 78/252: "Income section 2" is wider than the heading's 1.27 cm hang; its title (and the lines
    # under it) moves to the first 0.25 in step that leaves it clear; "Section 3", a little wider
    # than the hang too, to the first step after it.
    data = build(read_resolution(_corpus("78", "252")))[0]
    body = part(data, "word/document.xml")
    headings = {p.findtext(f".//{W}t"): p for p in body.iter(f"{W}p")
                if p.find(f"{W}pPr/{W}pStyle[@{W}val='SubsectionHeading']") is not None}
    wide = headings["Income section 2"]
    assert _tab_stops(wide) == [("clear", "1440"), ("left", "2520")]
    indent = wide.find(f"{W}pPr/{W}ind")
    assert (indent.get(f"{W}left"), indent.get(f"{W}hanging")) == ("2520", "1800")
    assert _tab_stops(headings["Section 3"]) == [("clear", "1440"), ("left", "1800")]


def test_usual_labels_keep_the_styles_stops_and_three_digit_numbers_move_on():
    from drafter.render.layout import BODY_TEXT_STOP, _tabs_past

    # Every number to 99, every letter and the roman numerals a resolution uses leave room before
    # the stop after them, so the usual look is untouched; "158." ends a half-point short of 1,800
    # twips, and its text moves to the next step.
    romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
    assert all(_tabs_past(f"{n}.", 1440, BODY_TEXT_STOP) == () for n in range(1, 100))
    assert all(_tabs_past(f"{c}.", 720, 1440, bold=True) == () for c in [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", *romans])
    assert _tabs_past("158.", 1440, BODY_TEXT_STOP) == (("clear", 1800), ("left", 2160))
    assert _tabs_past("Chapter VII", 720, 1440, bold=True) == (("clear", 1440), ("left", 2160))


def test_an_annex_chapter_heading_wider_than_its_default_stop_moves_on():
    # 79/243's annex: "Chapter VII" ends a hair before Word's default stop at 1,800 twips, and
    # LibreOffice printed "Chapter VIITechnical assistance"; its title now goes a step on.
    data = build(read_resolution(_corpus("79", "243")))[0]
    body = part(data, "word/document.xml")
    headings = {p.findtext(f".//{W}t"): p for p in body.iter(f"{W}p")
                if p.find(f"{W}pPr/{W}pStyle[@{W}val='Heading']") is not None}
    assert _tab_stops(headings["Chapter VII"]) == [("clear", "1080"), ("left", "2160")]
    assert _tab_stops(headings["Article 54"]) == []
