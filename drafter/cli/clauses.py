"""`drafter clauses`: browse the families of the clause library."""

from __future__ import annotations

import argparse
import json
import sys

from drafter.cli.common import command, help_when_bare, library_option


def add_clauses(commands, help_text: str) -> None:
    sub = commands.add_parser("clauses", help=help_text,
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
    listing.add_argument("--json", action="store_true", help="print the families as JSON (streamed)")
    library_option(listing)
    show = command(actions, "show", "show one family, its variants and sources",
                    "Show a family: its parameters, and each variant filled as in its first source.", "",
                    _run_clauses_show)
    show.add_argument("id", metavar="ID")
    library_option(show)
    search = command(actions, "search", "find families by their words (ranked), with their text",
                      "Rank the families by the words of TEXT (bm25: rarer words count more, the words\n"
                      "as a phrase count again; 'remittance' finds 'remittances'), and show each one's\n"
                      "wording as in its latest source.",
                      "examples:\n  drafter clauses search remittances\n"
                      "  drafter clauses search --kind preambular cost of remittances\n\n"
                      "exit status: 0 found, 1 nothing matches.", _run_clauses_search)
    search.add_argument("text", nargs="+", metavar="TEXT")
    search.add_argument("--kind", choices=["preambular", "operative"], help="only this kind")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N families (default: 20)")
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

    library = _load_library(args)
    if args.json:
        _stream_json(browse.family_summary(f) for f in library.iter_families(args.kind))
    else:
        for line in browse.list_lines(library, args.kind):
            print(line)
    return 0


def _stream_json(items) -> None:
    """A JSON array written item by item: a library of any size, in constant memory."""
    sys.stdout.write("[")
    for count, item in enumerate(items):
        sys.stdout.write(",\n" if count else "\n")
        sys.stdout.write(json.dumps(item, ensure_ascii=False, indent=2))
    sys.stdout.write("\n]\n")


def _run_clauses_show(args: argparse.Namespace) -> int:
    from drafter.library import browse

    library = _load_library(args)
    print("\n".join(browse.show_lines(library, browse.get(library, args.id))))
    return 0


def _run_clauses_search(args: argparse.Namespace) -> int:
    from drafter.library import browse

    lines = browse.search_lines(_load_library(args), " ".join(args.text), args.kind, args.limit)
    print("\n".join(lines) if lines else "no clause matches")
    return 0 if lines else 1


def _run_clauses_history(args: argparse.Namespace) -> int:
    from drafter.library import browse

    library = _load_library(args)
    print("\n".join(browse.history_lines(library, browse.get(library, args.id))))
    return 0
