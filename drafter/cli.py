"""The command line: flags -> API calls, and the one place that turns errors into exit codes.

Exit codes scripts can trust:
    0  done
    1  a user error (library, answers, output) — the message says what to do
    2  bad input or bad usage (a file that is not a resolution, a wrong flag)
  130  interrupted (Ctrl-C); nothing half-written is left behind
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence

from drafter import __version__
from drafter.errors import DrafterError

EPILOG = """\
examples:
  drafter parse seeds/001_dc7a3f17028d8240.txt          readable outline of 58/208
  drafter parse --json seeds/*.txt > seeds.json          the model of all five seeds as JSON
  drafter parse ../shared/corpus/unga-akn/75/75_100_E.xml  the UN's own Akoma Ntoso XML

Formats are recognised from the content, never the file name: Akoma Ntoso XML, PDF text layers,
word-processor exports and plain text. Errors name the file (and line) and exit with status 2.
"""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return args.run(args)
    except DrafterError as error:
        print(f"drafter: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("drafter: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `drafter parse ... | head`: the reader left; that is not an error of ours.
        sys.stderr.close()
        return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="drafter",
        description="A drafting assistant for United Nations resolutions: read past resolutions, "
                    "mine their clauses into a versioned library, and assemble next session's draft.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_parse(commands)
    return parser


def _command(commands, name: str, help_text: str, description: str, epilog: str,
             run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=help_text, description=description, epilog=epilog,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.set_defaults(run=run)
    return sub


def _add_parse(commands) -> None:
    sub = _command(
        commands, "parse", "read resolutions and print their structure",
        "Read each FILE as a resolution and print its structure: number, title, body, session, every\n"
        "preambular and operative paragraph with its lead (the italic opening words, shown in\n"
        "[brackets]), sub-paragraphs, footnotes (^12 where the marker stands) and the adoption.",
        "examples:\n"
        "  drafter parse seeds/001_dc7a3f17028d8240.txt\n"
        "  drafter parse --json seeds/*.txt | jq '.[].number'\n\n"
        "--json prints one object for one file and a list for several; warnings (what the source\n"
        "lost, such as footnote texts) go to stderr. Exit status 2 if any file cannot be read.",
        _run_parse)
    sub.add_argument("files", nargs="+", metavar="FILE", help="a resolution: text or Akoma Ntoso XML")
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
