"""The text rendering draws the same page as the Word document: structure included."""

from __future__ import annotations

from dataclasses import replace

import corpus_models
from conftest import SEED_BY_NUMBER, corpus_or_skip

from drafter.ingest import read_resolution
from drafter.render.text import render_text


def test_sections_keep_their_labels_headings_and_numbers():
    resolution = corpus_models.sectioned(read_resolution(SEED_BY_NUMBER["58/208"]))
    blocks = render_text(resolution).split("\n\n")
    at = blocks.index("I")
    assert blocks[at + 1] == "International migration"
    assert blocks[at + 2].startswith("Recalling the Programme of Action")
    numbers = [b.split(" ", 1)[0] for b in blocks if b[:1].isdigit() and b.split(" ", 1)[0].endswith(".")]
    assert numbers == ["58/208.", "1.", "2.", "1.", "2."]


def test_a_table_is_one_row_a_line_with_its_notes_beneath():
    path = next((corpus_or_skip() / "78").glob("A_RES_78_249-*.xml"))
    resolution = corpus_models.with_annex_table(read_resolution(path), path, "Financing")
    text = render_text(resolution)
    assert "\nEstimated appropriation for 2024a | 63 930 800 | 58 552 400\n" in text
    assert "a See A/78/534." in text and "c Reflects amounts after recosting." in text


def test_an_adopted_resolution_has_its_adoption_lines_and_closing():
    resolution = read_resolution(next((corpus_or_skip() / "78").glob("A_RES_78_217-*.xml")))
    text = render_text(replace(resolution, masthead=replace(resolution.masthead, agenda_title="A\nB")))
    blocks = text.split("\n\n")
    assert blocks[0].splitlines()[-2:] == ["A", "B"]              # each agenda title a line
    assert blocks[1] == ("Resolution adopted by the General Assembly on 19\u00a0December 2023\n"
                         "[on the report of the Third Committee (A/78/481/Add.2, para. 139)]")
    assert "50th plenary meeting\n19\u00a0December 2023" in blocks
