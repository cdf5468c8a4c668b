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


LIBRARY_HELP = ("the clause library folder (default: $DRAFTER_LIBRARY, else ./clause_library if "
                "there is one, else the library bundled with drafter; `drafter library where` says which)")


def library_option(sub: argparse.ArgumentParser, *, use: str = "read") -> None:
    """--library DIR; `resolve_library` turns it into the folder to use before the command runs.
    `use`: "read" (it must hold a library), "mine" (it may be new; never the bundled one) or
    "report" (taken as found: `library where`, and `render`, which needs one only for a number)."""
    sub.add_argument("--library", metavar="DIR", help=LIBRARY_HELP)
    sub.set_defaults(library_use=use)


def resolve_library(args: argparse.Namespace) -> None:
    """args.library becomes the library folder (drafter/library/locate.py), args.located says why."""
    if "library_use" not in vars(args):
        return
    from drafter.library import locate

    args.located = locate.find(args.library)
    use = {"read": locate.for_reading, "mine": locate.for_writing, "report": lambda found: found.path}
    args.library = use[args.library_use](args.located)


def check_reference(reference) -> None:
    """A --reference that is missing or not Word stops the command at once, before it asks or
    drafts anything (the styles are read once: the renderer reuses them)."""
    if reference is not None:
        from drafter.render import package

        package.load(reference)
