"""How a draft ends its paragraphs against how its base ends them, for tests/test_punctuation.py
and benchmarks/bench_punctuation.py.

A resolution drafted from itself, for its own session, keeps its clauses in their order; whatever
punctuation by position then changes, it changes against the UN's own text. Only the last mark of
each ending is compared (the text of the paragraph, of each sub-paragraph, of closing words), so
the other automatic edits, which change words, do not count.
"""

from __future__ import annotations

from pathlib import Path

from drafter.assemble.base import load_base
from drafter.assemble.compose import to_resolution
from drafter.assemble.draft import start
from drafter.library.model import Library
from drafter.model import Resolution

MARKS = ",;.:"


def endings(resolution: Resolution) -> list[tuple[str, str]]:
    """(where, mark) for every ending of every preambular and operative paragraph, in order."""
    out: list[tuple[str, str]] = []
    for index, (kind, paragraph) in enumerate(resolution.all_paragraphs()):
        _endings(paragraph, f"{kind} paragraph {index + 1} ({paragraph.text[:40]}…)", out)
    return out


def _endings(item, where: str, out: list[tuple[str, str]]) -> None:
    out.append((where, _mark(item.text)))
    for sub in item.subparagraphs:
        _endings(sub, f"{where} ({sub.label})", out)
    if item.wrap_up:
        out.append((f"{where}, closing words", _mark(item.wrap_up)))


def _mark(text: str) -> str:
    last = text.rstrip()[-1:]
    return last if last in MARKS else ""


def drafted_from_itself(library: Library, path: Path) -> tuple[Resolution, Resolution]:
    base = load_base(library, str(path))
    return base.resolution, to_resolution(start(library, base, base.session or 1))


def changed_endings(library: Library, path: Path) -> list[str]:
    """The endings a draft of `path` from itself gives otherwise than `path` does."""
    base, draft = drafted_from_itself(library, path)
    before, after = endings(base), endings(draft)
    assert len(before) == len(after), f"{path.name}: {len(before)} endings, the draft has {len(after)}"
    return [f"{where}: {old or 'none'} -> {new or 'none'}"
            for (where, old), (_, new) in zip(before, after) if old != new]
