"""Finding the clause library, a resolution in it, and the file that resolution was mined from.

Every command takes its library from `find`, in this order (the first that applies wins):

1. `--library DIR`;
2. `$DRAFTER_LIBRARY`;
3. `./clause_library`, when the folder holds a library (a clone, or a library of one's own);
4. the library bundled with drafter (package data; drafter/shipped.py).

The bundled library may sit in a read-only site-packages and is replaced by every upgrade: it is
read, never mined into, and whatever is derived from a library (an index) goes in `cache_dir`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from drafter import __version__, cache, shipped, symbols
from drafter.errors import LibraryError, UsageError
from drafter.library import store
from drafter.library.model import Library, SourceEntry
from drafter.library.store import MANIFEST
from drafter.records import dataclass

ENVIRONMENT = "DRAFTER_LIBRARY"
HERE = Path(shipped.LIBRARY)

OPTION, VARIABLE, CURRENT_FOLDER, BUNDLED = "--library", f"${ENVIRONMENT}", f"./{HERE}", "bundled"


@dataclass(frozen=True)
class Located:
    path: Path
    chosen_by: str            # OPTION | VARIABLE | CURRENT_FOLDER | BUNDLED

    @property
    def bundled(self) -> bool:
        return self.chosen_by == BUNDLED

    def why(self) -> str:
        return {
            OPTION: "given with --library",
            VARIABLE: f"set by ${ENVIRONMENT}",
            CURRENT_FOLDER: "found in the current folder",
            BUNDLED: f"the library bundled with drafter (no --library, no ${ENVIRONMENT}, "
                     f"no ./{HERE} here)",
        }[self.chosen_by]


def find(option: str | Path | None = None, environ: os._Environ | dict | None = None) -> Located:
    """The library to use, and what chose it."""
    environ = os.environ if environ is None else environ
    if option:
        return Located(Path(option).expanduser(), OPTION)
    if environ.get(ENVIRONMENT):
        return Located(Path(environ[ENVIRONMENT]).expanduser(), VARIABLE)
    if (HERE / MANIFEST).is_file():
        return Located(HERE, CURRENT_FOLDER)
    bundled = shipped.path(shipped.LIBRARY)
    if not (bundled / MANIFEST).is_file():
        raise LibraryError("this installation of drafter has lost its bundled clause library", bundled,
                           hint=f"pass --library DIR or set ${ENVIRONMENT}, or reinstall drafter")
    return Located(bundled, BUNDLED)


def for_reading(located: Located) -> Path:
    """The folder to read; a folder without a library is one error that says what chose it."""
    if not store.exists(located.path):
        undo = "unset it or point it at a library" if located.chosen_by == VARIABLE else "check the path"
        raise LibraryError(f"no clause library here (no {MANIFEST}); {located.why()}", located.path,
                           hint=f"{undo}, or make one with `drafter mine SOURCE... --library DIR`")
    return located.path


def for_writing(located: Located) -> Path:
    """The folder to mine into; the bundled library is refused."""
    if located.bundled:
        # It may sit in a read-only site-packages, and every upgrade replaces it.
        raise LibraryError("the bundled library is drafter's own copy, never mined into", located.path,
                           hint=f"mine into your own: --library DIR (new or existing) or ${ENVIRONMENT}")
    return located.path


def report(located: Located) -> dict:
    """What `drafter library where` says: the folder, what chose it, and what it holds."""
    problems, manifest = store.check_file(located.path / MANIFEST, "manifest") \
        if (located.path / MANIFEST).is_file() else ([], {})
    return {
        "path": str(located.path.resolve()),
        "chosen_by": located.chosen_by,
        "why": located.why(),
        "bundled": located.bundled,
        "exists": bool(manifest),
        "problem": str(problems[0]) if problems else None,
        "version": manifest.get("version"),
        "resolutions": len(manifest.get("sources", [])),
        "families": len(manifest.get("families", [])),
        "drafter": __version__,
    }


def report_lines(report: dict) -> list[str]:
    lines = [report["path"], f"  {report['why']}"]
    if report["exists"]:
        lines.append(f"  library version {report['version']}: {report['resolutions']} resolutions, "
                     f"{report['families']} families of clauses")
    else:
        lines.append(f"  {report['problem'] or 'no clause library here yet (no library.yaml)'}")
    if report["bundled"]:
        lines.append(f"  drafter's own copy, never mined into: to mine, give --library DIR "
                     f"or set ${ENVIRONMENT}")
    return lines


def cache_dir(library: Path) -> Path:
    """Where files derived from `library` (an index) go, since its own folder may be read-only:
    $XDG_CACHE_HOME/drafter/<folder name>-<hash of its absolute path>, or ~/.cache/... Not created."""
    root = cache.root()
    absolute = Path(library).resolve()
    key = hashlib.sha256(os.fsencode(absolute)).hexdigest()[:16]
    return root / f"{absolute.name}-{key}"


def source(library: Library, text: str) -> SourceEntry:
    """The resolution `text` names (a number or a symbol) among the library's sources; the error
    suggests the nearest numbers the library holds."""
    number = symbols.resolution_number(text)
    if number is None:
        raise not_a_resolution(text)
    by_symbol = [s for s in library.sources if s.symbol and symbols.resolution_number(s.symbol) == number]
    by_number = [s for s in library.sources if s.number == number]
    if by_symbol or by_number:
        return (by_symbol or by_number)[0]
    raise UsageError(_not_held(number, library))


def not_a_resolution(text: str) -> UsageError:
    if Path(text).is_dir():
        return UsageError("is a folder, not a resolution file", text, hint="name one file in it")
    return UsageError("no such file, and not a resolution number (58/208) or symbol (A/RES/58/208)", text)


def _not_held(number: str, library: Library) -> str:
    known = [number_of(s) for s in library.sources]
    close = symbols.nearest(number, known)
    if close:
        return f"no resolution {number} in the library; did you mean {' or '.join(close)}?"
    shown = ", ".join(known[:8]) + (", ..." if len(known) > 8 else "")
    return f"no resolution {number} in the library (it holds {shown or 'none'})"


def number_of(entry: SourceEntry) -> str:
    """The number as the symbol writes it, which keeps the part letter (77/292 B)."""
    return (symbols.resolution_number(entry.symbol) if entry.symbol else None) or entry.number


def source_path(library: Library, entry: SourceEntry) -> Path | None:
    """The file `entry` was mined from, if it is there unchanged (its sha256), else None. Manifest
    paths are relative to the library folder (drafter.library.store.source_path), so a library moves
    (or is bundled) with its sources beside it; older manifests name them from the folder
    `drafter mine` ran in, which for the shipped library is the library's parent."""
    for path in _candidates(library, entry):
        if path.is_file() and (not entry.sha256 or _sha256(path) == entry.sha256):
            return path
    return None


def _candidates(library: Library, entry: SourceEntry) -> tuple[Path, ...]:
    found = store.source_path(library, entry)
    if library.directory is None:
        return (found,)
    return found, Path(library.directory).parent / entry.path, Path(entry.path)


def source_file(library: Library, entry: SourceEntry) -> Path:
    """As `source_path`, for a command that cannot do without the file: an error says why."""
    found = source_path(library, entry)
    if found is None:
        there = any(path.is_file() for path in _candidates(library, entry))
        state = "has changed since" if there else "is not there"
        raise LibraryError(f"{entry.number} was mined from {entry.path}, which {state}", library.directory,
                           hint="keep a library's sources where its library.yaml says, or mine them again")
    return found


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
