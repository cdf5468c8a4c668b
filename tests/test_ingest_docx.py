"""The DOCX reader (drafter.ingest.docx, docx_xml, structure): real Word files in, the model out.

The files are real: drafter's own DOCX of seeds and corpus resolutions, Word files built with
python-docx the way a colleague's would be (automatic numbering, italic leads, a table), drafter's
tracked-changes draft, and LibreOffice's conversions. Corpus: the United Nations (DGACM).
"""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from conftest import CORPUS, ROOT, SEED_BY_NUMBER, corpus_or_skip
from docx.oxml import parse_xml

from drafter.errors import ParseError
from drafter.ingest import parse_bytes, read_resolution
from drafter.render.word import render_docx_bytes


def _tool(name: str):
    """tools/ is no package: load a script as a module (registered, as dataclasses require)."""
    if name in sys.modules:
        return sys.modules[name]
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


model_diff = _tool("model_diff")


def test_58_208_through_drafters_docx_reads_back_to_the_same_model():
    model = read_resolution(SEED_BY_NUMBER["58/208"])
    again = parse_bytes(render_docx_bytes(model), "58-208.docx")
    assert again == model
    assert again.source.format == "docx"
    assert again.masthead.symbol == "A/RES/58/208"


@pytest.mark.parametrize("number", ["52/189", "54/212", "56/203", "2006/2"])
def test_every_seed_reads_back_with_its_notes_in_place(number):
    # 52/189 cites its note 10 four times (Word: one note, then NOTEREF fields), 2006/2 has a "*" on
    # its title (a typed mark); the notes whose text the seed lost come back empty.
    model = read_resolution(SEED_BY_NUMBER[number])
    again = parse_bytes(render_docx_bytes(model), f"{number}.docx")
    assert model_diff.differences(model, again) == []


# Each a shape the structure reader must read as the Akoma Ntoso reader does (the whole corpus
# through drafter's DOCX: benchmarks/bench_docx_corpus.py).
_SHAPES = {
    "75/75_100_E.xml": "plain",
    "75/75_101A-B_E.xml": "two parts under one number",
    "75/75_1_E.xml": "a declaration, the formula without its comma",
    "76/A_RES_76_284-2210342E.xml": "sections",
    # An unnumbered paragraph's lead decides its kind, not its last character (30 corpus files):
    "76/A_RES_76_186-2119241E.xml": "a preambular paragraph introducing sub-paragraphs ('...developed:')",
    "79/A_RES_79_161-2424154E.xml": "a preambular paragraph ending in ';' (a typo) before 32 more",
    # Every level below the first shares one style in drafter's DOCX; the label's kind nests them, as
    # the AKN reader does (4 corpus files have three levels):
    "75/75_326_E.xml": "items without a label under '(a) ... as follows:', set one step deeper",
    "75/75_68_E.xml": "a number typed without its full stop ('3<tab>Calls upon'): the string '3'",
    "76/A_RES_76_3_E.xml": "numbers '1.1', '1.2' under a section",
    "76/A_RES_ES-11_4_2223239E.xml": "an emergency special session's number, 'ES-11/4. Title'",
    "78/A_RES_78_149-2325913E.xml": "a heading amid the preamble, and a '* * *' in it: no section",
    "78/A_RES_78_223-2325990E.xml": "an agenda '1.', '2.' ... set as the items of paragraph 11",
    "77/A_RES_77_256 A-B-2300172E.xml": "'Article 10' a heading in the XML, a label on the page: no word lost",
    "76/A_RES_76_242-2119707E.xml": "closed by the '54th resumed plenary meeting', no brackets",
    "75/75_290 B_E.xml": "one part published alone: its titles one a line, its letter, its own title",
    "75/75_274_F.xml": "in French: 'L’Assemblée générale,', '62e séance plénière', '28 avril 2021'",
    "77/A_RES_77_262-2300154E.xml": "'Income section 2' under 'Section 34' under 'Part XII'",
    "76/A_RES_76_246-2119713E.xml": "'B.', 'C.', 'D.' under an unlabelled heading under 'XIII'",
}


@pytest.mark.parametrize("relative", list(_SHAPES))
def test_corpus_resolutions_through_drafters_docx(relative):
    corpus = corpus_or_skip()
    model = read_resolution(corpus / relative)
    again = parse_bytes(render_docx_bytes(model), "r.docx")
    assert model_diff.differences(model, again) == []
    assert model_diff.words_lost(model, again) == 0


# --- a Word file as a colleague would send it ----------------------------------------------------

_NUMBERING = """<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"""


def _numbered(paragraph, level: int) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(parse_xml(f'<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                          f'<w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr>'))


def _colleagues_docx() -> bytes:
    """A resolution typed in Word: automatic numbering for paragraphs and sub-paragraphs, leads set
    in italics by hand, a table, and no drafter styles at all."""
    document = docx.Document()
    numbering = document.part.numbering_part
    numbering._element = parse_xml(_NUMBERING)
    document.add_paragraph("A/RES/99/1")
    document.add_paragraph("Distr.: General")
    title = document.add_paragraph()
    title.add_run("99/1. Cooperation between the United Nations and a regional organization").bold = True
    formula = document.add_paragraph()
    formula.add_run("The General Assembly").italic = True
    formula.add_run(",")
    pre = document.add_paragraph()
    pre.add_run("Recalling").italic = True
    pre.add_run(" its resolution 98/1 of 1 December 2043, and the ")
    pre.add_run("Official Records").italic = True
    pre.add_run(" of that session,")
    for lead, rest, level in [("Welcomes", " the cooperation;", 0), ("Requests", " the Secretary-General:", 0),
                              (None, "To report on its progress;", 1), (None, "To consult:", 1),
                              (None, "Member States;", 2), (None, "Regional bodies;", 2),
                              ("Decides", " to include the item in the agenda of its hundredth session.", 0)]:
        p = document.add_paragraph()
        if lead:
            p.add_run(lead).italic = True
        p.add_run(rest)
        _numbered(p, level)
    table = document.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Region", (0, 1): "Members", (1, 0): "Africa", (1, 1): "54"}.items():
        table.cell(r, c).text = text
    document.add_paragraph("100th plenary meeting")
    document.add_paragraph("1 December 2044")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_a_colleagues_word_file_automatic_numbering_italic_leads_and_a_table():
    r = parse_bytes(_colleagues_docx(), "colleague.docx")
    assert r.number == "99/1" and r.symbol == "A/RES/99/1"
    assert r.title == "Cooperation between the United Nations and a regional organization"
    [pre] = r.preamble
    assert pre.lead == "Recalling"
    # Italics other than the lead are kept as spans: the title of a publication.
    assert [pre.text[s.start:s.end] for s in pre.italics] == ["Official Records"]
    # The table stands after paragraph 3, the paragraph it follows (model.py: Paragraph.table).
    assert [(p.number, p.lead) for p in r.operative] == [(1, "Welcomes"), (2, "Requests"), (3, "Decides")]
    subs = r.operative[1].subparagraphs
    assert [(s.label, s.text) for s in subs] == [("a", "To report on its progress;"), ("b", "To consult:")]
    assert [(s.label, s.text) for s in subs[1].subparagraphs] == [("i", "Member States;"), ("ii", "Regional bodies;")]
    table = r.operative[-1].table
    assert [[c.text for c in row] for row in table.rows] == [["Region", "Members"], ["Africa", "54"]]
    assert r.adopted.meeting == "100th plenary meeting" and r.adopted.date == "2044-12-01"


def test_an_item_without_a_label_is_a_sub_paragraph_by_where_it_is_set():
    # Word's own lists: each level's indent in numbering.xml (left, the label hanging). An unnumbered
    # paragraph set where level 3's text stands is an unlabelled item under "(b) To consult:", as the
    # UN's 75/326 sets "Leadership dialogue 1: ..."; one set where the paragraphs stand is not.
    ind = {0: 720, 1: 1440, 2: 2160}
    numbering = _NUMBERING
    for level, left in ind.items():
        level_ind = f'<w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr>'
        numbering = numbering.replace(f'<w:lvl w:ilvl="{level}">', f'<w:lvl w:ilvl="{level}">{level_ind}')
    document = docx.Document()
    document.part.numbering_part._element = parse_xml(numbering)
    for text in ("99/2. Consultations", "The General Assembly,"):
        document.add_paragraph(text)
    for text, level in [("Requests the Secretary-General:", 0), ("To report;", 1), ("To consult:", 1),
                        ("Member States, first;", None), ("Regional bodies;", None),
                        ("Looks forward to the report;", None), ("Decides to remain seized of the matter.", 0)]:
        p = document.add_paragraph(text)
        if level is not None:
            _numbered(p, level)
        elif not text.startswith("Looks"):
            p.paragraph_format.left_indent = docx.shared.Twips(ind[2])
    out = io.BytesIO()
    document.save(out)
    r = parse_bytes(out.getvalue(), "unlabelled.docx")
    [requests, looks, decides] = r.operative
    assert [(s.label, s.text) for s in requests.subparagraphs] == [("a", "To report;"), ("b", "To consult:")]
    assert [(s.label, s.text) for s in requests.subparagraphs[1].subparagraphs] == [
        ("", "Member States, first;"), ("", "Regional bodies;")]
    assert (looks.number, looks.text, decides.number) == (None, "Looks forward to the report;", 2)


def test_a_lettered_heading_set_as_the_annex_label_is_no_annex_title():
    # 75/293's annex I has no title: "A<tab>Posts to be established ..." is its first heading, set
    # (in route 2, as in many Word files) exactly as the label "Annex I" is.
    document = docx.Document()
    for text in ("99/3. Support account", "The General Assembly,", "Approves the posts in the annex.",
                 "80th plenary meeting", "1 July 2044"):
        document.add_paragraph(text)
    for text in ("Annex I", "A\tPosts to be established", "Annex II", "Positions to be established"):
        p = document.add_paragraph()
        p.add_run(text).bold = True
        p.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("One post of Legal Officer (P-3).")
    out = io.BytesIO()
    document.save(out)
    first, second = parse_bytes(out.getvalue(), "annex.docx").annexes
    assert first.title is None
    assert [(p.number, p.text, p.style) for p in first.paragraphs] == [("A", "Posts to be established", "heading")]
    assert second.title == "Positions to be established"


def test_tracked_changes_read_as_accepted_with_a_warning(tmp_path):
    # drafter's own redline: the draft for the 60th session against 58/208, every edit tracked.
    def new(name: str, *extra: str) -> Path:
        out = tmp_path / name
        result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208",
                                 "--library", str(ROOT / "clause_library"), "--no-input", "-o", str(out), *extra],
                                capture_output=True, text=True, cwd=tmp_path, timeout=120)
        assert result.returncode == 0, result.stderr
        return out

    clean = read_resolution(new("clean.docx"))
    tracked = read_resolution(new("tracked.docx", "--redline"))
    assert any("tracked changes" in w for w in tracked.warnings)
    assert not any("tracked changes" in w for w in clean.warnings)
    assert model_diff.differences(clean, tracked) == []
    assert "sixty-first session" in " ".join(p.text for _, p in tracked.all_paragraphs())
    assert "fifty-ninth session" not in " ".join(p.text for _, p in tracked.all_paragraphs())


def test_a_deleted_paragraph_mark_joins_two_paragraphs():
    data = render_docx_bytes(read_resolution(SEED_BY_NUMBER["58/208"]))
    document = docx.Document(io.BytesIO(data))
    first = next(p for p in document.paragraphs if p.text.startswith("Recalling also"))
    r_pr = first._p.get_or_add_pPr().get_or_add_rPr() if hasattr(first._p.get_or_add_pPr(), "get_or_add_rPr") \
        else None
    if r_pr is None:
        r_pr = parse_xml('<w:rPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>')
        first._p.get_or_add_pPr().append(r_pr)
    r_pr.append(parse_xml('<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                          'w:id="901" w:author="x" w:date="2004-01-01T00:00:00Z"/>'))
    out = io.BytesIO()
    document.save(out)
    r = parse_bytes(out.getvalue(), "joined.docx")
    assert len(r.preamble) == 15
    assert r.preamble[1].text.startswith("Recalling also") and "Recalling further" in r.preamble[1].text


# --- bad Word files ------------------------------------------------------------------------------

def test_a_damaged_zip_is_one_error():
    data = render_docx_bytes(read_resolution(SEED_BY_NUMBER["58/208"]))
    with pytest.raises(ParseError, match="damaged"):
        parse_bytes(data[: len(data) // 2], "cut.docx")


def test_a_zip_whose_document_part_is_corrupt_is_one_error():
    data = render_docx_bytes(read_resolution(SEED_BY_NUMBER["58/208"]))
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            blob = source.read(item.filename)
            target.writestr(item, blob[: len(blob) // 3] if item.filename == "word/document.xml" else blob)
    with pytest.raises(ParseError, match="damaged"):
        parse_bytes(out.getvalue(), "bad.docx")


def test_a_word_file_that_is_not_a_resolution():
    document = docx.Document()
    document.add_paragraph("Dear colleagues, please find the minutes attached.")
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(ParseError, match="not a resolution"):
        parse_bytes(out.getvalue(), "letter.docx")


def test_a_zip_that_is_no_word_file():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff")
    with pytest.raises(ParseError, match="neither a Word document"):
        parse_bytes(out.getvalue(), "photos.zip")


@pytest.mark.parametrize("name,says", [("cut", "damaged: the zip archive of this Word file cannot be read"),
                                       ("letter", "not a resolution")])
def test_bad_word_files_are_one_line_exit_2_from_the_command_line(tmp_path, name, says):
    if name == "cut":
        data = render_docx_bytes(read_resolution(SEED_BY_NUMBER["58/208"]))
        data = data[: len(data) // 2]
    else:
        document = docx.Document()
        document.add_paragraph("Dear colleagues, please find the minutes attached.")
        out = io.BytesIO()
        document.save(out)
        data = out.getvalue()
    path = tmp_path / f"{name}.docx"
    path.write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "drafter", "parse", str(path)], capture_output=True, text=True,
                            check=False, timeout=60)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"drafter: error: {path}: ") and says in lines[0], result.stderr


# --- what LibreOffice reads for us -------------------------------------------------------------

def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    return found


def test_an_odt_file_goes_through_libreoffice(tmp_path):
    _soffice()
    fodt = _tool("fixture_odt")
    model = read_resolution(SEED_BY_NUMBER["58/208"])
    flat = tmp_path / "58-208.fodt"
    flat.write_text(fodt.fodt(model), encoding="utf-8")
    subprocess.run([_soffice(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(flat)], check=True,
                   capture_output=True, timeout=180)
    odt = tmp_path / "58-208.odt"
    renamed = tmp_path / "resolution.bin"           # the content decides, never the name
    renamed.write_bytes(odt.read_bytes())
    again = read_resolution(renamed)
    assert model_diff.differences(model, again) == []


def test_without_libreoffice_an_odt_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))       # no soffice on this PATH
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ParseError, match="needs LibreOffice"):
        parse_bytes(out.getvalue(), "r.odt")


def test_the_corpus_is_beside_the_project():
    # The corpus tests above skip without it; say so once, plainly, when it is there.
    if CORPUS.is_dir():
        assert any(CORPUS.glob("75/*.xml"))


@pytest.mark.parametrize(("before_tab", "numbering"), [
    ("Chapter I", True), ("Article 12", True), ("A", True), ("12.", True), ("Chapitre IV", True),
    ("Статья 5", True), ("Annex 29C", True),
    ("• 60", False), ("(a) 60", False), ("A/79/1 2", False), ("Chapter One", False), ("2024 60", False),
])
def test_an_annex_numbering_before_a_tab_is_a_word_and_a_number(before_tab, numbering):
    # What stands before the first tab of an annex's line is taken for its numbering when it is a
    # number, a numeral or a letter, after at most one word: a bullet or a symbol is no word.
    from drafter.ingest.structure import _NAMED_NUMBER
    assert bool(_NAMED_NUMBER.fullmatch(before_tab)) is numbering
