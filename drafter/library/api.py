"""What `drafter mine` and `drafter library remove` do, as calls: read, mine, write, summarise.

Each holds the library's writer lock from reading the library to swapping the new one in, so two
writers never lose each other's work: the second waits, then builds on what the first wrote.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

from drafter.errors import LibraryError, ParseError
from drafter.library import store
from drafter.library.lock import writing
from drafter.library.mine import Summary, mine, recurated
from drafter.library.model import Library
from drafter.library.sources import expand, read_sources


def mine_sources(sources: list[str], library_dir: str | Path, rebuild: bool = False) -> list[str]:
    """Mine `sources` into the library at `library_dir`, keeping its other sources (all of them
    replaced by exactly these when `rebuild`); returns the summary lines to print."""
    paths = expand(sources)
    if not paths:
        raise ParseError("no resolution files found", " ".join(map(str, sources)),
                         hint="give .txt or .xml files, or folders holding them")
    directory = Path(library_dir)
    created = not directory.exists()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(f"cannot make the library folder: {error.strerror or error}", directory,
                           hint="give --library a folder you can write") from None
    try:
        with writing(directory):
            previous, curated = _previous(directory, rebuild)
            with _workers(len(paths) + (len(previous.sources) if previous else 0)) as pool, _uncollected():
                read, warnings = read_sources(paths, directory, _bar(len(paths), "reading"), pool)
                library, summary = mine(read, previous, keep=not rebuild)
                if curated is not None:
                    library, note = _given_back(library, curated, directory)
                    warnings.insert(0, note)
                store.save(library, directory, pool)
    except BaseException:
        if created and directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()            # a first mine that failed leaves nothing behind
        raise
    return _report(warnings + summary.warnings, summary, library, directory)


@contextmanager
def _uncollected():
    """Python's cyclic collector paused for the mine. What a mine makes (the sources read, the
    library mined) lives until it ends and holds no cycles to free, but each full collection
    walks all of it: half a gigabyte for the corpus, 14 times, 4.4 s of a 31 s mine, freeing
    nothing. (Memory is still freed as it always is, when the last reference goes.)"""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


WORKERS_FROM = 50                        # sources: below, forking workers costs more than they give


def _workers(sources: int):
    """The mine's worker processes, for a mine of enough sources (read or kept) to gain from them,
    on a machine with cores to spare: forked now, while this process is small (drafter.library.workers
    says why), they read the sources and then write the family files."""
    from contextlib import nullcontext

    from drafter.library import workers

    if sources < WORKERS_FROM or workers.cores() < 2 or not workers.can_fork():
        return nullcontext(None)
    return workers.Workers(min(workers.cores(), 8))


def _previous(directory: Path, rebuild: bool) -> tuple[Library | None, dict | None]:
    """The library a mine carries on from, or, for a rebuild of a library in an older format, none
    (what an older drafter wrote means something else now) and what a person curated in its files
    (`store.curated_in`), to give back to the families mined afresh."""
    if not store.exists(directory):
        return None, None
    if rebuild and store.is_older_format(directory):
        return None, store.curated_in(directory)
    return store.load(directory), None


def _given_back(library: Library, curated: dict, directory: Path) -> tuple[Library, str]:
    """The rebuilt library with its curated fields back, and a warning saying what came back."""
    library, carried, gone = recurated(library, curated)
    note = (f"{directory} was in an older library format: mined afresh; the names, descriptions, tags, "
            f"preferred variants and parameter descriptions curated in its files were given back by id "
            f"({carried} {'family' if carried == 1 else 'families'} changed)")
    if gone:
        shown = ", ".join(gone[:5]) + (f" and {len(gone) - 5} more" if len(gone) > 5 else "")
        note += (f"; {len(gone)} curated {'family is' if len(gone) == 1 else 'families are'} no longer mined "
                 f"({shown}): restore what they held from your version control")
    return library, note


def remove_sources(numbers: list[str], library_dir: str | Path) -> list[str]:
    """Take resolutions out of the library: the wordings only they supported become deprecated."""
    directory = Path(library_dir)
    if not store.exists(directory):
        raise LibraryError("no clause library here (no library.yaml)", directory,
                           hint="give the library folder with --library DIR")
    with writing(directory):
        previous = store.load(directory)
        for number in numbers:
            if previous.source(number) is None:
                raise LibraryError(f"no resolution {number} in the library", directory,
                                   hint=_close_numbers(previous, number))
        with _workers(len(previous.sources)) as pool, _uncollected():
            library, summary = mine([], previous, drop=frozenset(numbers))
            store.save(library, directory, pool)
    return _report([], summary, library, directory)


def _close_numbers(library: Library, number: str) -> str:
    close = [s.number for s in library.sources if s.number.startswith(number.split(" ")[0])][:5]
    return f"did you mean {', '.join(close)}?" if close else "`drafter clauses list` shows what it holds"


def _bar(total: int, description: str):
    """A progress bar on a terminal, once the work has taken a second; nothing in a pipe or a log."""
    if not sys.stderr.isatty():
        return lambda: None
    from tqdm import tqdm

    return tqdm(total=total, desc=description, unit=" files", file=sys.stderr, delay=1, leave=False).update


def _report(warnings: list[str], summary: Summary, library: Library, directory: Path) -> list[str]:
    lines = [f"warning: {w}" for w in warnings[:20]]
    if len(warnings) > 20:
        lines.append(f"... and {len(warnings) - 20} more warnings")
    return lines + summary.lines(library.version) + [f"written to {directory}"]
