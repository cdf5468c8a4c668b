"""`drafter update`: a draft made again from its answers against the library as it is now."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.cli.common import command, library_option
from drafter.errors import OutputError, UsageError

SUFFIX = ".answers.yaml"
FORMATS = {".docx": "docx", ".txt": "text", ".xml": "akn"}


def add_update(commands) -> None:
    sub = command(
        commands, "update", "make a draft again against a newer library, keeping every choice",
        "The analogue of `copier update`. DRAFT is a file `drafter new` wrote (or its .answers.yaml):\n"
        "its answers are read, every choice is kept (wordings, values, drops, additions, heading),\n"
        "and the draft is made again with the library as it is now. What the library changed under\n"
        "those choices is reported and, at a terminal, asked about one by one: a new wording mined\n"
        "since, a wording the library now prefers, a wording in use that is deprecated; a wording\n"
        "that moved to another family (families split or merged) follows it there by itself.\n"
        "With --no-input every old choice is kept and the changes are listed.\n\n"
        "The draft is replaced where it is, with its answers; a draft changed by hand since drafter\n"
        "wrote it is not replaced without --force (or write the update elsewhere with -o).",
        "examples:\n"
        "  drafter update draft-60-international-migration-and-development.docx\n"
        "  drafter update draft-60.txt --library /tmp/newer-library --no-input\n"
        "  drafter update draft-60.docx -o draft-60-updated.docx\n\n"
        "exit status: 0 written, 1 a library/answers/output problem, 2 bad usage, 130 interrupted.",
        _run_update)
    sub.add_argument("draft", metavar="DRAFT", type=Path, help="a draft drafter wrote, or its .answers.yaml")
    library_option(sub)
    sub.add_argument("--defaults", "--no-input", dest="no_input", action="store_true",
                     help="ask nothing: keep every old choice and list what the library changed")
    sub.add_argument("--output", "-o", metavar="FILE", type=Path, help="write the update here instead")
    sub.add_argument("--format", choices=["docx", "text", "akn"],
                     help="default: the draft's own (from its name: .docx, .txt, .xml)")
    sub.add_argument("--force", action="store_true", help="replace a draft changed by hand since it was written")


def _run_update(args: argparse.Namespace) -> int:
    from drafter.assemble import answers, run, update
    from drafter.assemble.base import load_base
    from drafter.library import store

    draft_path, answers_path = _paths(args.draft)
    output = args.output or draft_path
    fmt = args.format or FORMATS.get(output.suffix.lower())
    if fmt is None:
        raise UsageError(f"{output}: cannot tell the format from the name", hint="add --format docx|text|akn")
    in_place = output.resolve() == draft_path.resolve()
    if in_place:
        _check_not_edited(draft_path, answers_path, args.force)
    interactive = not args.no_input
    if interactive and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("no terminal to ask questions on", hint="add --no-input to keep every old choice")
    library = store.load(Path(args.library))
    data = answers.load(answers_path)
    base = load_base(library, data["base"])
    found = update.changes(data, library)
    draft = answers.apply(update.prepared(data, found), library, base, answers_path)
    print(f"{answers_path}: made with library {data['library_version']}, now {library.version}")
    taken = 0
    for change in found:
        accepted = False
        if interactive and change in update.questions_of(found):
            from drafter.assemble.prompts import offer
            accepted = offer(draft, library, update.position_in(found, change), change)
        if accepted:
            draft = update.take(draft, library, update.position_in(found, change), change.offered)
            taken += 1
        print(f"  {change.what}{': taken' if accepted else ''}")
    if not found:
        print("  nothing in the library changed under these choices")
    result = run.write(draft, library, output, fmt, args.force or in_place, replace_answers=True)
    kept = len(found) - taken
    print(f"wrote {result.output} and {result.answers} ({len(found)} change{'s' if len(found) != 1 else ''}"
          f" in the library: {taken} taken, {kept} old choice{'s' if kept != 1 else ''} kept)")
    return 0


def _paths(given: Path) -> tuple[Path, Path]:
    if given.name.endswith(SUFFIX):
        draft, answers = given.with_name(given.name[:-len(SUFFIX)]), given
    else:
        draft, answers = given, given.with_name(given.name + SUFFIX)
    if not answers.is_file():
        raise UsageError(f"{answers}: no answers file beside the draft",
                         hint="drafter update needs the .answers.yaml that `drafter new` wrote with it")
    return draft, answers


def _check_not_edited(draft: Path, answers: Path, force: bool) -> None:
    """drafter writes a draft, then its answers: a draft newer than its answers was changed since."""
    if force or not draft.exists():
        return
    if draft.stat().st_mtime > answers.stat().st_mtime + 1:
        raise OutputError("changed since drafter wrote it; updating would lose those changes", draft,
                          hint="add --force to replace it, or write the update elsewhere with -o FILE")
