"""`drafter update`: a draft made again from its answers against the library as it is now."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from drafter.cli.common import command, library_option
from drafter.errors import LibraryError, OutputError, Stopped, UsageError

SUFFIX = ".answers.yaml"
FORMATS = {".docx": "docx", ".pdf": "pdf", ".txt": "text", ".xml": "akn"}
SUFFIXES = {fmt: suffix for suffix, fmt in FORMATS.items()}
NAMES = {"docx": "Word", "pdf": "PDF", "text": "text", "akn": "Akoma Ntoso XML"}


def add_update(commands, help_text: str) -> None:
    sub = command(
        commands, "update", help_text,
        "The analogue of `copier update`. DRAFT is a file `drafter new` wrote (or its .answers.yaml):\n"
        "its answers are read, every choice is kept (wordings, values, drops, additions, heading),\n"
        "and the draft is made again with the library as it is now. What the library changed under\n"
        "those choices is reported and, at a terminal, asked about one by one: a new wording mined\n"
        "since, a wording the library now prefers, a wording in use that is deprecated; a wording\n"
        "that moved to another family (families split or merged) follows it there by itself.\n"
        "With --no-input every old choice is kept and the changes are listed.\n\n"
        "The draft is replaced where it is, with its answers, in its own format; a draft changed by\n"
        "hand since drafter wrote it (the answers keep its SHA-256) is not replaced without --force:\n"
        "write the update elsewhere with -o. A library older than the one the draft was made with is\n"
        "asked about (refused with --no-input, unless --force).",
        "examples:\n"
        "  drafter update draft-60-international-migration-and-development.docx\n"
        "  drafter update draft-60.txt --library /tmp/newer-library --no-input\n"
        "  drafter update draft-60.docx -o draft-60-updated.docx\n\n"
        "exit status: 0 written, 1 a library/answers/output problem (or you said no), 2 bad usage,\n"
        "130 interrupted.",
        _run_update)
    sub.add_argument("draft", metavar="DRAFT", type=Path, help="a draft drafter wrote, or its .answers.yaml")
    library_option(sub)
    sub.add_argument("--defaults", "--no-input", dest="no_input", action="store_true",
                     help="ask nothing: keep every old choice and list what the library changed")
    sub.add_argument("--output", "-o", metavar="FILE", type=Path, help="write the update here instead")
    sub.add_argument("--format", choices=["docx", "pdf", "text", "akn"],
                     help="default: the draft's own; another format needs -o FILE of that kind")
    sub.add_argument("--force", action="store_true",
                     help="replace a draft changed by hand since it was written; update against a library "
                          "older than the draft's")


def _run_update(args: argparse.Namespace) -> int:
    from drafter.assemble import answers, run, update
    from drafter.assemble.base import load_base
    from drafter.library import store

    draft_path, answers_path = _paths(args.draft)
    output = args.output or draft_path
    fmt = _format(args.format, draft_path, output)
    in_place = output.resolve() == draft_path.resolve()
    interactive = not args.no_input
    if interactive and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError("no terminal to ask questions on", hint="add --no-input to keep every old choice")
    data = answers.load(answers_path)
    if in_place:
        _check_not_edited(draft_path, data, args.force)
    library = store.load(Path(args.library))
    _check_not_older(data["library_version"], library.version, args)
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
        print(f"  {update.described(draft, found, change)}{': taken' if accepted else ''}")
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


def _format(asked: str | None, draft: Path, output: Path) -> str:
    """The format to write: the one the file to be replaced has (by its content), else the one the
    output's name says, else the draft's; --format may only repeat it, never put XML in a .txt."""
    found = _format_of(output) if output.is_file() else FORMATS.get(output.suffix.lower())
    if asked is not None and found is not None and asked != found:
        raise UsageError(f"{output}: is a {NAMES[found]} draft; --format {asked} would write {NAMES[asked]} into it",
                         hint=f"give -o FILE{SUFFIXES[asked]} to write the update as {NAMES[asked]}")
    fmt = asked or found or (_format_of(draft) if draft.is_file() else None)
    if fmt is None:
        raise UsageError(f"{output}: cannot tell the format from the name", hint="add --format docx|pdf|text|akn")
    return fmt


def _format_of(path: Path) -> str:
    """A draft's format by its first bytes, as drafter writes them."""
    with path.open("rb") as handle:
        head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK"):
        return "docx"
    if head.startswith(b"%PDF"):
        return "pdf"
    return "akn" if head.startswith(b"<") else "text"


def _check_not_edited(draft: Path, data: dict, force: bool) -> None:
    """The answers record the SHA-256 of the draft drafter wrote: any other content is someone's work."""
    from drafter.assemble.answers import checksum

    if force or not draft.exists():
        return
    recorded = (data.get("output") or {}).get("sha256")
    if recorded != checksum(draft.read_bytes()):
        why = "changed since drafter wrote it" if recorded else "its answers do not say what drafter wrote"
        raise OutputError(f"{why}; updating it in place could lose changes made by hand", draft,
                          hint="write the update elsewhere with -o FILE, or add --force to replace it")


def _check_not_older(made: str, now: str, args: argparse.Namespace) -> None:
    """A library older than the draft's would take back what the draft was made with: asked at the
    terminal, refused with --no-input, let through with --force."""
    if _version(now) >= _version(made):
        return
    problem = f"the library in use ({args.library}) is version {now}, older than {made}, which the draft was made with"
    if args.force:
        print(f"drafter: warning: {problem}", file=sys.stderr)
    elif args.no_input:
        raise LibraryError(problem, hint="give the newer library with --library, or add --force to update against this one")
    else:
        from drafter.assemble.prompts import confirm

        print(f"{problem[0].upper()}{problem[1:]}.")
        if not confirm("Update against it anyway?"):
            raise Stopped("not updated: the draft is as it was", hint="give the newer library with --library")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))
