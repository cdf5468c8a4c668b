"""`drafter mine` and `drafter library`: grow the clause library and check its files."""

from __future__ import annotations

import argparse
import json
import sys

from drafter.cli.common import command, help_when_bare, library_option


def add_mine(commands, help_text: str) -> None:
    sub = command(
        commands, "mine", help_text,
        "Parse every SOURCE (a resolution file, or a folder searched for .txt, .xml, .pdf and Word\n"
        "files), group their paragraphs into clause families, and write the library: one YAML file\n"
        "per family, a manifest with the library version and the sources (number, path, sha256), and\n"
        "the index that makes search and drafting fast (in your cache, rebuilt by itself, never to edit).\n\n"
        "Mining adds: the sources the library already holds stay, and a source read again replaces\n"
        "its earlier reading (`drafter library remove NUMBER` takes one out; --rebuild keeps exactly\n"
        "the SOURCEs given). Mining the same sources again changes no byte. Adding a source bumps\n"
        "the version of the families it changes and of the library. A variant no source supports any\n"
        "more is marked deprecated, never deleted. Names, descriptions, tags, preferred variants and\n"
        "parameter descriptions you edit in the YAML survive a new mine, and a --rebuild of a library\n"
        "of an older format gives them back by family id. A mine that fails or is interrupted\n"
        "leaves the previous library as it was; a second mine into the same library waits for the\n"
        "first, then adds to what it wrote.",
        "examples:\n"
        "  drafter mine seeds/                                the library shipped in clause_library/\n"
        "  drafter mine ../shared/corpus/unga-akn --library big   the General Assembly, sessions 75-80\n"
        "  drafter mine --rebuild seeds/ --library big          back to exactly the seeds\n\n"
        "The library bundled with drafter is never mined into: give --library DIR (a new folder\n"
        "starts a new library) or set $DRAFTER_LIBRARY.",
        _run_mine)
    sub.add_argument("sources", nargs="+", metavar="SOURCE", help="resolution files or folders")
    sub.add_argument("--rebuild", action="store_true",
                     help="keep exactly these sources: the library's others are taken out (deprecated)")
    library_option(sub, use="mine")


def _run_mine(args: argparse.Namespace) -> int:
    from drafter.library.api import mine_sources

    _print(mine_sources(args.sources, args.library, rebuild=args.rebuild))
    return 0


def _print(lines: list[str]) -> None:
    """The summary on stdout, warnings on stderr (a script reads the one, a person both)."""
    for line in lines:
        print(line, file=sys.stderr if line.startswith(("warning:", "... and")) else sys.stdout)


def add_library(commands, help_text: str) -> None:
    sub = commands.add_parser("library", help=help_text, description="Commands on the library as files.")
    help_when_bare(sub)
    actions = sub.add_subparsers(title="actions", metavar="ACTION")
    check = command(
        actions, "check", "validate every library file",
        "Validate library.yaml and every family file against the library format's JSON Schema\n"
        "(shipped with drafter) and the grammar of clause templates. Each problem is printed as\n"
        "file:line: what is wrong. The library is DIR, or --library DIR as for every other\n"
        "command (either; DIR wins), or else the one in use (`drafter library where`).",
        "exit status: 0 when the library is sound, 1 when it has problems.",
        _run_library_check)
    check.add_argument("directory", nargs="?", metavar="DIR",
                       help="the library folder (default: the one in use, see `drafter library where`)")
    library_option(check, use="report")
    where = command(
        actions, "where", "say which library is in use, and why",
        "Print the folder of the clause library the other commands would use, what chose it, and\n"
        "its version. The order: --library DIR, then $DRAFTER_LIBRARY, then ./clause_library if\n"
        "the current folder has one, then the library bundled with drafter.",
        "exit status: 0 when a library is there, 1 when the chosen folder holds none.",
        _run_library_where)
    where.add_argument("--json", action="store_true", help="print it as JSON, for scripts")
    library_option(where, use="report")
    remove = command(
        actions, "remove", "take resolutions out of the library",
        "Take each NUMBER out of the library's sources. Its clauses leave their families; a wording\n"
        "no remaining source supports is marked deprecated (never deleted), like a family none\n"
        "supports. Versions are bumped as by a mine.",
        "examples:\n  drafter library remove 52/189\n  drafter library remove \"77/292 B\" --library big",
        _run_library_remove)
    remove.add_argument("numbers", nargs="+", metavar="NUMBER", help="resolution numbers, as the library lists them")
    library_option(remove, use="mine")


def _run_library_remove(args: argparse.Namespace) -> int:
    from drafter.library.api import remove_sources

    _print(remove_sources(args.numbers, args.library))
    return 0


def _run_library_check(args: argparse.Namespace) -> int:
    from drafter.library import store

    directory = args.directory or args.library
    problems = store.check(directory)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return 1
    print(f"{directory}: library is sound")
    return 0


def _run_library_where(args: argparse.Namespace) -> int:
    from drafter.library import locate

    report = locate.report(args.located)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(locate.report_lines(report)))
    return 0 if report["exists"] else 1
