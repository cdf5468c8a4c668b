"""`drafter new`: next session's draft from a base resolution."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from drafter.assemble.edits import KINDS
from drafter.cli.common import check_reference, command, library_option
from drafter.errors import Stopped, UsageError


def add_new(commands, help_text: str) -> None:
    sub = command(
        commands, "new", help_text,
        "Start from BASE (a resolution in the library, or the file of any resolution) and make the\n"
        "draft for session N: sessions moved with the same distance, the base added to the list of its\n"
        "series that it recalls, the heading for the new session, and the report symbol and the other\n"
        "values nobody can know asked for (or left as visible placeholders with --no-input).\n\n"
        "At the terminal you go clause by clause: keep (Enter), choose another wording of the clause,\n"
        "edit a value, drop it (and undo); add a clause found in the library, or move one; then a\n"
        "summary of every choice, and nothing is written until you say yes. A default is shown in\n"
        "[brackets]: Enter keeps it, typing replaces it; every value is checked as you type it.\n\n"
        "Every run writes OUTPUT.answers.yaml beside the draft; --answers replays it, or carries its\n"
        "choices into another session. Declining at the summary saves the answers to resume from.\n"
        "Values can also be given with --data KEY=VALUE (heading: symbol, agenda_item, sponsor;\n"
        "a clause's value: FAMILY.NAME). Precedence: --data, then --answers, then the defaults.",
        "examples:\n"
        "  drafter new --session 60 --base 58/208\n"
        "  drafter new --session 60 --base 58/208 --no-input --format text\n"
        "  drafter new --session 61 --base 58/208 --answers draft-60.docx.answers.yaml --no-input\n"
        "  drafter new --session 60 --base 58/208 --defaults --data symbol=A/C.2/60/L.12 \\\n"
        "      --data sponsor=\"Qatar (on behalf of the Group of 77 and China)\"\n"
        "  drafter new --session 76 --base ../shared/corpus/unga-akn/75/75_100_E.xml --no-input\n"
        "  drafter new --session 60 --base 58/208 --no-input --format text -o - | less\n\n"
        "exit status: 0 written, 1 a library/answers/output problem (or you said no at the summary:\n"
        "nothing is written but the answers), 2 bad input or usage, 130 interrupted (nothing is written).",
        _run_new)
    sub.add_argument("--session", type=int, required=True, metavar="N", help="the session the draft is for")
    sub.add_argument("--base", required=True, metavar="BASE",
                     help="a resolution the library holds, by number (58/208, 77/292 B) or symbol "
                          "(A/RES/58/208), or a resolution file (a file that exists wins)")
    library_option(sub)
    sub.add_argument("--answers", metavar="FILE", type=Path,
                     help="pre-fill every question from this answers file (of this session or another)")
    sub.add_argument("--data", metavar="KEY=VALUE", action="append", default=[],
                     help="give a value (repeatable): symbol, agenda_item, sponsor, or FAMILY.NAME")
    sub.add_argument("--defaults", "--no-input", dest="no_input", action="store_true",
                     help="ask nothing and take every default; unknown values stay as placeholders")
    sub.add_argument("--output", "-o", metavar="FILE", type=Path,
                     help="where to write the draft (default: draft-N-<title> in this folder); - for "
                          "stdout (text and akn only; no answers file is written then)")
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
    from drafter.assemble import given, questions, run

    if args.redline and args.format != "docx":
        raise UsageError("--redline writes Word tracked changes: use it with --format docx")
    if _streams(args) and args.format in ("docx", "pdf"):
        raise UsageError(f"a {args.format.upper()} draft cannot go to stdout", hint=f"give -o FILE.{args.format}")
    check_reference(args.reference)
    if args.session < 1 or args.session > 999:
        raise UsageError(f"--session {args.session}: a session is a number from 1 to 999")
    data = given.pairs(args.data)
    notes: list[str] = []
    choose = None
    if not args.no_input:
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError("no terminal to ask questions on",
                             hint="add --no-input (or --defaults), with --answers FILE or --data KEY=VALUE to give the answers")
        choose = _interactive(args, frozenset(key for key, _ in data if key in given.HEADING), notes)
    draft, library = run.new_draft(args.library, args.base, args.session, answers_path=args.answers,
                                   choose=choose, check_base=lambda base: _confirm_session(base, args),
                                   refused=args.no_edit, data=data, notes=notes)
    for warning in draft.base.warnings:
        print(f"drafter: warning: {warning}", file=sys.stderr)
    output = _output(args, draft)
    report = sys.stderr if output is None else sys.stdout        # stdout carries the draft itself
    if choose is None:
        _check_free(args, output)
        _print_notes(notes, report)
    if output is None:
        text, resolution = run.rendered(draft, args.format, args.reference, args.paper)
        sys.stdout.write(text.decode("utf-8"))
        sys.stdout.flush()
        done = f"drafted ({_counts(resolution)}) to stdout; with -o - no answers file is written (give -o FILE to keep them)"
    else:
        result = run.write(draft, library, output, args.format, args.force, args.reference, args.paper,
                           args.redline, replace_answers=_resumes(args, output))
        done = f"wrote {result.output} ({_counts(result.resolution)}) and {result.answers}"
    print(done, file=report)
    _print_list("still to fill:", questions.still_to_fill(draft), report)        # as the summary names them
    _print_list("facts to confirm:", questions.facts_to_confirm(draft), report)
    return 0


def _streams(args: argparse.Namespace) -> bool:
    return args.output is not None and str(args.output) == "-"


def _output(args: argparse.Namespace, draft) -> Path | None:
    """Where the draft goes: -o FILE, else a name made from its title; None for stdout (-o -)."""
    from drafter.assemble.run import default_output

    if _streams(args):
        return None
    return args.output or default_output(draft, args.format)


def _counts(resolution) -> str:
    kinds = Counter(kind for kind, _ in resolution.all_paragraphs())        # parts and sections too
    return f"{kinds['preambular']} preambular, {kinds['operative']} operative paragraphs"


def _interactive(args: argparse.Namespace, fixed: frozenset[str], notes: list[str]):
    """The terminal flow, with the output checked before anything is asked and the answers kept
    if the drafter declines at the summary."""
    from drafter.assemble import answers, prompts, run
    from drafter.assemble.draft import start
    from drafter.assemble.questions import Declined

    def choose(draft, library):
        output = _output(args, draft)
        _check_free(args, output)
        _print_notes(notes)
        answers_path = None if output is None else run.answers_path_for(output)
        try:
            return prompts.choose(draft, library, start(library, draft.base, draft.session, draft.refused),
                                  output, answers_path, fixed)
        except Declined as declined:
            if answers_path is None:
                raise Stopped("not written: you declined at the summary; with -o - no answers are kept",
                              hint="give -o FILE to keep them") from None
            # Checked free above (or it is the file being resumed): the choices are not lost.
            answers.save(declined.draft, library, answers_path, force=True)
            raise Stopped(f"not written: you declined at the summary; your choices are saved in {answers_path}",
                          hint=f"resume with: {_resume_command(answers_path)}") from None
    return choose


def _resume_command(answers_path: Path) -> str:
    """The command as it was typed, with --answers pointing at the saved answers."""
    import shlex

    argv, skip = [], False
    for word in sys.argv[1:]:
        if skip or word.startswith("--answers="):
            skip = False
            continue
        skip = word == "--answers"
        if not skip:
            argv.append(word)
    return shlex.join(["drafter", *argv, "--answers", str(answers_path)])


def _resumes(args: argparse.Namespace, output: Path) -> bool:
    """Is the answers file given the one beside the output (a declined draft taken up again)?"""
    from drafter.assemble.run import answers_path_for

    return args.answers is not None and Path(args.answers).resolve() == answers_path_for(output).resolve()


def _check_free(args: argparse.Namespace, output: Path | None) -> None:
    from drafter.assemble.run import answers_path_for
    from drafter.output import check_free

    if output is None:
        return
    check_free(output, args.force)
    check_free(answers_path_for(output), args.force or _resumes(args, output))


def _print_notes(notes: list[str], file=None) -> None:
    _print_list("carried from the answers, with what no longer applies:", notes, file)


def _print_list(title: str, items: list[str], file=None) -> None:
    if items:
        print(title, file=file)
        print("\n".join(f"  {item}" for item in items), file=file)


def _confirm_session(base, args: argparse.Namespace) -> None:
    """A session that does not follow the base's is asked about at the terminal, refused with
    --no-input, and let through with --force (drafter/assemble/session_check.py)."""
    from drafter.assemble.session_check import session_problem

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
            raise Stopped("not drafted: check --session and --base")
