"""Word-processor files drafter does not read itself (.doc, .odt, .rtf) become DOCX through
LibreOffice, which reads them all; the DOCX reader takes it from there.

LibreOffice runs headless in a profile folder of its own, so it neither disturbs nor waits for a
LibreOffice the user has open.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import ParseError

NAMES = {"odt": "an OpenDocument text", "doc": "a Word 97-2003 document", "rtf": "a rich-text file"}
# Converting one resolution takes a few seconds; a minute means LibreOffice is stuck on the file.
TIMEOUT = 120


def soffice() -> str | None:
    """The LibreOffice program, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_docx(data: bytes, kind: str, path: str) -> bytes:
    """The file as DOCX bytes, converted by LibreOffice; a one-line ParseError when that cannot be."""
    program = soffice()
    if program is None:
        raise ParseError(f"{NAMES[kind]}: reading it needs LibreOffice, which is not installed", path,
                         hint="install LibreOffice, or save the file as .docx or .pdf")
    with tempfile.TemporaryDirectory(prefix="drafter-convert-") as folder:
        work = Path(folder)
        source = work / f"source.{kind}"
        source.write_bytes(data)
        try:
            subprocess.run([program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                            "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(work), str(source)],
                           capture_output=True, timeout=TIMEOUT, check=False)
        except subprocess.TimeoutExpired:
            raise ParseError(f"LibreOffice did not convert {NAMES[kind]} within {TIMEOUT} s", path) from None
        result = work / "source.docx"
        if not result.is_file():
            raise ParseError(f"LibreOffice could not read this as {NAMES[kind]}", path,
                             hint="open it in a word processor and save it as .docx")
        return result.read_bytes()
