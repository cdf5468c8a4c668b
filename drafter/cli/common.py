"""What every command module shares: how a command is declared, and the library option."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def command(commands, name: str, help_text: str, description: str, epilog: str,
            run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    sub = commands.add_parser(name, help=help_text, description=description, epilog=epilog,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    sub.set_defaults(run=run)
    return sub


def help_when_bare(parser: argparse.ArgumentParser) -> None:
    """`drafter clauses` alone shows what `clauses` can do, and exits 2 like any usage error."""
    parser.set_defaults(run=lambda _args: parser.print_help() or 2)


DEFAULT_LIBRARY = "clause_library"


def library_option(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("--library", metavar="DIR", default=DEFAULT_LIBRARY,
                     help=f"the clause library folder (default: {DEFAULT_LIBRARY})")
