"""Decide what a file is from its content, never its name.

Formats:
- "pdf"          a PDF (starts with `%PDF-`), read for its fonts and positions (drafter.ingest.pdf);
- "docx"         a Word document: a zip holding word/document.xml (drafter.ingest.docx);
- "odt", "doc", "rtf"  other word-processor files, turned into DOCX by LibreOffice first;
- "akn"          the UN's Akoma Ntoso XML (root element akomaNtoso);
- "word-export"  text saved from a word processor: one paragraph per long line, job-number debris;
- "pdf-text"     a PDF text layer: short wrapped lines, footnote blocks under a rule at page ends;
- "plain-text"   clean wrapped lines with blank lines between paragraphs.
The text flavours share one reader (drafter.ingest.text); the flavour is reported, and it tells the
reader nothing it could not see for itself.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from drafter.errors import ParseError

# The largest resolution in the UN's corpus is under 0.4 MB of XML; 10 MB leaves room for long
# annexes while refusing logs, dumps and concatenations quickly.
MAX_BYTES = 10 * 1024 * 1024
# A PDF or Word file carries fonts and pictures besides the words; the page limit (drafter.ingest.pdf)
# is what bounds the work, this only refuses what no resolution comes near.
MAX_BINARY_BYTES = 100 * 1024 * 1024
_BINARY_STARTS = (b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf")

_FORMATS = "give a resolution as PDF, Word (.docx, .doc, .odt), text or Akoma Ntoso XML"
_XML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<", re.S)
_WORD_EXPORT_DEBRIS = re.compile(r"<<ODS |\[COMMENT\d*\]")
_RULE_LINE = re.compile(r"^\s*_{5,}\s*$", re.M)


def read_bytes(path: Path) -> bytes:
    """Read a file, turning every OS-level failure into a one-line ParseError."""
    try:
        if path.is_dir():
            raise ParseError("is a folder, not a file", path, hint="name a resolution file")
        size = path.stat().st_size
        with path.open("rb") as handle:
            limit = MAX_BINARY_BYTES if handle.read(8).startswith(_BINARY_STARTS) else MAX_BYTES
        if size > limit:
            raise ParseError(
                f"too large for a resolution ({size / 1024 / 1024:.1f} MB; the limit is "
                f"{limit // 1024 // 1024} MB)", path, hint="split the file or check it is the right one")
        return path.read_bytes()
    except FileNotFoundError:
        raise ParseError("no such file", path) from None
    except PermissionError:
        raise ParseError("permission denied", path) from None
    except OSError as error:
        raise ParseError(f"cannot read: {error.strerror or error}", path) from None


def sniff(data: bytes, path: str | Path) -> str:
    """What a file is, from its first bytes: "pdf", "docx", "odt", "doc", "rtf", "xml" or "text".

    A zip is opened to see what it holds; one that cannot be opened is damaged, and says so."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data, path)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"                  # an OLE2 compound file: Word 97-2003
    if data.startswith(b"{\\rtf"):
        return "rtf"
    return "xml" if is_xml(data) else "text"


_ODF_TEXT = (b"application/vnd.oasis.opendocument.text", b"application/vnd.oasis.opendocument.text-template")


def _zip_kind(data: bytes, path: str | Path) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and archive.read("mimetype").strip() in _ODF_TEXT:
                return "odt"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError) as error:
        raise ParseError(f"damaged: the zip archive of this Word file cannot be read ({error})", path,
                         hint="open it in Word or LibreOffice and save it again") from None
    raise ParseError("a zip archive that is neither a Word document nor an OpenDocument text", path,
                     hint=_FORMATS)


def is_xml(data: bytes) -> bool:
    return bool(_XML_START.match(data[:4096]))


def decode_text(data: bytes, path: str | Path) -> tuple[str, list[str]]:
    """Bytes -> str. UTF-8 (with or without BOM) first; cp1252 as the fallback old word-processor
    exports need. Binary content is refused."""
    if not data.strip():
        raise ParseError("empty file", path, hint=_FORMATS)
    if b"\x00" in data[:8192]:
        raise ParseError("a binary file of no kind drafter reads", path, hint=_FORMATS)
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    text = data.decode("cp1252", errors="replace")
    if text.count("\ufffd") > len(text) // 100:
        raise ParseError("a binary file of no kind drafter reads", path, hint=_FORMATS)
    return text, ["not UTF-8: read as Windows-1252"]


def text_flavour(text: str) -> str:
    if _WORD_EXPORT_DEBRIS.search(text):
        return "word-export"
    lines = [line for line in text.splitlines() if line.strip()]
    long_lines = sum(1 for line in lines if len(line) > 200)
    if lines and long_lines * 4 >= len(lines):
        return "word-export"
    trailing = sum(1 for line in lines if line.endswith(" "))
    if _RULE_LINE.search(text) or (lines and trailing * 2 >= len(lines)):
        return "pdf-text"
    return "plain-text"
