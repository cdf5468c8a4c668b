"""What a real word processor shows: LibreOffice opens drafter's documents through its own Python
(UNO, tests/lo_uno.py run by /usr/bin/python3), prints them to PDF, and accepts or rejects every
tracked change. Pages, fonts, notes at the foot of their pages, raised marks, running heads and
page numbers, and the text after Accept All / Reject All are read from what LibreOffice made.

LibreOffice starts once for the whole module; the documents are written once.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED_BY_NUMBER, corpus_or_skip

from drafter.ingest import read_resolution
from drafter.render.word import build

SYSTEM_PYTHON = "/usr/bin/python3"


def _tools() -> str:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and poppler are not installed (.ci/run installs them)")
    found = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    if found.returncode != 0:
        pytest.skip("LibreOffice's Python bridge is not installed (apt-get install python3-uno)")
    return soffice


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    """Every document of this module as LibreOffice shows it: {name: {action: result}}."""
    from drafter.assemble.compose import to_resolution
    from drafter.assemble.run import base_resolution, new_draft

    soffice = _tools()
    folder = tmp_path_factory.mktemp("libreoffice")
    draft, library = new_draft(ROOT / "clause_library", "58/208", 60, answers_path=None, choose=None)
    drafts = {"58-208": (to_resolution(draft), base_resolution(draft))}
    drafts |= {name: _drafted(library, session, serial) for name, session, serial in REDLINES}
    corpus = {name: read_resolution(next((corpus_or_skip() / "78").glob(f"A_RES_78_{name}-*.xml")))
              for name in ("249", "252", "253", "80AB")}
    documents = {
        "resolution": (build(read_resolution(SEED_BY_NUMBER["58/208"]))[0], ["pdf"]),
        "commission": (build(read_resolution(SEED_BY_NUMBER["2006/2"]))[0], ["open"]),
        "table": (build(corpus["249"])[0], ["pdf"]),
        "sections": (build(corpus["253"])[0], ["pdf"]),
        "budget": (build(corpus["252"])[0], ["pdf"]),
        "long": (build(read_resolution(next((corpus_or_skip() / "76").glob("A_RES_76_71-*.xml"))))[0], ["pdf"]),
        "parts": (build(corpus["80AB"])[0], ["pdf"]),
        "french": (build(read_resolution(corpus_or_skip() / "75" / "75_274_F.xml"))[0], ["pdf"]),
        "part-alone": (build(read_resolution(corpus_or_skip() / "75" / "75_290 A_E.xml"))[0], ["pdf"]),
    }
    for name, (clean, base) in drafts.items():
        documents |= {f"draft-{name}": (build(clean)[0], ["open"]), f"base-{name}": (build(base)[0], ["open"]),
                      f"redline-{name}": (build(clean, base=base)[0], ["open", "accept", "reject"])}
    jobs = []
    for name, (data, actions) in documents.items():
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        jobs += [[str(path), action] for action in actions]
    (folder / "jobs.json").write_text(json.dumps(jobs))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    result = subprocess.run([SYSTEM_PYTHON, str(ROOT / "tests" / "lo_uno.py"), soffice, str(folder / "profile"),
                             str(folder / "jobs.json"), str(folder / "out.json")],
                            capture_output=True, text=True, timeout=600, env=env, check=False)
    assert result.returncode == 0, result.stderr
    out: dict[str, dict] = {}
    for item in json.loads((folder / "out.json").read_text(encoding="utf-8")):
        out.setdefault(Path(item["path"]).stem, {})[item["action"]] = item
    out["folder"] = folder
    out["models"] = corpus
    return out


# Drafts from structured bases, each to the next session: sections with tables (79/253), parts
# each with its formula and tables (78/254 A-C), sections and two annexes (75/293).
REDLINES = [("79-253", 79, "253"), ("78-254", 78, "254AC"), ("75-293", 75, "293")]


def _drafted(library, session: int, serial: str):
    from drafter.assemble.compose import to_resolution
    from drafter.assemble.run import base_resolution, draft_from

    path = next((corpus_or_skip() / str(session)).glob(f"A_RES_{session}_{serial}-*.xml"))
    draft = draft_from(library, str(path), session + 1)
    return to_resolution(draft), base_resolution(draft)


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.split("\f")[:-1]


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_pages_fonts_and_notes_at_the_foot_of_their_pages(shown):
    resolution = read_resolution(SEED_BY_NUMBER["58/208"])
    pdf = shown["folder"] / "resolution.pdf"
    pages = [_flat(p) for p in _pages(pdf)]
    assert len(pages) == shown["resolution"]["pdf"]["pages"] >= 3
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    # Times New Roman, or its metric twin where Times is not installed; upright, italic and bold.
    serif = [line.split()[0] for line in fonts.splitlines() if "Times" in line or "LiberationSerif" in line]
    assert any(f.endswith(("Serif", "TimesNewRomanPSMT", "Roman")) for f in serif), fonts
    assert any("Italic" in f for f in serif) and any("Bold" in f for f in serif)
    # Each note on a page, in order: a note never comes before the one it follows.
    where = [next(i for i, page in enumerate(pages) if " ".join(note.split()[:6]) in page)
             for note in resolution.footnotes.values()]
    assert where == sorted(where) and where[0] == 0
    assert [n["text"] for n in shown["resolution"]["pdf"]["footnotes"]] == list(resolution.footnotes.values())


def test_note_marks_are_raised(shown):
    # Word's built-in "footnote reference" style is LibreOffice's footnote anchor: raised.
    raised = shown["resolution"]["pdf"]["raised"]
    assert raised["AnchorCharStyleName"] > 0 and raised["CharStyleName"] > 0


def test_running_heads_and_page_numbers_after_the_first_page(shown):
    styles = shown["resolution"]["pdf"]["pagestyles"]
    first = [s for s in styles.values() if not any(s.values())]
    later = [s for s in styles.values() if any(s.values())]
    assert first and len(later) == 1
    later = later[0]
    assert later["HeaderRight"] == "International migration and development\tA/RES/58/208"
    assert later["HeaderLeft"] == "A/RES/58/208\tInternational migration and development"
    pages = [_flat(p) for p in _pages(shown["folder"] / "resolution.pdf")]
    total = len(pages)
    assert f"1/{total}" not in pages[0] and "International migration and development A/RES/58/208" not in pages[0]
    for number, page in enumerate(pages[1:], start=2):
        assert f"{number}/{total}" in page
        assert "A/RES/58/208" in page.split("The General Assembly")[0]


def test_a_title_note_keeps_its_symbol(shown):
    notes = shown["commission"]["open"]["footnotes"]
    assert notes[0]["label"] == "*"
    assert all(n["label"] == "" for n in notes[1:])          # Word's and LibreOffice's own numbers


def test_a_table_in_libreoffice(shown):
    lines = shown["table"]["pdf"]["paragraphs"]
    assert "63 930 800" in lines and any(line.startswith("Estimated appropriation for 2024") for line in lines)
    pages = _pages(shown["folder"] / "table.pdf")
    annex = next(p for p in pages if "Annex" in p)
    assert "(United States dollars)" in annex and "Reflects amounts after recosting." in annex


def test_a_french_resolution_prints_in_french(shown):
    # 75/274: the masthead, the adoption line, the formula and the closing as its source has them.
    pages = [_flat(p) for p in _pages(shown["folder"] / "french.pdf")]
    first = pages[0]
    for words in ("Nations Unies", "Assemblée générale", "Distr. générale", "29 avril 2021",
                  "Résolution adoptée par l’Assemblée générale le 28 avril 2021", "L’Assemblée générale,"):
        assert words in first, words
    assert "62e séance plénière 28 avril 2021" in pages[-1]
    assert not any(word in " ".join(pages) for word in ("United Nations", "Resolution adopted", "April"))


def test_a_part_published_alone_prints_both_titles_its_letter_and_its_own_title(shown):
    lines = [line.strip() for line in "\n".join(_pages(shown["folder"] / "part-alone.pdf")).splitlines()]
    lines = [line for line in lines if line]
    at = next(i for i, line in enumerate(lines) if line.startswith("75/290."))
    second = next(i for i, line in enumerate(lines) if line.startswith("Review of the implementation of General"
                                                                      " Assembly") and i > at)
    assert second > at                                   # the second title starts a line of its own
    letter = lines.index("A")
    assert letter > second and lines[letter + 1] == "Economic and Social Council"
    assert lines[letter + 2].startswith("The General Assembly,")


@pytest.mark.parametrize("name, number", [("sections", "253"), ("parts", "80AB"), ("table", "249")])
def test_corpus_resolutions_print_with_every_note_and_heading(shown, name, number):
    model = shown["models"][number]
    printed = shown[name]["pdf"]
    notes = {**model.footnotes, **{k: v for part in model.parts for k, v in part.footnotes.items()}}
    assert [n["text"] for n in printed["footnotes"]] == list(notes.values())
    pages = [_flat(p) for p in _pages(shown["folder"] / f"{name}.pdf")]
    assert len(pages) == printed["pages"] > 1
    symbol = model.masthead.symbol
    assert all(symbol in page.split("The General Assembly")[0] for page in pages[1:])
    headings = [s.label for s in model.sections] + [p.label for p in model.parts] + [a.label for a in model.annexes]
    assert all(h and h in printed["paragraphs"] for h in headings)


def _labelled_headings(holder, depth: int = 1):
    for section in holder.sections:
        if depth > 1 and section.label and section.heading:
            yield section.label, section.heading
        yield from _labelled_headings(section, depth + 1)


def test_a_heading_label_wider_than_its_hang_stands_apart_from_its_title(shown):
    # 78/252, the budget: "Income section 2<tab>General income" once printed "Income section
    # 2General income", the tab past the 1.27 cm hang having no width. Every label, short
    # ("Section 3") or wide, must print apart from its title on the line.
    lines = [" ".join(line.split()) for page in _pages(shown["folder"] / "budget.pdf") for line in page.splitlines()]
    headings = list(_labelled_headings(shown["models"]["252"]))
    assert any(len(label) > 12 for label, _ in headings)       # the file has labels wider than the hang
    for label, heading in headings:
        first = heading.split()[0]
        assert f"{label} {first}" in lines or any(line.startswith(f"{label} {first}") for line in lines), label
        assert not any(f"{label}{first}" in line for line in lines), label


def test_three_digit_paragraph_numbers_stand_apart_from_their_text(shown):
    # 76/71 (sustainable fisheries) runs to over 200 paragraphs; "100." once nearly filled its
    # 0.25 in, and the PDF read "100.Notes that ...". Every number must be followed by a gap.
    lines = [line.strip() for page in _pages(shown["folder"] / "long.pdf") for line in page.splitlines()]
    numbered = [line for line in lines if re.match(r"[1-9]\d{0,2}\.", line)]
    assert sum(bool(re.match(r"\d{3}\. ", line)) for line in numbered) > 100
    assert [line for line in numbered if re.match(r"\d+\.[A-Z]", line)] == []


def _document(result: dict) -> tuple:
    """Every paragraph with its style (table cells as lines), empty ones too (an empty paragraph
    left behind is a difference an editor sees), how each is set (indents, space above: a title
    set anew must be set back by Reject All), the notes' texts, and the running heads of the pages
    (the feet are page numbers, which LibreOffice counts as it lays out)."""
    heads = [{side: text for side, text in style.items() if side.startswith("Header")}
             for style in result["pagestyles"].values()]
    return ([tuple(p) for p in result["styled"]], result["set"], [n["text"] for n in result["footnotes"]],
            sorted(heads, key=str))


DRAFTS = ["58-208", *(name for name, _, _ in REDLINES)]


@pytest.mark.parametrize("name", DRAFTS)
def test_accept_all_gives_the_draft(shown, name):
    accepted = shown[f"redline-{name}"]["accept"]
    assert _document(accepted) == _document(shown[f"draft-{name}"]["open"])
    assert not accepted["changes"]


@pytest.mark.parametrize("name", DRAFTS)
def test_reject_all_gives_the_base(shown, name):
    rejected = shown[f"redline-{name}"]["reject"]
    assert _document(rejected) == _document(shown[f"base-{name}"]["open"])
    assert not rejected["changes"]


@pytest.mark.parametrize("name", DRAFTS)
def test_the_redline_records_the_editors_changes(shown, name):
    assert shown[f"redline-{name}"]["open"]["recording"] and shown[f"redline-{name}"]["open"]["changes"]
    assert not shown[f"draft-{name}"]["open"]["recording"]
    # The draft is not its base: the redline has changes to show, in the body as in the masthead.
    assert _document(shown[f"draft-{name}"]["open"]) != _document(shown[f"base-{name}"]["open"])


def test_format_pdf_through_libreoffice(tmp_path):
    _tools()
    out = tmp_path / "58-208.pdf"
    result = subprocess.run([sys.executable, "-m", "drafter", "render", str(SEED_BY_NUMBER["58/208"]),
                             "--format", "pdf", "-o", str(out)], capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF") and "Takes note of the report" in _flat("".join(_pages(out)))


def test_format_pdf_without_libreoffice_is_one_clear_line(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    result = subprocess.run([sys.executable, "-m", "drafter", "render", str(SEED_BY_NUMBER["58/208"]),
                             "--format", "pdf", "-o", str(tmp_path / "x.pdf")], capture_output=True, text=True,
                            env={**os.environ, "PATH": str(empty)}, check=False)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        ("drafter: error: --format pdf needs LibreOffice, which is not installed "
         "(install libreoffice-writer, or write --format docx)")]
    assert not (tmp_path / "x.pdf").exists()
