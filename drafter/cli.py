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
from pathlib import Path
from collections.abc import Callable, Sequence

from drafter import __version__
from drafter.errors import DrafterError

EPILOG = """\
examples, the usual day:
  drafter new --session 60 --base 58/208             next session's draft from 58/208, asking as it goes
  drafter new --session 60 --base 58/208 --redline   the same, as Word tracked changes against 58/208
  drafter clauses search remaining in one's country  find a clause in the library
  drafter mine seeds/ more-resolutions/              grow the clause library
  drafter parse --json seeds/001_dc7a3f17028d8240.txt  see how drafter reads a resolution

Formats are recognised from the content, never the file name: Akoma Ntoso XML, PDF text layers,
word-processor exports and plain text. Exit status: 0 done, 1 a library/answers/output problem,
2 bad input or usage, 130 interrupted. `drafter COMMAND --help` explains each command.
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
    _add_mine(commands)
    _add_library(commands)
    _add_clauses(commands)
    _add_new(commands)
    _add_render(commands)
    return parser


def _command(commands, name: str, help_text: str, description: str, epilog: str,
             run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=help_text, description=description, epilog=epilog,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.set_defaults(run=run)
    return sub


def _help_when_bare(parser: argparse.ArgumentParser) -> None:
    """`drafter clauses` alone shows what `clauses` can do, and exits 2 like any usage error."""
    parser.set_defaults(run=lambda _args: parser.print_help() or 2)


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


DEFAULT_LIBRARY = "clause_library"


def _library_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--library", metavar="DIR", default=DEFAULT_LIBRARY,
                     help=f"the clause library folder (default: {DEFAULT_LIBRARY})")


def _add_mine(commands) -> None:
    sub = _command(
        commands, "mine", "mine resolutions into the clause library",
        "Parse every SOURCE (a resolution file, or a folder searched for .txt and .xml files), group\n"
        "their paragraphs into clause families, and write the library: one YAML file per family and a\n"
        "manifest with the library version and the sources (number, path, sha256).\n\n"
        "Mining the same sources again changes no byte. Adding a source bumps the version of the\n"
        "families it changes and of the library. A variant no source supports any more is marked\n"
        "deprecated, never deleted. Names, descriptions, tags, preferred variants and parameter\n"
        "descriptions you edit in the YAML survive a new mine. A mine that fails or is interrupted\n"
        "leaves the previous library as it was.",
        "examples:\n"
        "  drafter mine seeds/                                the library shipped in clause_library/\n"
        "  drafter mine seeds/ ../shared/corpus/unga-akn/80 --library /tmp/lib",
        _run_mine)
    sub.add_argument("sources", nargs="+", metavar="SOURCE", help="resolution files or folders")
    _library_option(sub)


def _run_mine(args: argparse.Namespace) -> int:
    from drafter.library.api import mine_sources

    for line in mine_sources(args.sources, args.library):
        print(line)
    return 0


def _add_library(commands) -> None:
    sub = commands.add_parser("library", help="check the clause library's files",
                              description="Commands on the library as files.")
    _help_when_bare(sub)
    actions = sub.add_subparsers(title="actions", metavar="ACTION")
    check = _command(
        actions, "check", "validate every library file",
        "Validate library.yaml and every family file against the library format's JSON Schema\n"
        "(shipped with drafter). Each problem is printed as file:line: what is wrong.",
        "exit status: 0 when the library is sound, 1 when it has problems.",
        _run_library_check)
    check.add_argument("directory", nargs="?", default=DEFAULT_LIBRARY, metavar="DIR",
                       help=f"the library folder (default: {DEFAULT_LIBRARY})")


def _run_library_check(args: argparse.Namespace) -> int:
    from drafter.library import store

    problems = store.check(args.directory)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}", file=sys.stderr)
        return 1
    print(f"{args.directory}: library is sound")
    return 0


def _add_clauses(commands) -> None:
    sub = commands.add_parser("clauses", help="browse the clause library",
                              description="Browse the families of clauses in the library.",
                              epilog="examples:\n"
                                     "  drafter clauses list --kind operative\n"
                                     "  drafter clauses show op-takes-note-report-secretary-general\n"
                                     "  drafter clauses search remaining in one's country\n"
                                     "  drafter clauses history op-decides-include-provisional-agenda-session-sub",
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    _help_when_bare(sub)
    actions = sub.add_subparsers(title="actions", metavar="ACTION")
    listing = _command(actions, "list", "list the families", "List the families of the library.", "",
                       _run_clauses_list)
    listing.add_argument("--kind", choices=["preambular", "operative"], help="only this kind")
    listing.add_argument("--json", action="store_true", help="print the families as JSON")
    _library_option(listing)
    show = _command(actions, "show", "show one family, its variants and sources",
                    "Show a family: its parameters, and each variant filled as in its first source.", "",
                    _run_clauses_show)
    show.add_argument("id", metavar="ID")
    _library_option(show)
    search = _command(actions, "search", "find families by their words (ranked)",
                      "Rank the families by the words of TEXT (rarer words count more).", "",
                      _run_clauses_search)
    search.add_argument("text", nargs="+", metavar="TEXT")
    _library_option(search)
    history = _command(actions, "history", "a family through the years, with word diffs",
                       "Every source of a family in date order, with a word diff ([-old-]{+new+})\n"
                       "against the wording before it.", "", _run_clauses_history)
    history.add_argument("id", metavar="ID")
    _library_option(history)


def _load_library(args: argparse.Namespace):
    from drafter.library import store

    return store.load(args.library)


def _run_clauses_list(args: argparse.Namespace) -> int:
    from drafter.library import browse

    items = browse.families(_load_library(args), args.kind)
    if args.json:
        json.dump([browse.family_summary(f) for f in items], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print("\n".join(browse.list_lines(items)))
    return 0


def _run_clauses_show(args: argparse.Namespace) -> int:
    from drafter.library import browse

    library = _load_library(args)
    print("\n".join(browse.show_lines(library, browse.get(library, args.id))))
    return 0


def _run_clauses_search(args: argparse.Namespace) -> int:
    from drafter.library import browse

    library = _load_library(args)
    found = browse.search(library, " ".join(args.text))
    for score, family in found:
        print(f"{score:7.2f}  {family.id}")
    return 0 if found else 1


def _run_clauses_history(args: argparse.Namespace) -> int:
    from drafter.library import browse

    library = _load_library(args)
    print("\n".join(browse.history_lines(library, browse.get(library, args.id))))
    return 0


def _add_new(commands) -> None:
    sub = _command(
        commands, "new", "assemble next session's draft from a base resolution",
        "Start from BASE (a resolution in the library, or the file of any resolution) and make the\n"
        "draft for session N: sessions moved with the same distance, the base added to the list of its\n"
        "series that it recalls, the heading for the new session, and the report symbol and the other\n"
        "values nobody can know asked for (or left as visible placeholders with --no-input).\n\n"
        "At the terminal you go clause by clause: keep (Enter), choose another wording of the clause,\n"
        "edit a value, drop it; add a clause found in the library, or move one; then a summary.\n"
        "Every run writes OUTPUT.answers.yaml beside the draft; --answers replays it.",
        "examples:\n"
        "  drafter new --session 60 --base 58/208\n"
        "  drafter new --session 60 --base 58/208 --no-input --format text\n"
        "  drafter new --session 61 --base 58/208 --answers draft-60.docx.answers.yaml --no-input\n"
        "  drafter new --session 76 --base ../shared/corpus/unga-akn/75/75_100_E.xml --no-input\n\n"
        "exit status: 0 written, 1 a library/answers/output problem, 2 bad input or usage,\n"
        "130 interrupted (nothing is written).",
        _run_new)
    sub.add_argument("--session", type=int, required=True, metavar="N", help="the session the draft is for")
    sub.add_argument("--base", required=True, metavar="BASE",
                     help="a resolution number in the library (58/208) or a resolution file")
    _library_option(sub)
    sub.add_argument("--answers", metavar="FILE", type=Path, help="pre-fill every question from this answers file")
    sub.add_argument("--no-input", action="store_true", help="ask nothing; unknown values stay as placeholders")
    sub.add_argument("--output", "-o", metavar="FILE", type=Path,
                     help="where to write the draft (default: draft-N-<title> in this folder)")
    sub.add_argument("--format", choices=["docx", "text", "akn"], default="docx", help="default: docx")
    sub.add_argument("--reference", metavar="FILE", type=Path, help="a .docx/.dotx whose styles the draft takes")
    sub.add_argument("--paper", choices=["A4", "letter"], default="A4", help="paper size (default: A4)")
    sub.add_argument("--force", action="store_true", help="replace an existing output file")
    sub.add_argument("--redline", nargs="?", const="tracked", choices=["tracked", "marked"],
                     help="write the draft against its base: Word tracked changes (default), or "
                          "'marked': new text bold, deleted text struck through (DOCX only)")


def _run_new(args: argparse.Namespace) -> int:
    from drafter.assemble import run
    from drafter.errors import UsageError

    if args.redline and args.format != "docx":
        raise UsageError("--redline writes Word tracked changes: use it with --format docx")
    if args.session < 1 or args.session > 999:
        raise UsageError(f"--session {args.session}: a session is a number from 1 to 999")
    choose = None
    if not args.no_input:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError("no terminal to ask questions on",
                             hint="add --no-input (and --answers FILE to give the answers)")
        from drafter.assemble.prompts import choose
    draft, library = run.new_draft(args.library, args.base, args.session, answers_path=args.answers,
                                   choose=choose)
    output = args.output or run.default_output(draft, args.format)
    result = run.write(draft, library, output, args.format, args.force, args.reference, args.paper,
                       args.redline)
    print(f"wrote {result.output} ({len(result.resolution.preamble)} preambular, "
          f"{len(result.resolution.operative)} operative paragraphs) and {result.answers}")
    to_fill = draft.to_fill()
    if to_fill:
        print("still to fill:")
        print("\n".join(f"  {item}" for item in to_fill))
    to_confirm = draft.to_confirm()
    if to_confirm:
        print("facts to confirm:")
        print("\n".join(f"  {item}" for item in to_confirm))
    return 0


def _add_render(commands) -> None:
    sub = _command(
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
    _library_option(sub)


def _library_source(args: argparse.Namespace) -> Path:
    """A resolution number the library holds, as the file it was mined from."""
    from drafter.errors import UsageError
    from drafter.library import store

    entry = store.load(Path(args.library)).source(args.source) if Path(args.library).is_dir() else None
    if entry is None or not Path(entry.path).exists():
        raise UsageError(f"{args.source}: no such file, and not a resolution the library holds",
                         hint="give a resolution file, or a number listed by `drafter clauses list`")
    return Path(entry.path)


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
