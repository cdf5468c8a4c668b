"""The library on disk: YAML that diffs well, an index beside it, swapped in whole on the way out.

    DIR/library.yaml              the manifest: format, version, credits, sources (number, path, sha256)
    DIR/families/<family-id>.yaml one file per family
    the index                     derived from the two above, never edited (drafter.library.index),
                                  kept in the user's cache (`index_path`), never in DIR

Promises:
- writing the same Library twice gives the same YAML bytes (key order fixed by the model, wrapping
  fixed);
- a family file is validated (JSON Schema and template grammar, drafter.library.validate) when it
  is mined, by `check`, and when the index finds it changed; a problem is `file:line: what`;
- `load` reads only the manifest's bytes and the index: families come from the index one by one
  as they are asked for. An index that does not match the library is rebuilt first;
- a source's path is recorded relative to the library when the source lies beside it (under the
  folder that holds the library, as seeds/ beside clause_library/), so the two can move together;
  any other source by its absolute path, so the library can move alone;
- `save` builds the new library in a temporary folder beside DIR, and its index in the cache under
  a name of its own, then swaps the folder in with one atomic exchange (Linux renameat2), so a mine
  that fails or is killed leaves the previous library and its index exactly as they were. Where
  the exchange is not available it falls back to two renames, and `load` repairs the only state a
  kill between them can leave.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafter.errors import LibraryError
from drafter.library import emit, workers
from drafter.library import index as indexing
from drafter.library.lock import writing
from drafter.library.model import FORMAT_VERSION, Family, Library, SourceEntry
from drafter.library.validate import check_data, check_file, read_yaml

MANIFEST = "library.yaml"
FAMILIES = "families"


@lru_cache(maxsize=1)
def _dumper() -> type:
    """PyYAML's dumper as drafter writes YAML: libyaml's emitter when PyYAML has it (the wheels do),
    block style, no aliases (every file reads on its own). Made when first needed: drafter.library.emit
    writes most files without PyYAML."""
    import yaml

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return Dumper


def dump_yaml(data: Any) -> str:
    """Block-style YAML, 100 columns wide. Most files go through drafter.library.emit, which writes
    libyaml's very bytes several times faster; what it leaves (see there) goes to libyaml itself."""
    try:
        return emit.dump(data)
    except emit.Unusual:
        pass
    import yaml

    return yaml.dump(data, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


# --- reading ---------------------------------------------------------------------------------

def exists(directory: Path) -> bool:
    _recover(directory)
    return (Path(directory) / MANIFEST).is_file()


def load(directory: Path) -> Library:
    """The library at `directory`, read through its index (rebuilt first if it does not match)."""
    directory = Path(directory)
    _recover(directory)
    manifest_path = directory / MANIFEST
    if not manifest_path.is_file():
        raise LibraryError("no clause library here (no library.yaml)", directory,
                           hint="run `drafter mine SOURCE...` first, or pass --library DIR")
    data = manifest_path.read_bytes()
    check_format(data, manifest_path)
    index = _index(directory, hashlib.sha256(data).hexdigest())
    return Library(index.version, None, None, index.format, index.credits, index=index, directory=directory)


_FORMAT_LINE = re.compile(rb"^format: *(\d+) *$", re.M)


def format_of(data: bytes) -> int | None:
    """The format a manifest says it is in (its first line), None when it does not say."""
    match = _FORMAT_LINE.search(data[:200])
    return int(match.group(1)) if match else None


def is_older_format(directory: Path) -> bool:
    found = format_of((Path(directory) / MANIFEST).read_bytes())
    return found is not None and found < FORMAT_VERSION


def curated_in(directory: Path) -> dict[str, dict[str, Any]]:
    """What a person curated in the family files at `directory`, by family id, read as plain YAML
    whatever format the library is in (one this drafter cannot load, for a rebuild to give back):
    name, description, tags and preferred variant where set, and each parameter's description
    ("parameters": name -> text). A value of the wrong type is not taken; a file that cannot be
    read at all stops with its file and line, before anything is mined."""
    curated: dict[str, dict[str, Any]] = {}
    for path in sorted((Path(directory) / FAMILIES).glob("*.yaml")):
        try:
            _, data = read_yaml(path)
        except LibraryError as error:
            raise LibraryError(error.message, error.path, error.line,
                               hint="the rebuild gives back what this file holds: mend it, or remove it "
                                    "to let that go, and run the rebuild again") from None
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            continue
        fields: dict[str, Any] = {k: data[k] for k in ("name", "description", "preferred_variant")
                                  if isinstance(data.get(k), str)}
        tags = data.get("tags")
        if isinstance(tags, list) and tags and all(isinstance(t, str) for t in tags):
            fields["tags"] = tuple(tags)
        schema = data.get("schema")
        properties = schema.get("properties") if isinstance(schema, dict) else None
        described = {name: prop["description"] for name, prop in
                     (properties.items() if isinstance(properties, dict) else ())
                     if isinstance(prop, dict) and isinstance(prop.get("description"), str)}
        if described:
            fields["parameters"] = described
        if fields:
            curated[data["id"]] = fields
    return curated


def check_format(data: bytes, path: Path) -> None:
    """Refuse a library of another format before reading it (the first line says which)."""
    found = format_of(data)
    if found == FORMAT_VERSION or found is None:
        return
    if found > FORMAT_VERSION:
        raise LibraryError(f"this library is in format {found}, written by a newer drafter; this one reads "
                           f"format {FORMAT_VERSION}", path, 1, hint="upgrade drafter to use it")
    raise LibraryError(f"this library is in format {found}, older than this drafter's {FORMAT_VERSION}", path, 1,
                       hint="mine its sources again with `drafter mine --rebuild`")


def _index(directory: Path, manifest_sha256: str) -> indexing.Index:
    """The index of the library as it is now: the one in the cache if it matches, else a new one."""
    path = index_path(directory, manifest_sha256)
    try:
        return indexing.open_index(path, manifest_sha256, directory / FAMILIES)
    except indexing.Stale as stale:
        reusable = stale.index
    except indexing.Untrusted:
        reusable = None
    folder = path.parent
    unwritable = _unwritable(folder)
    if unwritable:
        return _index_in_memory(directory, folder, unwritable, reusable)
    with writing(folder):
        try:                             # another command may have built it while this one waited
            return indexing.open_index(path, manifest_sha256, directory / FAMILIES)
        except indexing.Stale as stale:
            reusable = stale.index
        except indexing.Untrusted:
            reusable = reusable or _latest_sound(folder)
        library, stamps, read_sha256 = _read_all(directory, reusable)
        indexing.build(index_path(directory, read_sha256), library, indexing.files_of(library, stamps),
                       read_sha256, _progress("indexing the library"))
    try:
        return indexing.open_index(path, manifest_sha256, directory / FAMILIES)
    except (indexing.Stale, indexing.Untrusted):
        raise LibraryError("the library changed while it was being indexed", directory,
                           hint="run the command again") from None


def _unwritable(folder: Path) -> str | None:
    """Why the index cannot be kept in `folder`, or None when it can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return error.strerror or str(error)
    return None if os.access(folder, os.W_OK | os.X_OK) else "permission denied"


_warned_unkept: set[Path] = set()


def _index_in_memory(directory: Path, folder: Path, why: str, reusable: indexing.Index | None) -> indexing.Index:
    """The index is derived data: a cache that cannot be written costs this command the time to
    build it in memory (and one warning), never the command itself."""
    _warn_unkept(folder, why, "building it for this command only")
    library, _, _ = _read_all(directory, reusable)
    if reusable is not None:
        reusable.close()
    return indexing.in_memory(library)


def _warn_unkept(folder: Path, why: str, instead: str) -> None:
    """One line, once per folder, for a cache that cannot be written."""
    if folder not in _warned_unkept:
        _warned_unkept.add(folder)
        print(f"drafter: warning: cannot keep the library's index in {folder} ({why}); {instead}: "
              f"set $XDG_CACHE_HOME to a folder you can write", file=sys.stderr, flush=True)


def index_path(directory: Path, manifest_sha256: str | None = None) -> Path:
    """Where the index of a library's manifest (as it is now, or of this sha256) is: in the cache
    (drafter.library.locate.cache_dir), never in the library's folder, which may be read-only;
    one file per manifest, so a mine builds the new one while the old one still serves."""
    from drafter.library.locate import cache_dir

    if manifest_sha256 is None:
        manifest_sha256 = hashlib.sha256((Path(directory) / MANIFEST).read_bytes()).hexdigest()
    return cache_dir(Path(directory)) / f"index-{manifest_sha256[:16]}.sqlite"


def _latest_sound(folder: Path) -> indexing.Index | None:
    """The newest index of an earlier manifest of this library, to reuse what did not change."""
    for path in sorted(folder.glob("index-*.sqlite"), key=lambda p: p.stat().st_mtime_ns, reverse=True):
        index = indexing.open_sound(path)
        if index is not None:
            return index
    return None


def _forget_other_indexes(keep: Path) -> None:
    """After a mine, the indexes of earlier manifests serve nobody (a reader still holding one
    keeps reading it: the file goes when it closes)."""
    for path in keep.parent.glob("index-*.sqlite"):
        if path != keep:
            path.unlink(missing_ok=True)


def _read_all(directory: Path, reusable: indexing.Index | None
              ) -> tuple[Library, dict[str, indexing.FileStamp], str]:
    """The whole library from its YAML, each changed family validated (families whose files did
    not change since `reusable`, a sound older index, are taken from it instead), its stamps, and
    the sha256 of the manifest as read."""
    manifest_path = directory / MANIFEST
    text, manifest = read_yaml(manifest_path)
    problems = check_data(manifest, "manifest", manifest_path, text)
    if problems:
        _raise_first(problems, directory)
    known = reusable.stamps() if reusable else {}
    families, stamps = [], {}
    for family_id in manifest["families"]:
        path = directory / FAMILIES / f"{family_id}.yaml"
        if not path.is_file():
            raise LibraryError(f"family {family_id} is listed but its file is missing", manifest_path)
        stamp = indexing.file_stamp(path)
        old = known.get(family_id)
        family = reusable.family(family_id) if old and old.sha256 == stamp.sha256 else _read_family(path, family_id)
        families.append(family)
        stamps[family_id] = stamp
    library = Library(manifest["version"], tuple(SourceEntry.from_dict(s) for s in manifest["sources"]),
                      tuple(families), manifest["format"], tuple(manifest.get("credits") or ()))
    # The index is of the manifest as read here, whatever it became since.
    return library, stamps, hashlib.sha256(text.encode("utf-8")).hexdigest()


def _read_family(path: Path, family_id: str) -> Family:
    text, data = read_yaml(path)
    problems = check_data(data, "family", path, text)
    if problems:
        _raise_first(problems, path.parent.parent)
    if data["id"] != family_id:
        raise LibraryError(f"file holds family {data['id']}, not {family_id}", path, 1)
    return Family.from_dict(data)


def _raise_first(problems: list[LibraryError], directory: Path) -> None:
    first = problems[0]
    raise LibraryError(first.message, first.path, first.line,
                       hint=f"run `drafter library check {directory}` for every problem")


def check(directory: Path) -> list[LibraryError]:
    """Every problem in the library at `directory`; `str()` of each is "file:line: message"."""
    directory = Path(directory)
    manifest_path = directory / MANIFEST
    if not manifest_path.is_file():
        return [LibraryError("missing: not a clause library", manifest_path, 1)]
    try:
        check_format(manifest_path.read_bytes(), manifest_path)
    except LibraryError as error:
        return [error]
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


def source_path(library: Library, entry: SourceEntry) -> Path:
    """Where a source of the library is now: its path is relative to the library's folder."""
    path = Path(entry.path)
    return path if path.is_absolute() or library.directory is None else Path(library.directory) / path


# --- writing ---------------------------------------------------------------------------------

def save(library: Library, directory: Path, pool: workers.Workers | None = None) -> None:
    """Write `library` to `directory`, whole (see the module's promises); the family files of a
    large library by the worker processes of `pool`, where given."""
    directory = Path(directory).absolute()
    directory.parent.mkdir(parents=True, exist_ok=True)
    _recover(directory)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.new-", dir=directory.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(staging, 0o777 & ~umask)        # a folder like any other, not mkdtemp's private one
    try:
        manifest = dump_yaml(library.manifest()).encode("utf-8")
        (staging / MANIFEST).write_bytes(manifest)
        manifest_sha256 = hashlib.sha256(manifest).hexdigest()
        index = index_path(directory, manifest_sha256)
        unwritable = _unwritable(index.parent)
        if unwritable:                   # the YAML is the library; the next command builds its index
            _warn_unkept(index.parent, unwritable, "the library is written without it")
            for _ in _write_families(library, staging, pool):
                pass
        else:
            with writing(index.parent):  # the new manifest's index, built while the old one serves
                indexing.build(index, library, _write_families(library, staging, pool), manifest_sha256,
                               _progress("writing the library"))
        _keep_other_files(directory, staging)
        _swap_in(staging, directory)
        if not unwritable:
            _forget_other_indexes(index)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_families(library: Library, staging: Path, pool: workers.Workers | None
                    ) -> Iterator[tuple[Family, bytes, indexing.FileStamp]]:
    """Each family's file, written, with its row for the index (its dict, packed) and its stamp.
    One dict per family serves its file and its row, and 22,000 files' text is never all in memory.
    A large library's files are written by the worker processes of `pool`, where given, while this
    one builds the index from the rows they send back."""
    (staging / FAMILIES).mkdir()
    folder = str(staging / FAMILIES)
    families = library.families
    chunks = [families[at:at + _CHUNK] for at in range(0, len(families), _CHUNK)]
    jobs = ((folder, [family.to_dict() for family in chunk]) for chunk in chunks)
    if pool is None or len(families) < _WORKERS_FROM:
        written = (_write_job(job) for job in jobs)
    else:
        written = pool.map(_write_job, jobs)
    try:
        for chunk, rows in zip(chunks, written):
            for family, (packed, stamp) in zip(chunk, rows):
                yield family, packed, stamp
    finally:
        written.close()                  # the workers stop (at an error) or are done


_WORKERS_FROM = 2_000                    # families: below, the workers cost more than they give
_CHUNK = 250                             # families a job


def _write_job(job: tuple[str, list[dict]]) -> list[tuple[bytes, indexing.FileStamp]]:
    """The files of a job's families (dicts) in its folder; each one's row for the index and the
    file's stamp. The folder is opened once a job (a descriptor: no path to build for each file)."""
    folder, datas = job
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        return [(indexing.pack(data), _write_new(descriptor, f"{data['id']}.yaml", dump_yaml(data).encode("utf-8")))
                for data in datas]
    finally:
        os.close(descriptor)


def _write_new(folder: int, name: str, data: bytes) -> indexing.FileStamp:
    """Write a new file in the folder `folder` (a descriptor: no path to build, 22,000 times)."""
    fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666, dir_fd=folder)
    try:
        written = os.write(fd, data)
        while written < len(data):
            written += os.write(fd, data[written:])
        stat = os.fstat(fd)
    finally:
        os.close(fd)
    return indexing.FileStamp(hashlib.sha256(data).hexdigest(), stat.st_size, stat.st_mtime_ns)


def _progress(description: str):
    """A progress callback: a bar on a terminal once the work has taken a second, else nothing."""
    if not sys.stderr.isatty():
        return lambda n: None
    from tqdm import tqdm

    bar = tqdm(desc=description, unit=" families", file=sys.stderr, delay=1, leave=False)
    return bar.update


def _keep_other_files(directory: Path, staging: Path) -> None:
    """A README or notes a person put in the library folder come along; mined files are replaced."""
    if not directory.is_dir():
        return
    for path in directory.iterdir():
        if path.name in (MANIFEST, FAMILIES, "index.sqlite"):
            continue                     # mined files are replaced (an index there is an old drafter's)
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
    # Imported here: only a mine needs them, and every command's start-up would pay for them.
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
