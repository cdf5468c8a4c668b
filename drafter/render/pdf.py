"""PDF out: the DOCX as LibreOffice prints it.

    to_pdf(docx_bytes, name) -> pdf bytes

LibreOffice (soffice) converts the document headless, with a profile of its own in a temporary
folder, so it neither needs nor touches the user's LibreOffice settings and may run beside an open
LibreOffice. When LibreOffice is not installed, or the conversion fails, the error says so in one
line and what to do.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import OutputError

_TIMEOUT = 300          # seconds: a first start of LibreOffice with a fresh profile is slow


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(data: bytes, name: str = "document") -> bytes:
    program = soffice()
    if program is None:
        raise OutputError("--format pdf needs LibreOffice, which is not installed",
                          hint="install libreoffice-writer, or write --format docx")
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as folder:
        work = Path(folder)
        source = work / f"{name}.docx"
        source.write_bytes(data)
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", str(work), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=_TIMEOUT, check=False, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise OutputError(f"LibreOffice took over {_TIMEOUT} s to write the PDF", hint="try again") from None
        result = work / f"{name}.pdf"
        if not result.is_file():
            raise OutputError("LibreOffice could not write the PDF", hint="write --format docx and open it")
        return result.read_bytes()
