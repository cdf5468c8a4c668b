"""What `drafter new` does, as calls: base + session -> draft -> choices -> rendered file + answers.

Answers are combined in one order: what drafter works out by itself, then the answers file, then
the drafter at the terminal. With --no-input the terminal is skipped, so the same answers give the
same file, byte for byte.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from drafter.assemble import answers, given, naming
from drafter.assemble.base import Base, load_base
from drafter.assemble.compose import compose
from drafter.assemble.draft import Draft, refuse, start
from drafter.library import store
from drafter.library.model import Library
from drafter.model import Resolution
from drafter.output import check_free, write_atomic
from drafter.records import dataclass

FORMATS = {"docx": ".docx", "pdf": ".pdf", "text": ".txt", "akn": ".xml"}


@dataclass
class Result:
    """What `drafter new` wrote: the draft, its answers file, and the resolution they print."""

    output: Path
    answers: Path
    draft: Draft
    resolution: Resolution


def default_output(draft: Draft, fmt: str) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", (draft.base.title or "draft").lower()).strip("-")[:60]
    return Path(f"draft-{draft.session}-{slug}{FORMATS[fmt]}")


def new_draft(library_dir: str | Path, base: str, session: int, *, answers_path: Path | None,
              choose: Callable[[Draft, Library], Draft] | None,
              check_base: Callable[[Base], None] | None = None,
              refused: Iterable[str] = (), data: list[tuple[str, str]] = (),
              notes: list[str] | None = None) -> tuple[Draft, Library]:
    """`check_base` sees the base before anything is asked, and may refuse it by raising."""
    library = store.load(Path(library_dir))
    return draft_from(library, base, session, answers_path=answers_path, choose=choose,
                      check_base=check_base, refused=refused, data=data, notes=notes), library


def draft_from(library: Library, base: str, session: int, *,
               answers_path: Path | None = None, choose: Callable[[Draft, Library], Draft] | None = None,
               check_base: Callable[[Base], None] | None = None, refused: Iterable[str] = (),
               data: list[tuple[str, str]] = (), notes: list[str] | None = None) -> Draft:
    """`new_draft` on a library already loaded (the fidelity benchmark drafts a thousand times).

    `data` (--data KEY=VALUE) wins over the answers file, which wins over what drafter works out;
    answers of another session are carried into this one, with what no longer applies in `notes`."""
    base_text = load_base(library, base)
    if check_base is not None:
        check_base(base_text)
    draft = start(library, base_text, session, frozenset(refused))
    if answers_path is not None:
        draft = answers.apply(answers.load(answers_path), library, base_text, answers_path, session, notes)
        for kind in refused:
            draft = refuse(draft, kind)
    draft = given.apply(draft, library, list(data))
    if choose is not None:
        draft = choose(draft, library)
    return draft


def render(resolution: Resolution, fmt: str, reference: Path | None = None, paper: str = "A4",
           base: Resolution | None = None, redline: str = "tracked") -> bytes:
    if fmt == "text":
        from drafter.render.text import render_text
        return render_text(resolution).encode("utf-8")
    if fmt in ("docx", "pdf"):
        from drafter.render.word import build
        data, warnings = build(resolution, reference=reference, paper=paper, base=base, redline=redline)
        for warning in warnings:
            print(f"drafter: warning: {warning}", file=sys.stderr)
        if fmt == "pdf":
            from drafter.render.pdf import to_pdf
            return to_pdf(data)
        return data
    from drafter.render.akn import render_akn
    return render_akn(resolution).encode("utf-8")


def rendered(draft: Draft, fmt: str, reference: Path | None = None, paper: str = "A4",
             redline: str | None = None) -> tuple[bytes, Resolution]:
    """The draft composed and rendered, not written anywhere (`new -o -` streams it). The draft is
    named from the same composition (the lists printed after writing name its clauses)."""
    composed = compose(draft)
    naming.names(draft, composed)
    resolution = composed.resolution
    base = base_resolution(draft) if redline else None
    return render(resolution, fmt, reference, paper, base, redline or "tracked"), resolution


def write(draft: Draft, library: Library, output: Path, fmt: str, force: bool,
          reference: Path | None = None, paper: str = "A4", redline: str | None = None,
          replace_answers: bool = False) -> Result:
    """`replace_answers`: the answers file beside the output is the one being resumed, so it may
    be replaced by the answers the draft is finally written with. The answers record the draft's
    SHA-256, so that `drafter update` can tell a draft changed by hand since."""
    answers_path = answers_path_for(output)
    check_free(output, force)
    check_free(answers_path, force or replace_answers)
    data, resolution = rendered(draft, fmt, reference, paper, redline)
    write_atomic(output, data, force=force)
    answers.save(draft, library, answers_path, force=force or replace_answers, written=(output.name, data))
    return Result(output, answers_path, draft, resolution)


def base_resolution(draft: Draft) -> Resolution:
    """The base as a redline shows it: as read from its file (for a base whose file the library
    lost, rebuilt from its records: drafter.assemble.base)."""
    return draft.base.resolution


def answers_path_for(output: Path) -> Path:
    return output.with_name(output.name + ".answers.yaml")
