"""The command line: flags -> API calls, and the one place that turns errors into exit codes.

Each command lives in a module of its own (parse, mine, clauses, new, update, render); this one
builds the parser and runs the chosen command. Only the module of the command named is imported
(its arguments are all a run needs), so `drafter --version` or `drafter new` pays for no other.

Exit codes scripts can trust:
    0  done
    1  a user error (library, answers, output) — the message says what to do
    2  bad input or bad usage (a file that is not a resolution, a wrong flag)
  130  interrupted (Ctrl-C); nothing half-written is left behind
"""

from __future__ import annotations

import argparse
import gc
import re
import sys
from collections.abc import Sequence
from importlib import import_module

from drafter import __version__
from drafter.cli.common import resolve_library
from drafter.errors import DrafterError, Stopped

EPILOG = """\
examples, the usual day:
  drafter new --session 60 --base 58/208             next session's draft from 58/208, asking as it goes
  drafter new --session 60 --base 58/208 --redline   the same, as Word tracked changes against 58/208
  drafter update draft-60-international-....docx     the same draft again, against a newer library
  drafter clauses search remaining in one's country  find a clause in the library
  drafter mine seeds/ more-resolutions/              grow the clause library
  drafter parse --json seeds/001_dc7a3f17028d8240.txt  see how drafter reads a resolution
  drafter library where                              which clause library is in use, and why

Formats are recognised from the content, never the file name: PDF, Word (DOCX; .doc, .odt and
.rtf through LibreOffice), Akoma Ntoso XML, PDF text layers, word-processor exports and plain
text. Exit status: 0 done, 1 a library/answers/output problem, 2 bad input or usage,
130 interrupted. `drafter COMMAND --help` explains each command.
"""


# Each command: the module that declares it (drafter/cli/MODULE.py, function add_COMMAND), and
# the line `drafter --help` lists it with, given to that function as the command's help.
COMMANDS = {
    "parse": ("parse", "read resolutions and print their structure"),
    "mine": ("mine", "mine resolutions into the clause library"),
    "library": ("mine", "check the library's files, remove sources, say which library is in use"),
    "clauses": ("clauses", "browse the clause library"),
    "new": ("new", "assemble next session's draft from a base resolution"),
    "update": ("update", "make a draft again against a newer library, keeping every choice"),
    "render": ("render", "render a resolution as DOCX, PDF, Akoma Ntoso or text"),
}

# A resolution number, and a part's letter the shell split from it: `--base 77/292 B` unquoted.
_NUMBER = re.compile(r"^(?:A/RES/)?\d+/\d+$")
_PART_LETTER = re.compile(r"^[A-Z]$")


def run() -> int:
    """The `drafter` program (its console script and `python -m drafter`): `main`, then the
    process ends. What the command made stays until then, and Python's collector would walk all
    of it once more at exit (4% of `drafter new`'s instructions) only to free what the exit frees
    anyway; frozen, it is left alone. Nothing is left unfinished: every output is written whole and
    closed, and exit handlers still run. (Not in `main`, which a program may call many times.)"""
    code = main()
    gc.freeze()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    split = _split_part(argv)
    if split:
        print(f"drafter: error: {split.replace(' ', ' then ')} are one resolution, a part with its letter: "
              f"quote them as one word, '{split}'", file=sys.stderr)
        return 2
    parser = build_parser(_named(argv))
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        resolve_library(args)
        return args.run(args)
    except Stopped as stopped:
        print(f"drafter: {stopped}", file=sys.stderr)
        return stopped.exit_code
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


def _split_part(argv: list[str]) -> str | None:
    """'77/292 B' when the command line has "77/292" then "B" as two words, else None."""
    for number, letter in zip(argv, argv[1:]):
        if _NUMBER.match(number) and _PART_LETTER.match(letter):
            return f"{number} {letter}"
    return None


def _named(argv: list[str]) -> str | None:
    """The command the command line names: its first word that is no option (drafter's own
    options take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(named: str | None) -> argparse.ArgumentParser:
    """The parser, with every argument of the command `named`; the others only listed, which is
    all a run of `named` (or `drafter --help`) needs of them."""
    parser = argparse.ArgumentParser(
        prog="drafter",
        description="A drafting assistant for United Nations resolutions: read past resolutions, "
                    "mine their clauses into a versioned library, and assemble next session's draft.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"drafter {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, (module, help_text) in COMMANDS.items():
        if name == named:
            getattr(import_module(f"drafter.cli.{module}"), f"add_{name}")(commands, help_text)
        else:
            commands.add_parser(name, help=help_text)
    return parser
