"""Readers: any resolution file -> `drafter.model.Resolution`.

`read_resolution(path)` detects the format from the content (never the file name) and dispatches to
the Akoma Ntoso reader or the text reader.
"""

from __future__ import annotations

from pathlib import Path

from drafter.ingest.detect import decode_text, is_xml, read_bytes
from drafter.model import Resolution


def read_resolution(path: str | Path) -> Resolution:
    path = Path(path)
    data = read_bytes(path)
    return parse_bytes(data, str(path))


def parse_bytes(data: bytes, path: str) -> Resolution:
    if is_xml(data):
        from drafter.ingest.akn import parse_akn
        return parse_akn(data, path)
    text, warnings = decode_text(data, path)
    from drafter.ingest.text import parse_text
    return parse_text(text, path, warnings)
