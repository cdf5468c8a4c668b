"""`drafter clauses`: browse the families of the clause library."""

from __future__ import annotations

import argparse
import json
import sys

from drafter.cli.common import command, help_when_bare, library_option


def add_clauses(commands) -> None:
    sub = commands.add_parser("clauses", help="browse the clause library",
                              description="Browse the families of clauses in the library.",
                              epilog="examples:\n"
                                     "  drafter clauses list --kind operative\n"
                                     "  drafter clauses show op-takes-note-report-secretary-general\n"
                                     "  drafter clauses search remaining in one's country\n"
                                     "  drafter clauses history op-decides-include-provisional-agenda-session-sub",
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    help_when_bare(sub)
    actions = sub.add_subparsers(title="actions", metavar="ACTION")
    listing = command(actions, "list", "list the families", "List the families of the library.", "",
                       _run_clauses_list)
    listing.add_argument("--kind", choices=["preambular", "operative"], help="only this kind")
    listing.add_argument("--json", action="store_true", help="print the families as JSON")
    library_option(listing)
    show = command(actions, "show", "show one family, its variants and sources",
                    "Show a family: its parameters, and each variant filled as in its first source.", "",
                    _run_clauses_show)
    show.add_argument("id", metavar="ID")
    library_option(show)
    search = command(actions, "search", "find families by their words (ranked)",
                      "Rank the families by the words of TEXT (rarer words count more).", "",
                      _run_clauses_search)
    search.add_argument("text", nargs="+", metavar="TEXT")
    library_option(search)
    history = command(actions, "history", "a family through the years, with word diffs",
                       "Every source of a family in date order, with a word diff ([-old-]{+new+})\n"
                       "against the wording before it.", "", _run_clauses_history)
    history.add_argument("id", metavar="ID")
    library_option(history)


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
