"""`drafter new`: next session's draft from a base resolution."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.assemble.edits import KINDS
from drafter.cli.common import command, library_option


def add_new(commands) -> None:
    sub = command(
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
                     help="a resolution the library holds, by number (58/208, 77/292 B) or symbol "
                          "(A/RES/58/208), or a resolution file (a file that exists wins)")
    library_option(sub)
    sub.add_argument("--answers", metavar="FILE", type=Path, help="pre-fill every question from this answers file")
    sub.add_argument("--no-input", action="store_true", help="ask nothing; unknown values stay as placeholders")
    sub.add_argument("--output", "-o", metavar="FILE", type=Path,
                     help="where to write the draft (default: draft-N-<title> in this folder)")
    sub.add_argument("--format", choices=["docx", "pdf", "text", "akn"], default="docx",
                     help="default: docx (pdf: the DOCX printed by LibreOffice, which must be installed)")
    sub.add_argument("--reference", metavar="FILE", type=Path, help="a .docx/.dotx whose styles the draft takes")
    sub.add_argument("--paper", choices=["A4", "letter"], default="A4", help="paper size (default: A4)")
    sub.add_argument("--force", action="store_true",
                     help="replace an existing output file; draft even when --session does not follow "
                          "the base's (its own session or before, or over 10 sessions after)")
    sub.add_argument("--no-edit", action="append", default=[], metavar="KIND", choices=KINDS,
                     help="do not make this kind of automatic edit (repeatable): " + ", ".join(KINDS))
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
                                   choose=choose, check_base=lambda base: _confirm_session(base, args),
                                   refused=args.no_edit)
    for warning in draft.base.warnings:
        print(f"drafter: warning: {warning}", file=sys.stderr)
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


def _confirm_session(base, args: argparse.Namespace) -> None:
    """A session that does not follow the base's is asked about at the terminal, refused with
    --no-input, and let through with --force (drafter/assemble/session_check.py)."""
    from drafter.assemble.session_check import session_problem
    from drafter.errors import DrafterError, UsageError

    problem = session_problem(base, args.session)
    if problem is None:
        return
    if args.force:
        print(f"drafter: warning: {problem}", file=sys.stderr)
    elif args.no_input:
        raise UsageError(problem, hint="check --session and --base, or add --force to draft it anyway")
    else:
        from drafter.assemble.prompts import confirm

        if not confirm(f"{problem}. Draft it anyway?"):
            raise DrafterError("not drafted: check --session and --base")
