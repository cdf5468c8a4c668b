"""The library on disk: YAML that diffs well, validated on the way in, swapped in whole on the way out.

    DIR/library.yaml              the manifest: format, version, credits, sources (number, path, sha256)
    DIR/families/<family-id>.yaml one file per family

Promises:
- writing the same Library twice gives the same bytes (key order fixed by the model, wrapping fixed);
- every file read is checked against the library format's JSON Schema (drafter/data); a problem is
  reported as `file:line: what is wrong`;
- `save` builds the new library in a temporary folder beside DIR and swaps it in with one atomic
  exchange of the two folders (Linux renameat2), so a mine that fails or is killed leaves the
  previous library exactly as it was. Where the exchange is not available it falls back to two
  renames, and `load` repairs the only state a kill between them can leave.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import LibraryError
from drafter.library.model import FORMAT_VERSION, Family, Library, SourceEntry
from drafter.library.validate import check_file

MANIFEST = "library.yaml"
FAMILIES = "families"


# libyaml's emitter when PyYAML has it (the wheels do): the same YAML, several times faster.
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):
    """Block style, no aliases: every file reads on its own."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


# --- reading ---------------------------------------------------------------------------------

def exists(directory: Path) -> bool:
    _recover(directory)
    return (directory / MANIFEST).is_file()


def load(directory: Path) -> Library:
    directory = Path(directory)
    _recover(directory)
    manifest_path = directory / MANIFEST
    if not manifest_path.is_file():
        raise LibraryError("no clause library here (no library.yaml)", directory,
                           hint="run `drafter mine SOURCE...` first, or pass --library DIR")
    manifest = _read(manifest_path, "manifest")
    if manifest.get("format") != FORMAT_VERSION:
        raise LibraryError(f"library format {manifest.get('format')} is not {FORMAT_VERSION}", manifest_path,
                           hint="mine the library again with this version of drafter")
    families = []
    for family_id in manifest["families"]:
        path = directory / FAMILIES / f"{family_id}.yaml"
        if not path.is_file():
            raise LibraryError(f"family {family_id} is listed but its file is missing", manifest_path)
        data = _read(path, "family")
        if data["id"] != family_id:
            raise LibraryError(f"file holds family {data['id']}, not {family_id}", path, 1)
        families.append(Family.from_dict(data))
    return Library(version=manifest["version"], sources=tuple(SourceEntry.from_dict(s) for s in manifest["sources"]),
                   families=tuple(families), format=manifest["format"], credits=tuple(manifest.get("credits") or ()))


def _read(path: Path, kind: str) -> dict[str, Any]:
    problems, data = check_file(path, kind)
    if problems:
        first = problems[0]
        raise LibraryError(first.message, first.path, first.line,
                           hint=f"run `drafter library check {path.parent}` for every problem")
    return data


def check(directory: Path) -> list[LibraryError]:
    """Every problem in the library at `directory`; `str()` of each is "file:line: message"."""
    directory = Path(directory)
    manifest_path = directory / MANIFEST
    if not manifest_path.is_file():
        return [LibraryError("missing: not a clause library", manifest_path, 1)]
    problems, manifest = check_file(manifest_path, "manifest")
    listed = set(manifest.get("families", [])) if manifest else set()
    folder = directory / FAMILIES
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    for path in files:
        file_problems, data = check_file(path, "family")
        problems += file_problems
        if data and data.get("id") != path.stem:
            problems.append(LibraryError(f"id {data.get('id')} does not match the file name", path, 1))
        if manifest and path.stem not in listed:
            problems.append(LibraryError(f"not listed in {MANIFEST}", path, 1))
    for family_id in sorted(listed - {p.stem for p in files}):
        problems.append(LibraryError(f"family {family_id} is listed but {FAMILIES}/{family_id}.yaml is missing",
                                     manifest_path, 1))
    return problems


# --- writing ---------------------------------------------------------------------------------

def render_files(library: Library) -> dict[str, str]:
    """Relative path -> file text, for the whole library."""
    files = {MANIFEST: dump_yaml(library.manifest())}
    for family in library.families:
        files[f"{FAMILIES}/{family.id}.yaml"] = dump_yaml(family.to_dict())
    return files


def save(library: Library, directory: Path) -> None:
    directory = Path(directory).absolute()
    directory.parent.mkdir(parents=True, exist_ok=True)
    _recover(directory)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.new-", dir=directory.parent))
    try:
        for relative, text in render_files(library).items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        _keep_other_files(directory, staging)
        _swap_in(staging, directory)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _keep_other_files(directory: Path, staging: Path) -> None:
    """A README or notes a person put in the library folder come along; mined files are replaced."""
    if not directory.is_dir():
        return
    for path in directory.iterdir():
        if path.name not in (MANIFEST, FAMILIES):
            target = staging / path.name
            if path.is_dir():
                shutil.copytree(path, target)
            else:
                shutil.copy2(path, target)


def _swap_in(staging: Path, directory: Path) -> None:
    if not directory.exists():
        os.rename(staging, directory)
        return
    if _exchange(staging, directory):
        return                           # staging now holds the old library; the caller removes it
    backup = directory.with_name(f".{directory.name}.old")
    shutil.rmtree(backup, ignore_errors=True)
    os.rename(directory, backup)
    os.rename(staging, directory)
    shutil.rmtree(backup, ignore_errors=True)


def _recover(directory: Path) -> None:
    """Undo a fallback swap that was cut between its two renames."""
    backup = Path(directory).absolute().with_name(f".{Path(directory).name}.old")
    if backup.is_dir() and not Path(directory).exists():
        os.rename(backup, directory)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
