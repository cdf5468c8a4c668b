"""Gather and read the sources of a mine: files and folders in, manifest entries and clauses out."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from drafter.errors import DrafterError
from drafter.ingest import parse_bytes
from drafter.ingest.detect import read_bytes
from drafter.library.clauses import Clause, clauses_of
from drafter.library.model import SourceEntry
from drafter.library.workers import Workers
from drafter.model import Resolution
from drafter.records import dataclass

SUFFIXES = (".txt", ".xml", ".akn", ".pdf", ".docx", ".doc", ".odt", ".rtf")


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders searched recursively for resolution files (text, XML, PDF, Word), in
    sorted order."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            out.append(path)
    return out


def display_path(path: Path) -> str:
    """Relative to the current folder where it can be, so a library records portable paths."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def recorded_path(source: Path, library_dir: Path) -> str:
    """How the manifest names a source: relative to the library when the source lies beside it
    (under the folder that holds the library, as seeds/ beside clause_library/), so the two can
    move together; any other source by its absolute path, so the library can move alone."""
    source, library_dir = Path(source).absolute(), Path(library_dir).absolute()
    if library_dir.parent in source.parents:
        return os.path.relpath(source, library_dir).replace(os.sep, "/")
    return str(source)


def read_sources(paths: list[Path], library_dir: Path, on_each: Callable[[], None] = lambda: None,
                 pool: Workers | None = None) -> tuple[list[tuple[SourceEntry, list[Clause]]], list[str]]:
    """Parse every source into its manifest entry and its clauses, in the worker processes of
    `pool` where given (parsing and finding slots are each source's own business). A file that
    is not a resolution stops the mine (the library must not silently miss a source the user named);
    warnings are collected for the summary. A resolution given twice (a reissue beside the
    original: the same number) is read once, from the first file; parts published apart ("77/292
    B") have numbers of their own and are all read."""
    jobs = [(str(p), display_path(p), recorded_path(p, library_dir)) for p in paths]
    read: list[tuple[SourceEntry, list[Clause]]] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for shown, outcome in zip((j[1] for j in jobs), _map(_read_one, jobs, pool)):
        on_each()
        if isinstance(outcome, _Failure):
            raise outcome.error()
        entry, clauses, notes = outcome
        if entry.number in seen:
            warnings.append(f"{shown}: resolution {entry.number} already read from {seen[entry.number]}; "
                            f"this copy is skipped")
            continue
        seen[entry.number] = shown
        warnings += [f"{shown}: {w}" for w in notes]
        read.append((entry, clauses))
    return read, warnings


def _read_one(job: tuple[str, str, str]):
    path, shown, recorded = job
    try:
        data = read_bytes(Path(path))
        resolution = own_number(parse_bytes(data, shown))
    except DrafterError as error:
        return _Failure(type(error), error.message, error.path, error.line, error.hint)
    return _entry(resolution, recorded, data), clauses_of(resolution), list(resolution.warnings)


_ONE_PART = re.compile(r"^(?P<number>.+) (?P<part>[A-Z]{1,2})$")


def own_number(resolution: Resolution) -> Resolution:
    """A part published on its own ("A/RES/77/292 B") is a resolution of its own: its number
    keeps the part letter its symbol carries, whatever number a reader gave it ("77/292"), so it
    never passes for a second copy of 77/292. A file holding several parts ("A/RES/75/101 A-B")
    keeps its number; its parts are told apart inside it."""
    from drafter import symbols

    number = symbols.resolution_number(resolution.symbol) if resolution.symbol else None
    match = _ONE_PART.match(number or "")
    if match and not resolution.parts and match["number"] == resolution.number:
        return replace(resolution, number=number)
    return resolution


@dataclass(frozen=True)
class _Failure:
    """An error met in a worker process, carried back whole (an exception's pickle keeps only its
    message, not the file and line it names)."""

    kind: type
    message: str
    path: str | None
    line: int | None
    hint: str | None

    def error(self) -> DrafterError:
        return self.kind(self.message, self.path, self.line, self.hint)


def _map(function, jobs: list, pool):
    """`map`, over the mine's worker processes when it has them and there are enough jobs to gain."""
    if pool is None or len(jobs) < 50:
        return map(function, jobs)
    return pool.map(function, jobs, ahead=16)


def _entry(resolution: Resolution, recorded: str, data: bytes) -> SourceEntry:
    return SourceEntry(
        number=resolution.number,
        path=recorded,
        sha256=hashlib.sha256(data).hexdigest(),
        body=resolution.body,
        session=resolution.session,
        title=resolution.title,
        symbol=resolution.symbol,
        adopted=resolution.adopted.date if resolution.adopted else None,
        format=resolution.source.format if resolution.source else "unknown",
        origin=resolution.masthead.origin if resolution.masthead else None,
        agenda_item=resolution.masthead.agenda_item if resolution.masthead else None,
    )
