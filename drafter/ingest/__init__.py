"""Readers: any resolution file -> `drafter.model.Resolution`.

`read_resolution(path)` detects the format from the content (never the file name) and dispatches:
PDF to drafter.ingest.pdf, DOCX to drafter.ingest.docx (both through drafter.ingest.structure),
.odt/.doc/.rtf to DOCX through LibreOffice first, Akoma Ntoso XML to its reader, the rest to the
text reader.
"""

from __future__ import annotations

from pathlib import Path

from drafter.ingest.detect import decode_text, read_bytes, sniff
from drafter.model import Resolution


def read_resolution(path: str | Path) -> Resolution:
    path = Path(path)
    data = read_bytes(path)
    return parse_bytes(data, str(path))


def parse_bytes(data: bytes, path: str) -> Resolution:
    kind = sniff(data, path)
    if kind == "xml":
        from drafter.ingest.akn import parse_akn
        return parse_akn(data, path)
    if kind == "pdf":
        from drafter.ingest.pdf import read_pdf
        return _structured(read_pdf(data, path), path)
    if kind in ("odt", "doc", "rtf"):
        from drafter.ingest.convert import to_docx
        data, kind = to_docx(data, kind, path), "docx"
    if kind == "docx":
        from drafter.ingest.docx import read_docx
        return _structured(read_docx(data, path), path)
    text, warnings = decode_text(data, path)
    from drafter.ingest.text import parse_text
    return parse_text(text, path, warnings)


def _structured(document, path: str) -> Resolution:
    from drafter.ingest.structure import read_structure
    return read_structure(document, path)
