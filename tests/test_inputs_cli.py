"""What the commands say about the files they read, now that PDF and Word files are read too
(QA finding 21): help texts and one-line errors name the formats, a folder is named as such."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def drafter(*args: str, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_help_names_pdf_and_word_input():
    assert "PDF, Word (DOCX" in " ".join(drafter("--help").stdout.split())
    assert "PDF, Word (.docx" in " ".join(drafter("parse", "--help").stdout.split())
    mine = " ".join(drafter("mine", "--help").stdout.split())
    assert ".pdf and Word files" in mine and "index.sqlite" not in mine


def test_an_empty_or_binary_file_is_told_which_formats_are_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "noise.bin").write_bytes(bytes(range(256)) * 20)
    for name in ("empty.txt", "noise.bin"):
        result = drafter("parse", str(tmp_path / name))
        assert result.returncode == 2
        assert "PDF, Word" in result.stderr and "pdftotext" not in result.stderr, result.stderr


def test_a_folder_as_base_is_named_a_folder(tmp_path):
    folder = tmp_path / "resolutions"
    folder.mkdir()
    result = drafter("new", "--session", "60", "--base", str(folder), "--no-input", "-o", str(tmp_path / "d.docx"),
                     cwd=tmp_path)
    assert result.returncode == 2
    assert "is a folder" in result.stderr and "no such file" not in result.stderr, result.stderr
