"""`drafter render`: a resolution as DOCX, PDF, Akoma Ntoso or text."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from drafter.cli.common import check_reference, command, library_option


def add_render(commands, help_text: str) -> None:
    sub = command(
        commands, "render", help_text,
        "Render SOURCE (any file `drafter parse` reads, or a resolution the library holds, by number\n"
        "or symbol) as a Word document laid out like a UN document (real footnotes), as Akoma Ntoso\n"
        "XML, or as text. A resolution from the library is read from the file it was mined from,\n"
        "which the library keeps beside it (the bundled library carries its seeds).",
        "examples:\n"
        "  drafter render 58/208                              58-208.docx, from the library in use\n"
        "  drafter render A/RES/58/208 --format text -o -\n"
        "  drafter render seeds/001_dc7a3f17028d8240.txt -o 58-208.docx\n"
        "  drafter render ../shared/corpus/unga-akn/75/75_100_E.xml --format text -o -\n"
        "  drafter render seeds/004_be3f4e82546494b4.txt --format akn -o 2006-2.xml",
        _run_render)
    sub.add_argument("source", metavar="SOURCE",
                     help="a resolution file, or a number (58/208) or symbol (A/RES/58/208) in the library")
    sub.add_argument("--format", choices=["docx", "pdf", "akn", "text"], default="docx",
                     help="default: docx (pdf: the DOCX printed by LibreOffice, which must be installed)")
    sub.add_argument("-o", "--output", metavar="FILE", help="where to write (default: named after the source; - for stdout, text and akn only)")
    sub.add_argument("--reference", metavar="FILE", type=Path, help="a .docx/.dotx whose styles to use")
    sub.add_argument("--paper", choices=["A4", "letter"], default="A4", help="paper size (default: A4)")
    sub.add_argument("--force", action="store_true", help="replace an existing output file")
    library_option(sub, use="report")           # a file needs no library: checked when used


def _library_source(args: argparse.Namespace) -> tuple[Path, str]:
    """A resolution the library holds (SOURCE is its number or symbol): the file it was mined from,
    and the name to write it under (58-208)."""
    from drafter import symbols
    from drafter.library import locate, store

    if symbols.resolution_number(args.source) is None:
        raise locate.not_a_resolution(args.source)
    directory = locate.for_reading(args.located)
    library = store.load(directory)
    entry = locate.source(library, args.source)
    name = re.sub(r"[^A-Za-z0-9]+", "-", locate.number_of(entry)).strip("-")
    return locate.source_file(library, entry), name


def _run_render(args: argparse.Namespace) -> int:
    from drafter.assemble.run import FORMATS, render
    from drafter.errors import UsageError
    from drafter.ingest import read_resolution
    from drafter.output import check_free, write_atomic

    check_reference(args.reference)
    if args.output == "-" and args.format in ("docx", "pdf"):
        raise UsageError(f"a {args.format.upper()} cannot go to stdout", hint=f"give -o FILE.{args.format}")
    source, name = Path(args.source), Path(args.source).stem
    if source.is_file():
        resolution = read_resolution(source)
    else:
        from drafter.library import parsed

        source, name = _library_source(args)
        resolution = parsed.read_source(source)          # read once, then from drafter's cache
    output = Path(args.output) if args.output and args.output != "-" else Path(name + FORMATS[args.format])
    if args.output != "-":
        check_free(output, args.force)          # before LibreOffice spends its time on a PDF
    data = render(resolution, args.format, args.reference, args.paper)
    if args.output == "-":
        sys.stdout.write(data.decode("utf-8"))
        return 0
    write_atomic(output, data, force=args.force)
    print(f"wrote {output}")
    return 0
