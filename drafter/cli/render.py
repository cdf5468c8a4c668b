"""`drafter render`: a resolution as DOCX, Akoma Ntoso or text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.cli.common import command, library_option


def add_render(commands) -> None:
    sub = command(
        commands, "render", "render a resolution as DOCX, Akoma Ntoso or text",
        "Render SOURCE (a resolution number in the library, or any file `drafter parse` reads) as a\n"
        "Word document laid out like a UN document (real footnotes), as Akoma Ntoso XML, or as text.",
        "examples:\n"
        "  drafter render seeds/001_dc7a3f17028d8240.txt -o 58-208.docx\n"
        "  drafter render ../shared/corpus/unga-akn/75/75_100_E.xml --format text -o -\n"
        "  drafter render seeds/004_be3f4e82546494b4.txt --format akn -o 2006-2.xml",
        _run_render)
    sub.add_argument("source", metavar="SOURCE", help="a resolution file (or a number in the library)")
    sub.add_argument("--format", choices=["docx", "akn", "text"], default="docx", help="default: docx")
    sub.add_argument("-o", "--output", metavar="FILE", help="where to write (default: named after the source; - for stdout, text and akn only)")
    sub.add_argument("--reference", metavar="FILE", type=Path, help="a .docx/.dotx whose styles to use")
    sub.add_argument("--paper", choices=["A4", "letter"], default="A4", help="paper size (default: A4)")
    sub.add_argument("--force", action="store_true", help="replace an existing output file")
    library_option(sub)


def _library_source(args: argparse.Namespace) -> Path:
    """A resolution number the library holds, as the file it was mined from."""
    from drafter.errors import UsageError
    from drafter.library import store

    library = store.load(Path(args.library)) if Path(args.library).is_dir() else None
    entry = library.source(args.source) if library else None
    if entry is None or not store.source_path(library, entry).exists():
        raise UsageError(f"{args.source}: no such file, and not a resolution the library holds",
                         hint="give a resolution file, or a number listed by `drafter clauses list`")
    return store.source_path(library, entry)


def _run_render(args: argparse.Namespace) -> int:
    from drafter.assemble.run import FORMATS, render
    from drafter.errors import UsageError
    from drafter.ingest import read_resolution
    from drafter.output import write_atomic

    source = Path(args.source)
    if not source.exists():
        source = _library_source(args)
    resolution = read_resolution(source)
    data = render(resolution, args.format, args.reference, args.paper)
    if args.output == "-":
        if args.format == "docx":
            raise UsageError("a DOCX cannot go to stdout", hint="give -o FILE.docx")
        sys.stdout.write(data.decode("utf-8"))
        return 0
    name = args.source.replace("/", "-") if source != Path(args.source) else source.stem
    output = Path(args.output) if args.output else Path(name + FORMATS[args.format])
    write_atomic(output, data, force=args.force)
    print(f"wrote {output}")
    return 0
