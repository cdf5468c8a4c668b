"""Gather and read the sources of a mine: files and folders in, parsed resolutions out."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from drafter.ingest import parse_bytes
from drafter.ingest.detect import read_bytes
from drafter.library.model import SourceEntry
from drafter.model import Resolution

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


def read_sources(paths: list[Path], library_dir: Path, on_each: Callable[[], None] = lambda: None
                 ) -> tuple[list[tuple[Resolution, SourceEntry]], list[str]]:
    """Parse every source. A file that is not a resolution stops the mine (the library must not
    silently miss a source the user named); warnings are collected for the summary. A resolution
    given twice (a reissue beside the original: the same number) is read once, from the first
    file; parts published apart ("77/292 B") have numbers of their own and are all read."""
    read: list[tuple[Resolution, SourceEntry]] = []
    warnings: list[str] = []
    seen: dict[str, str] = {}
    for path in paths:
        shown = display_path(path)
        data = read_bytes(path)
        resolution = parse_bytes(data, shown)
        on_each()
        if resolution.number in seen:
            warnings.append(f"{shown}: resolution {resolution.number} already read from "
                            f"{seen[resolution.number]}; this copy is skipped")
            continue
        seen[resolution.number] = shown
        warnings += [f"{shown}: {w}" for w in resolution.warnings]
        read.append((resolution, _entry(resolution, recorded_path(path, library_dir), data)))
    return read, warnings


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
