"""`drafter parse`: read resolutions and print their structure or their model."""

from __future__ import annotations

import argparse
import json
import sys

from drafter.cli.common import command
from drafter.errors import DrafterError


def add_parse(commands, help_text: str) -> None:
    sub = command(
        commands, "parse", help_text,
        "Read each FILE as a resolution and print its structure: number, title, body, session, every\n"
        "preambular and operative paragraph with its lead (the italic opening words, shown in\n"
        "[brackets]), sub-paragraphs, footnotes (^12 where the marker stands) and the adoption.",
        "examples:\n"
        "  drafter parse seeds/001_dc7a3f17028d8240.txt\n"
        "  drafter parse --json seeds/*.txt | jq '.[].number'\n"
        "  drafter parse A_RES_58_208.pdf last-year.docx\n\n"
        "--json prints one object for one file and a list for several; warnings (what the source\n"
        "lost, such as footnote texts) go to stderr. Exit status 2 if any file cannot be read.",
        _run_parse)
    sub.add_argument("files", nargs="+", metavar="FILE", help="a resolution: PDF, Word (.docx; .doc, .odt through LibreOffice), text or Akoma Ntoso XML")
    sub.add_argument("--json", action="store_true", help="print the model as JSON")


def _run_parse(args: argparse.Namespace) -> int:
    from drafter.ingest import read_resolution
    from drafter.outline import outline

    models = []
    failed = False
    for path in args.files:
        try:
            resolution = read_resolution(path)
        except DrafterError as error:
            print(f"drafter: error: {error}", file=sys.stderr)
            failed = True
            continue
        for warning in resolution.warnings:
            print(f"drafter: warning: {path}: {warning}", file=sys.stderr)
        models.append(resolution)
        if not args.json:
            sys.stdout.write(outline(resolution) + ("\n" if len(args.files) > 1 else ""))
    if args.json and models:
        data = [m.to_dict() for m in models]
        json.dump(data[0] if len(args.files) == 1 else data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 2 if failed else 0
