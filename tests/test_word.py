"""The DOCX renderer, checked the way a person would: re-read, raw XML, and a real word processor."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from conftest import ROOT, SEED_BY_NUMBER
from drafter.errors import OutputError
from drafter.ingest import read_resolution
from drafter.model import Paragraph, Resolution
from drafter.render.word import build, render_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def resolution():
    return read_resolution(SEED_BY_NUMBER["58/208"])


@pytest.fixture(scope="module")
def rendered(resolution):
    return build(resolution)[0]


def _part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def test_python_docx_reads_it_back(rendered, resolution):
    document = docx.Document(io.BytesIO(rendered))
    styles = {s.name for s in document.styles}
    assert {"SingleTxt", "SubPara", "FootnoteText", "FootnoteReference"} <= styles
    texts = [p.text for p in document.paragraphs]
    assert "58/208. International migration and development" in texts
    assert any(t.startswith("1.\tTakes note of the report of the Secretary-General;") for t in texts)
    assert texts[-2:] == ["78th plenary meeting", "23 December 2003"]
    # Leads are italic runs at the start of their paragraph.
    recalling = next(p for p in document.paragraphs if p.text.startswith("Recalling also its resolutions"))
    assert recalling.runs[0].italic and recalling.runs[0].text == "Recalling also"


def test_footnotes_are_word_footnotes(rendered, resolution):
    package = zipfile.ZipFile(io.BytesIO(rendered))
    assert "word/footnotes.xml" in package.namelist()
    assert b"wordprocessingml.footnotes+xml" in package.read("[Content_Types].xml")
    assert b"relationships/footnotes" in package.read("word/_rels/document.xml.rels")
    notes = _part(rendered, "word/footnotes.xml")
    by_id = {n.get(f"{W}id"): "".join(n.itertext()).strip() for n in notes.findall(f"{W}footnote")}
    assert {"-1", "0"} <= set(by_id)                       # Word's separators
    body = _part(rendered, "word/document.xml")
    cited = 0
    for p in body.iter(f"{W}p"):
        before = ""
        for node in p.iter(f"{W}t", f"{W}tab", f"{W}footnoteReference"):
            if node.tag in (f"{W}t", f"{W}tab"):
                before += node.text or "" if node.tag == f"{W}t" else "\t"
                continue
            cited += 1
            text = by_id[node.get(f"{W}id")]
            # The reference stands right after the text before the marker in the source.
            paragraph = next(x for _, x in resolution.all_paragraphs()
                             if any(before.split("\t")[-1] == x.text[:f.at] for f in x.footnotes))
            marker = next(f.marker for f in paragraph.footnotes if before.split("\t")[-1] == paragraph.text[:f.at])
            assert text == resolution.footnotes[marker]
    assert cited == sum(len(p.footnotes) for _, p in resolution.all_paragraphs())


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
    assert "SingleTxt" in {s.name for s in docx.Document(io.BytesIO(data)).styles}


def test_dotx_reference(tmp_path, resolution):
    template = tmp_path / "office.dotx"
    shutil.copy(ROOT / "templates" / "reference.docx", template)
    data, warnings = build(resolution, reference=template)
    assert warnings == [] and docx.Document(io.BytesIO(data)).paragraphs


def test_unwritable_output_is_one_error_and_leaves_nothing(tmp_path, resolution):
    with pytest.raises(OutputError) as error:
        render_docx(resolution, tmp_path / "no-such-folder" / "x.docx")
    assert "no-such-folder" in str(error.value)
    assert list(tmp_path.iterdir()) == []


def test_letter_paper(resolution):
    section = docx.Document(io.BytesIO(build(resolution, paper="letter")[0])).sections[0]
    assert abs(section.page_width.cm - 21.59) < 0.01


# --- a real word processor ---------------------------------------------------------------------

def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and poppler are not installed (.ci/run installs them)")
    return found


def to_pdf(docx_path: Path, tmp_path: Path) -> Path:
    profile = tmp_path / "lo-profile"
    subprocess.run([_soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx_path)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (docx_path.stem + ".pdf")
    assert pdf.is_file()
    return pdf


def test_libreoffice_opens_it_with_footnotes_and_italics(tmp_path, rendered, resolution):
    path = tmp_path / "58-208.docx"
    path.write_bytes(rendered)
    pdf = to_pdf(path, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 3
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "Takes note of the report of the Secretary-General;" in text
    for marker, note in resolution.footnotes.items():
        assert " ".join(note.split()[:6]) in text, marker            # every note is on a page
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Italic" in fonts


def test_a_draft_made_by_drafter_new_opens(tmp_path):
    result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208",
                             "--library", str(ROOT / "clause_library"), "--no-input", "-o", str(tmp_path / "d.docx")],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    document = docx.Document(str(tmp_path / "d.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "International migration and development" in texts
    assert not any("plenary meeting" in t for t in texts)
    cells = [c.text for row in document.tables[0].rows for c in row.cells]
    assert "A/C.2/60/L.…" in cells or "A/60/L.…" in cells
    assert "Distr.: Limited" in " ".join(cells)
    pdf = to_pdf(tmp_path / "d.docx", tmp_path)
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split())
    assert "sixty-first session" in text and "[to fill: symbol]." in text


# --- the draft against its base ----------------------------------------------------------------

def _new(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208",
                             "--library", str(ROOT / "clause_library"), "--no-input", "-o", str(out), *extra],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    return out


def _accept_all(body: etree._Element) -> list[str]:
    """What a word processor's "accept all changes" leaves: paragraph texts without deletions."""
    texts = []
    for p in body.iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}rPr/{W}del")
        text = "".join(
            ("\t" if node.tag == f"{W}tab" else node.text or "")
            for node in p.iter(f"{W}t", f"{W}tab")
            if not any(a.tag == f"{W}del" for a in node.iterancestors()))
        if mark is not None and not text:
            continue                    # a deleted paragraph goes with its mark
        texts.append(text)
    return texts


def test_tracked_changes_accepted_give_the_clean_draft(tmp_path):
    clean = _new(tmp_path, "clean.docx")
    tracked = _new(tmp_path, "tracked.docx", "--redline")
    body = _part(tracked.read_bytes(), "word/document.xml")
    inserted = body.findall(f".//{W}ins")
    deleted = body.findall(f".//{W}del")
    assert inserted and deleted
    assert {e.get(f"{W}author") for e in inserted + deleted} == {"drafter"}
    ids = [e.get(f"{W}id") for e in inserted + deleted]
    assert len(ids) == len(set(ids))
    # The session moved: "fifty-ninth" is deleted, "sixty-first" inserted, word by word.
    assert any("fifty-ninth" in "".join(d.itertext()) for d in deleted)
    assert any("sixty-first" in "".join(i.itertext()) for i in inserted)
    assert _accept_all(body) == _accept_all(_part(clean.read_bytes(), "word/document.xml"))
    pdf = to_pdf(tracked, tmp_path)          # and a word processor opens it
    assert "sixty-first" in subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout


def test_marked_redline_is_bold_and_struck(tmp_path):
    marked = _new(tmp_path, "marked.docx", "--redline", "marked")
    body = _part(marked.read_bytes(), "word/document.xml")
    assert body.find(f".//{W}ins") is None and body.find(f".//{W}del") is None
    bold = ["".join(r.itertext()) for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}b") is not None]
    struck = ["".join(r.itertext()) for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}strike") is not None]
    assert any("sixty-first" in t for t in bold) and any("fifty-ninth" in t for t in struck)


def test_redline_is_for_docx_only(tmp_path):
    result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208",
                             "--library", str(ROOT / "clause_library"), "--no-input", "--format", "text",
                             "--redline"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and "--redline" in result.stderr


# --- what a review of the renderer found (each was a bug once) -----------------------------------

def test_parts_use_their_own_footnotes():
    from conftest import corpus_or_skip

    resolution = read_resolution(corpus_or_skip() / "75" / "75_101A-B_E.xml")
    notes = _part(build(resolution)[0], "word/footnotes.xml")
    texts = ["".join(n.itertext()).strip() for n in notes.findall(f"{W}footnote") if int(n.get(f"{W}id")) > 0]
    assert texts and all(texts)                      # no empty note


def test_lost_note_texts_warn_and_the_title_note_is_kept():
    resolution = read_resolution(SEED_BY_NUMBER["2006/2"])
    data, warnings = build(resolution)
    assert any("footnote 15 has no text" in w for w in warnings)
    notes = "".join(_part(data, "word/footnotes.xml").itertext())
    assert "For the discussion, see chap. II, paras. 11-14." in notes


def test_settings_stay_in_schema_order_and_word_styles_are_not_doubled(tmp_path):
    resolution = read_resolution(SEED_BY_NUMBER["58/208"])
    data, _ = build(resolution)
    assert b"footnotePr" not in zipfile.ZipFile(io.BytesIO(data)).read("word/settings.xml")
    office = tmp_path / "word-made.docx"
    document = docx.Document()
    document.styles.add_style("footnote text", 1)    # Word's own name, id "footnotetext"
    document.save(office)
    styles = _part(build(resolution, reference=office)[0], "word/styles.xml")
    ids = [s.get(f"{W}styleId") for s in styles.findall(f"{W}style")]
    assert len(ids) == len(set(ids))


def test_masthead_of_an_adopted_resolution():
    from conftest import corpus_or_skip

    resolution = read_resolution(corpus_or_skip() / "75" / "75_100_E.xml")
    texts = [p.text for p in docx.Document(io.BytesIO(build(resolution)[0])).paragraphs]
    assert "Seventy-fifth session" in texts
    assert "Resolution adopted by the General Assembly" in texts
    assert any("Fourth Committee" in t for t in texts)
