"""The PDF reader (drafter.ingest.pdf and its stages): real PDFs in, the model out.

The PDFs are made by LibreOffice from two independent routes (tools/make_input_fixtures.py):
drafter's own DOCX, and a flat ODT written without drafter's renderer with the UN's page furniture
(masthead in the first page's header, running symbol, page/pages and job number in the footers,
the barcode line). The bad PDFs are written here, byte by byte, or by LibreOffice (encrypted).
Corpus: the United Nations (DGACM), UNxml/GAresolutions.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import time
import zlib

import pytest
from conftest import ROOT, SEED_BY_NUMBER, corpus_or_skip

from drafter.errors import ParseError
from drafter.ingest import parse_bytes, read_resolution
from drafter.ingest.pdf_glyphs import MAX_PAGES
from drafter.render.word import render_docx_bytes


def _tool(name: str):
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


model_diff = _tool("model_diff")
fixtures = _tool("make_input_fixtures")

# Fourteen corpus resolutions, every shape (checked below against the tool's own classification),
# spread over the sessions: the tool's --small sample and one budget, named here so the tests need
# not read the whole corpus to pick them.
SMALL = {
    "75/75_100_E.xml": "plain", "77/A_RES_77_108-2228254E.xml": "plain", "78/A_RES_78_7-2321472E.xml": "plain",
    "75/75_1_E.xml": "sections", "76/A_RES_76_284-2210342E.xml": "sections",
    "78/A_RES_78_301-2412149E.xml": "sections",
    "75/75_129_E.xml": "annexes", "77/A_RES_77_5-2225005E.xml": "annexes",
    # Two titles under one number, the second after a line break (the corpus's only shape of it).
    "75/75_290 B_E.xml": "annexes",
    "75/75_246_E.xml": "tables", "77/A_RES_77_261-2300156E.xml": "tables",
    # Parts and sections of a budget: "Section 29A" nearly reaches its tab stop, "Part II" centred
    # over a table's indents, "Member States’ payments" kerned to less than a word space.
    "76/A_RES_76_245-2119712E.xml": "tables",
    "75/75_101A-B_E.xml": "parts", "78/A_RES_78_254AC-2326242E.xml": "parts",
}
# What the PDF reader does not yet read exactly, the aspect it misses and why: the rest of the
# model must match, and no word may be lost.
KNOWN: dict[tuple[str, str, str], tuple[str, str]] = {
    # Route 2 sets the first title so that its last line nearly fills the measure: a line break
    # typed there leaves no more room than a line that wraps, so the page shows no break and the
    # two titles read as one (route 1 sets the title inside a hanging indent, and there the
    # break shows: test_a_title_broken_by_hand_is_told_from_one_that_wraps).
    ("r2", "pdf", "75_290_B_E"): ("title", "a hand line break on a full line"),
}


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    return found


def _to_pdf(docx_path, folder):
    subprocess.run([_soffice(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(docx_path)], check=True,
                   capture_output=True, timeout=180)
    return folder / (docx_path.stem + ".pdf")


def test_58_208_through_docx_and_pdf_reads_back_to_the_same_model(tmp_path):
    model = read_resolution(SEED_BY_NUMBER["58/208"])
    docx_path = tmp_path / "58-208.docx"
    docx_path.write_bytes(render_docx_bytes(model))
    again = read_resolution(_to_pdf(docx_path, tmp_path))
    assert again == model
    assert again.source.format == "pdf"
    # The masthead is read from its place above the title.
    assert again.masthead.symbol == "A/RES/58/208" and again.masthead.session == "Fifty-eighth session"


@pytest.fixture(scope="module")
def small_set(tmp_path_factory):
    """The fourteen, made from scratch by both routes into a fresh folder (about half a minute)."""
    corpus = corpus_or_skip()
    _soffice()
    cache = tmp_path_factory.mktemp("fixtures")
    sample = [fixtures.Fixture(rel.split("/")[1][:-4].replace(" ", "_"), corpus / rel, shape)
              for rel, shape in SMALL.items()]
    fixtures.build(sample, cache)
    return cache, sample


_read = {}


def _model(path):
    """Each fixture read once for all the tests that look at it."""
    if path not in _read:
        _read[path] = read_resolution(path)
    return _read[path]


def test_the_small_set_covers_every_shape(small_set):
    _, sample = small_set
    assert {f.shape for f in sample} == set(fixtures.SHAPES)
    for fixture in sample:
        resolution = read_resolution(fixture.source)
        assert fixtures.shape_of(resolution, fixture.source.read_bytes()) == fixture.shape, fixture.name


@pytest.mark.parametrize("route,ext", [("r1", "pdf"), ("r2", "pdf"), ("r2", "docx")])
def test_both_routes_read_back_to_the_models_of_the_xml(small_set, route, ext):
    cache, sample = small_set
    failures = {}
    for fixture in sample:
        expected = _model(fixture.source)
        got = _model(fixture.path(cache, route, ext))
        assert model_diff.words_lost(expected, got) == 0, fixture.name
        found = model_diff.differences(expected, got)
        if (route, ext, fixture.name) in KNOWN:
            missed, _why = KNOWN[route, ext, fixture.name]
            assert found and {aspect for aspect, _, _ in found} == {missed}, fixture.name
        elif found:
            failures[fixture.name] = found[:3]
    assert failures == {}


def test_a_title_broken_by_hand_is_told_from_one_that_wraps(small_set):
    """75/290 B prints its second title under the first in one paragraph: the first title's last
    line ("Council") stops short with room for the next line's first words, so the line was broken
    by hand. A title whose line stops short because the next words are tied by no-break spaces
    (77/108: "and\u00a0representatives"; 77/5: "9\u00a0December 2022") did not have room
    for them, and stays one title."""
    cache, sample = small_set
    for fixture in sample:
        expected = _model(fixture.source)
        got = _model(fixture.path(cache, "r1", "pdf"))
        titles = lambda model: [model_diff.norm(t) for t in (model.title, *model.more_titles)]
        assert titles(got) == titles(expected), fixture.name
    assert any(_model(fixture.source).more_titles for fixture in sample)
    assert any("\u00a0" in _model(fixture.source).title for fixture in sample)


def test_furniture_never_reaches_the_model(small_set):
    # Route 2 prints the running symbol, "page/pages", the job number and the barcode line on
    # every page; none of them may end up in a paragraph or a note.
    cache, sample = small_set
    for fixture in sample:
        got = _model(fixture.path(cache, "r2", "pdf"))
        job = fixtures._job(fixture.name)
        words = model_diff.words(got)
        assert job not in words and f"*{job.replace('-', '')}*" not in words, fixture.name


def test_a_pdf_text_layer_without_separator_keeps_its_notes_apart(small_set):
    """The issue's case: a word processor draws the footnote rule, so the text layer has none. The
    text reader finds the notes by their numbered lines at the foot of each page: no note text
    merges into the paragraph that runs across the page break."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    cache, sample = small_set
    for fixture in sample:
        if fixture.shape not in ("plain", "sections"):
            continue
        expected = _model(fixture.source)
        pdf = fixture.path(cache, "r1", "pdf")
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
        got = parse_bytes(text, "layer.txt")
        assert [model_diff.norm(n) for n in got.footnotes.values()] == \
            [model_diff.norm(n) for n in expected.footnotes.values()], fixture.name
        notes = [model_diff.norm(n) for n in expected.footnotes.values() if len(n) > 25]
        for _, paragraph in got.all_paragraphs():
            for note in notes:
                assert note not in model_diff.norm(paragraph.text), (fixture.name, note)


# --- bad PDFs ------------------------------------------------------------------------------------

def _pdf(page_streams: list[bytes], extra: bytes = b"") -> bytes:
    """A minimal, valid PDF: one page per content stream, Helvetica for text, an image if asked."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
               b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(zlib.compress(bytes(64)))
               + zlib.compress(bytes(64)) + b"\nendstream"]
    kids = []
    for stream in page_streams:
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 4 0 R >> >> >>" % content)
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref) + extra
    return bytes(out)


def _text(*lines: str) -> bytes:
    body = b"BT /F1 11 Tf 72 760 Td 14 TL " + b" ".join(b"(%s) '" % line.encode() for line in lines) + b" ET"
    return body


def test_a_scanned_pdf_needs_ocr():
    scan = _pdf([b"q 500 0 0 700 40 60 cm /Im1 Do Q"] * 2)
    with pytest.raises(ParseError, match="no text layer: this PDF needs OCR first"):
        parse_bytes(scan, "scan.pdf")


def test_a_pdf_that_is_not_a_resolution():
    letter = _pdf([_text("Dear colleagues,", "Please find the minutes of the meeting attached.")])
    with pytest.raises(ParseError, match="not a resolution"):
        parse_bytes(letter, "letter.pdf")


def test_a_damaged_pdf():
    data = _pdf([_text("Dear colleagues,")])
    with pytest.raises(ParseError, match="damaged PDF|not a resolution|no text layer"):
        parse_bytes(data[:200], "cut.pdf")


def test_a_500_page_pdf_is_refused_over_the_page_limit_quickly():
    data = _pdf([_text("Page of a long report")] * 500)
    started = time.perf_counter()
    with pytest.raises(ParseError, match=f"more than {MAX_PAGES} pages"):
        parse_bytes(data, "report.pdf")
    # Refused without reading 500 pages: a check that cannot pass by reading them all at ~10 pages/s.
    assert time.perf_counter() - started < 30


def test_an_encrypted_pdf(tmp_path):
    model = read_resolution(SEED_BY_NUMBER["58/208"])
    docx_path = tmp_path / "secret.docx"
    docx_path.write_bytes(render_docx_bytes(model))
    options = {"EncryptFile": {"type": "boolean", "value": "true"},
               "DocumentOpenPassword": {"type": "string", "value": "secret"}}
    subprocess.run([_soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf:writer_pdf_Export:" + json.dumps(options), "--outdir", str(tmp_path),
                    str(docx_path)], check=True, capture_output=True, timeout=180)
    with pytest.raises(ParseError, match="encrypted: this PDF needs a password"):
        read_resolution(tmp_path / "secret.pdf")
    _one_line_exit_2(tmp_path / "secret.pdf", "encrypted: this PDF needs a password")


def _one_line_exit_2(path, says: str) -> None:
    result = subprocess.run([sys.executable, "-m", "drafter", "parse", str(path)], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("drafter: error: ") and str(path) in lines[0], result.stderr
    assert says in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize("name,says", [("scan", "no text layer: this PDF needs OCR first"),
                                       ("letter", "not a resolution"), ("cut", "damaged PDF"),
                                       ("long", f"500 pages, more than {MAX_PAGES} pages")])
def test_bad_pdfs_are_one_line_exit_2_no_traceback(tmp_path, name, says):
    data = {"scan": _pdf([b"q 500 0 0 700 40 60 cm /Im1 Do Q"]),
            "letter": _pdf([_text("Dear colleagues,")]),
            "cut": _pdf([_text("x")])[:150],
            "long": _pdf([_text("Page of a long report")] * 500)}[name]
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(data)
    _one_line_exit_2(path, says)


def test_commands_take_pdf_and_docx_directly(small_set, tmp_path):
    """parse, render, mine and new --base read a PDF or a Word file as they read XML or text."""
    cache, sample = small_set
    fixture = next(f for f in sample if f.name == "75_100_E")
    pdf, docx_path = fixture.path(cache, "r1", "pdf"), fixture.path(cache, "r2", "docx")

    def run(*args):
        result = subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True,
                                cwd=tmp_path, timeout=180)
        assert result.returncode == 0, (args, result.stderr)
        return result.stdout

    assert "75/100. Comprehensive review of special political missions" in run("parse", str(pdf))
    assert "Comprehensive review of special political missions" in run("render", str(docx_path), "--format",
                                                                       "text", "-o", "-")
    assert "2 resolutions" in run("mine", str(pdf), str(docx_path.with_name("A_RES_77_108-2228254E.docx")),
                                  "--library", str(tmp_path / "lib"))
    run("new", "--session", "76", "--base", str(pdf), "--library", str(tmp_path / "lib"), "--no-input",
        "--format", "text", "-o", str(tmp_path / "draft.txt"))
    draft = (tmp_path / "draft.txt").read_text(encoding="utf-8")
    # The draft for the next session starts from the PDF's text: its title and its last paragraph.
    assert "Comprehensive review of special political missions" in draft
    assert "in the provisional agenda of its seventy-seventh session" in " ".join(draft.split())


# --- tables, from the shapes a page shows ----------------------------------------------------------

def _line(y: float, *pieces: tuple[float, str], size: float = 9.0, page: int = 1):
    """A printed line of a table: its pieces at their x, every glyph half an em wide, a word space a
    quarter em (the gaps and word spaces as pdf_lines records them)."""
    from drafter.ingest.pdf_lines import PrintedLine

    line = PrintedLine(page, y, pieces[0][0], 0.0, size)
    x = pieces[0][0]
    for x0, text in pieces:
        if line.text:
            if x0 - x > size:
                line.gaps.append((len(line.text), x, x0))
            line.spaces.append((len(line.text), x, x0))
            line.text += " "
        x = x0
        for index, word in enumerate(text.split(" ")):
            if index:
                line.spaces.append((len(line.text), x, x + 0.25 * size))
                line.text += " "
                x += 0.25 * size
            line.text += word
            x += 0.5 * size * len(word)
    line.x1 = x
    line.italic = [False] * len(line.text)
    line.bold = [False] * len(line.text)
    return line


def _table_cells(lines, prose: str = ""):
    from drafter.ingest.pdf_blocks import Words
    from drafter.ingest.pdf_tables import TableLines, build

    words = Words.of([*lines, _line(900, (100, prose or "x"))], frozenset(id(line) for line in lines))
    return [[cell.text for cell in row] for row in build(TableLines(list(lines)), words).rows]


def test_columns_set_closer_than_a_cell_gap_part_where_a_wide_space_holds_still():
    """75/293's staffing tables set the number of posts ("1", "–") flush against the Number
    column's right edge and the level ("P-4") at the Level column's left, 5.7 points apart where a
    word space is 2.2 (LibreOffice's print, as here): less than a cell gap, so every row read "1
    P-4" as one cell, and where the level wrapped ("1.5" / "months, P-" / "3") the "3" went into
    the number's cell. A word space moves with the words before it; a space wider than a word's
    that starts and ends at the same places row after row is two columns' edges."""
    lines = [_line(700, (100, "Training Division"), (317.8, "1"), (328, "P-3"), (373.9, "Training Officer")),
             _line(686, (100, "Finance Division"), (317.8, "1"), (328, "P-4"), (373.9, "Accounting Assistant")),
             _line(672, (100, "Executive Office"), (317.8, "–"), (328, "P-4"), (373.9, "Leave replacement")),
             _line(658, (328, "1.5")),
             _line(647, (328, "months, P-")),
             _line(636, (100, "Executive Office"), (317.8, "–"), (328, "3"), (373.9, "Leave replacement"))]
    assert _table_cells(lines) == [["Training Division", "1", "P-3", "Training Officer"],
                                   ["Finance Division", "1", "P-4", "Accounting Assistant"],
                                   ["Executive Office", "–", "P-4", "Leave replacement"],
                                   ["Executive Office", "–", "1.5 months, P-3", "Leave replacement"]]
    # Words that happen to stand at one place on several rows ("Leave replacement") are no edge.
    same = [_line(700 - 14 * i, (100, "Leave replacement"), (250, f"{i} posts")) for i in range(4)]
    assert _table_cells(same) == [["Leave replacement", f"{i} posts"] for i in range(4)]


def test_table_cells_are_read_down_each_column_whatever_height_they_stand_at():
    """Cells set at the foot of their row, and one centred beside a taller cell, put lines of
    different rows' cells closer together than two lines of one cell: the line pitch is measured
    down each column, a cell is the pieces of one column at that pitch, and a row the cells that
    stand at the same heights. A narrow cell breaks a word too long for it ("Contin" / "uation"):
    its first piece is a line of its own that fills the cell, the rest opens the next line in lower
    case, and neither piece is a word the running text prints."""
    lines = [_line(700, (100, "Office of the"), (400, "Contin")),
             _line(689, (100, "Under-Secretary-General"), (250, "Leave replacement"), (400, "uation")),
             _line(674, (250, "Human Resources"), (400, "Contin")),
             _line(668.5, (100, "Executive Office")),
             _line(663, (250, "Officer"), (400, "uation")),
             _line(648, (250, "Travel"), (400, "Full")),
             _line(637, (400, "time"))]
    assert _table_cells(lines) == [["Office of the Under-Secretary-General", "Leave replacement", "Continuation"],
                                   ["Executive Office", "Human Resources Officer", "Continuation"],
                                   ["", "Travel", "Full time"]]
    # A line that wraps at a space may fill its cell too: when the running text prints its words,
    # they are two words.
    assert _table_cells(lines, prose="contin uation")[0][2] == "Contin uation"


def test_close_set_cells_are_told_by_a_space_wider_than_the_tables_word_spaces():
    """Cells may stand closer than CELL_GAP ("Category/ level" and "Number", 0.9 em apart): no
    cell is justified, so its word spaces are all alike, and a space three times as wide as the
    table's word spaces is a cell's padding."""
    lines = [_line(700, (100, "Action"), (260, "Title of post"), (400, "Category/ level"), (473, "Number")),
             *[_line(685 - 15 * n, (100, "New post"), (260, "Legal Officer"), (400, "P-3"), (490, "1"))
               for n in range(3)]]
    assert _table_cells(lines)[0] == ["Action", "Title of post", "Category/ level", "Number"]


def test_a_heading_tab_that_leaves_less_than_a_word_space_is_a_tab():
    """A label longer than its hanging indent ("Income section 2") sends the tab to the next
    default stop, which may be a point away: the only trace is a nick wider than kerning before a
    capital. In a heading (bold, set without tracking) it is the tab after the label; in running
    text it is left alone."""
    from drafter.ingest.pdf import _tabs_at_stops
    from drafter.ingest.pdf_glyphs import Glyph, Page
    from drafter.ingest.pdf_lines import page_lines

    def glyphs(y: float, bold: bool):
        out, x = [], 98.5
        for char in "Income section 2":
            out.append(Glyph(char, x, x + 5, y, 10, False, bold))
            x += 5
        x += 1.0                               # the tab: one point
        for char in "General income":
            out.append(Glyph(char, x, x + 5, y, 10, False, bold))
            x += 5
        return out

    page = Page(1, 595, 842, glyphs(700, True) + glyphs(650, False))
    heading, text = page_lines(page)
    _tabs_at_stops([heading, text])
    assert heading.text == "Income section 2 General income" and heading.tab_at == 16
    assert text.text == "Income section 2General income" and text.tab_at is None


def _text_line(text: str, page: int = 1, y: float = 100.0, x1: float = 300.0):
    from drafter.ingest.pdf_lines import PrintedLine

    return PrintedLine(page, y, 100.0, x1, 9.0, text, [False] * len(text), [False] * len(text))


def test_a_web_address_broken_at_a_line_end_is_joined_without_a_space():
    """A web address has no spaces: broken after a hyphen (even before "and", which after any
    other hyphen suspends a compound: "science- and technology-based"), its pieces join as they
    are. After an underscore it keeps its space: the UN's texts have one where their original
    broke, and LibreOffice breaks there only at a space."""
    from drafter.ingest.blocks import TextBuilder
    from drafter.ingest.pdf_blocks import Words, add_line, join

    def joined(*texts):
        lines = [_text_line(t, y=100 - 10 * i) for i, t in enumerate(texts)]
        builder = TextBuilder()
        for index, line in enumerate(lines):
            if index:
                join(builder, lines[index - 1], line, Words.of(lines))
            add_line(builder, line)
        return builder.build()[0]

    assert joined("See https://unhabitat.org/informal-settlements-", "and-slums-by-2030.") == \
        "See https://unhabitat.org/informal-settlements-and-slums-by-2030."
    assert joined("See https://www.un.org/depts/los/convention_", "agreements/") == \
        "See https://www.un.org/depts/los/convention_ agreements/"
    assert joined("science-", "and technology-based") == "science- and technology-based"


def test_a_line_broken_after_a_slash_joins_without_a_space():
    """LibreOffice breaks a line after a slash set close (78/253's "Category/Level" prints
    "Category/" over "Level") as after one before a space (75/293's "Under-Secretary-General/
    Office"): the page cannot tell them apart, and the corpus sets a slash close between two
    letters 7,295 times in its running text, before a space 14 times (traces of where the UN's
    original broke its lines: the web addresses with such a space link with none). So the pieces
    join as they are; the comparison with the XML does not count a space after a slash."""
    from drafter.ingest.blocks import TextBuilder
    from drafter.ingest.pdf_blocks import Words, add_line, join

    def joined(*texts):
        lines = [_text_line(t, y=100 - 10 * i) for i, t in enumerate(texts)]
        builder = TextBuilder()
        add_line(builder, lines[0])
        join(builder, lines[0], lines[1], Words.of(lines))
        add_line(builder, lines[1])
        return builder.build()[0]

    assert joined("Category/", "Level") == "Category/Level"
    assert joined("Office of the Under-Secretary-General/", "Office of the Director") == \
        "Office of the Under-Secretary-General/Office of the Director"
    assert joined("See https://www.un.org/Depts/los/doalos_publications/publicationstexts/",
                  "DepositGuidelinesEnglish.pdf.") == \
        "See https://www.un.org/Depts/los/doalos_publications/publicationstexts/DepositGuidelinesEnglish.pdf."
    assert joined("rights and /", "or duties") == "rights and / or duties"     # a slash set apart keeps its spaces
    assert model_diff.norm("Office of the Under-Secretary-General/ Office of the Director") == \
        model_diff.norm("Office of the Under-Secretary-General/Office of the Director")


def test_a_note_number_printed_flush_on_a_pages_first_note_line():
    """A note whose number is printed flush against its text ("8http://...") may open a page's
    notes; a line there may also be the last note's, run on ("2015, para. 3."): only a letter
    after the expected number tells the note."""
    from drafter.ingest.pdf import _Notes
    from drafter.ingest.pdf_blocks import Measure

    measure = Measure(100.0, 500.0, 11.0, 9.0)
    notes = _Notes()
    notes.read([_text_line("1 Resolution 37/10, annex.")], measure)
    notes.read([_text_line("2015, para. 3.", page=2)], measure)
    notes.read([_text_line("2http://legal.un.org/repertory.", page=3)], measure)
    assert {marker: [line.text for line in lines] for marker, lines in notes.lines.items()} == \
        {"1": ["1 Resolution 37/10, annex.", "2015, para. 3."], "2": ["2http://legal.un.org/repertory."]}


def test_a_table_row_the_page_break_cuts_goes_on_at_the_head_of_the_next_page():
    """Cells start at their row's top, so a row's first line holds every cell the row has: lines
    at the head of the next page that hold only some of those columns and open in lower case are
    the rest of the row the page break cut. A new row with fewer cells is a heading or a total,
    capitalized ("Part V. Regional cooperation"): a row of its own."""
    def page(n: int, *lines):
        for line in lines:
            line.page = n
        return list(lines)

    rows = [*page(1, _line(700, (100, "Conversion"), (250, "Team Assistant"), (400, "1")),
                  _line(687, (100, "Redeployment (from executive"), (250, "Senior Assistant"), (400, "1"))),
            *page(2, _line(760, (100, "direction and management)")),
                  _line(747, (100, "Conversion"), (250, "Legal Officer"), (400, "1")),
                  _line(734, (100, "Abolishment"), (250, "Risk Assistant"), (400, "1")),
                  _line(723, (250, "(Investment)"))),
            *page(3, _line(760, (100, "Part V. Regional cooperation")),
                  _line(747, (100, "Conversion"), (250, "Legal Officer"), (400, "1")),
                  _line(736, (250, "(Treasury)")))]
    assert [row[0] for row in _table_cells(rows)] == [
        "Conversion", "Redeployment (from executive direction and management)", "Conversion", "Abolishment",
        "Part V. Regional cooperation", "Conversion"]


def test_a_narrow_tab_is_told_by_its_stop_to_the_tenth_of_a_point():
    """A tab sets the next word at its stop exactly; a word space that ends half a point from a
    stop the document's tabs use ("• 60 per cent": "per" at 153.0, the stop at 152.5) is a word
    space, not a tab after "• 60"."""
    from drafter.ingest.pdf import _tabs_at_stops

    tabbed = []
    for n in range(3):
        line = _text_line("(a) Item", y=700 - 20 * n)
        line.gaps.append((3, 140.0, 152.5))
        tabbed.append(line)
    label, bullet = _text_line("Section 29A Department"), _text_line("• 60 per cent")
    label.spaces = [(7, 130.0, 132.5), (11, 149.9, 152.5)]
    bullet.spaces = [(1, 138.0, 140.5), (4, 150.5, 153.0)]
    _tabs_at_stops([*tabbed, label, bullet])
    assert label.tab_at == 11 and bullet.tab_at is None


def test_a_running_header_whose_title_runs_into_the_symbol():
    """A long title fills the running header up to the symbol, no space between them: the symbol
    is still a piece of its own, so the header is found as furniture on every page."""
    from drafter.ingest.pdf_zones import _pieces

    line = _text_line("Financing of the Mission in the Central African RepublicA/RES/76/282")
    assert _pieces(line) == ["Financing of the Mission in the Central African Republic", "A/RES/76/282"]


def test_a_cells_line_ending_in_a_dash_joins_the_next_without_a_space_only_when_set_close():
    """"2016–" / "2017" is one word broken after its dash; "centre –" / "Asia" is a dash set apart
    by spaces, punctuation: the space stays; and a word broken after a hyphen goes on with a
    letter or a digit, never with a dash ("P-" / "– 3")."""
    lines = [_line(700, (100, "Enterprise centre –"), (300, "1")), _line(689, (100, "Asia office")),
             _line(674, (100, "Travel 2016–"), (300, "2")), _line(663, (100, "2017")),
             _line(648, (100, "months, P-"), (300, "3")), _line(637, (100, "– nil"))]
    assert [row[0] for row in _table_cells(lines)] == ["Enterprise centre – Asia office", "Travel 2016–2017",
                                                       "months, P- – nil"]


def test_a_heading_in_the_running_texts_type_ends_the_table_above_it():
    """The UN sets a table's cells in smaller type than the running text and its headings in the
    running text's own: a line past the table's closing rule in larger type than any of its cells
    ("B.<tab>Pension Administration", whose tab looks like a gap between cells) is a heading, and
    neither goes on with the table nor opens one; the rule under it opens the next table."""
    from drafter.ingest.pdf import _tabular
    from drafter.ingest.pdf_tables import TableLines, split

    first = [_line(740, (100, "Action"), (250, "Title of post"), (400, "Number")),
             _line(710, (100, "Reclassification"), (250, "Senior Officer"), (400, "1"))]
    heading = _line(677, (100, "B."), (136, "Pension Administration"), size=10.0)
    heading.bold = [True] * len(heading.text)
    second = [_line(639, (100, "Action"), (250, "Title of post"), (400, "Number")),
              _line(608, (100, "New post"), (250, "Accounting Assistant"), (400, "5"))]
    rules = [752.7, 722.2, 706.2, 650.2, 619.7, 590.0]
    items, carried = split([*first, heading, *second], rules, None, lambda line: _tabular(line, 10.0))
    assert [item.lines if isinstance(item, TableLines) else item for item in items] == [first, heading, second]
    assert carried is None
    # In the table's own type the same line is one of its rows (a total, a part's heading).
    heading.size = 9.0
    items, _ = split([*first, heading, *second], rules, None, lambda line: _tabular(line, 10.0))
    assert len(items[0].lines) > len(first)


def test_a_cut_rows_rest_may_open_with_a_capital_when_it_stands_alone_past_the_first_column():
    """A lone cell past the first column at the head of the next page whose first word the cut
    cell's last line had no room for ("Officer" under "Senior Risk Management", the column's
    widest line) is the rest of the row the page break cut, capital or not: a line takes the
    next word whenever it fits. A heading that would have fitted ("Part XII. Safety" under
    "Subtotal") is a row of its own, as is one in the first column."""
    rows = [_line(700, (100, "Reassignment"), (250, "Programme Management"), (400, "1")),
            _line(689, (250, "Officer")),
            _line(676, (100, "Reclassification"), (250, "Senior Risk Management"), (400, "1")),
            _line(760, (250, "Officer"), page=2),
            _line(747, (100, "Conversion"), (250, "Legal Officer"), (400, "1"), page=2),
            _line(734, (250, "Subtotal"), (400, "3"), page=2),
            _line(760, (250, "Part XII. Safety"), page=3),
            _line(747, (100, "Subtotal"), page=3)]
    assert _table_cells(rows) == [["Reassignment", "Programme Management Officer", "1"],
                                  ["Reclassification", "Senior Risk Management Officer", "1"],
                                  ["Conversion", "Legal Officer", "1"], ["", "Subtotal", "3"],
                                  ["", "Part XII. Safety", ""], ["Subtotal", "", ""]]
