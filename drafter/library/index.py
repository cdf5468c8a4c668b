"""The library's index: one SQLite file derived from the YAML, never edited by hand.

    meta          index format, library format and version, credits, the manifest's sha256, a stamp
    sources       the manifest's sources in order (each as JSON)
    families      each family as JSON (zlib), with its kind, version, counts, its file's sha256/size/mtime
    clauses       the resolution each source paragraph stood in -> its family and variant
    search        FTS5, porter-stemmed: each active wording's text as in its latest source
    bands         the MinHash/LSH band keys of each wording's content words (as mining makes them)
    words         how many wordings of each kind hold each content word (the weights of the rule)

Bands and words cover every wording, deprecated ones too (an old base still matches its family);
search covers the active ones.

So a command asks the index instead of reading the YAML: the clauses of resolution 58/208, the
families whose wordings share a band with a clause, the families matching "remittances". It loads
only the families an answer names.

Trust, checked on every open and cheaply: the index records the sha256 of the manifest it was built
from and the size and mtime of every family file (a file whose stat changed is hashed: a changed
hash means a changed family, which is validated when the index is rebuilt). It also records SQLite's
own file change counter as it left it, so a write by anyone else (a person with the sqlite3 shell)
shows; such an index, or one SQLite cannot read, is rebuilt and never trusted. An index is always
built whole in a temporary file and renamed into place: a reader sees the old index or the new one.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from drafter.errors import LibraryError
from drafter.library.model import FORMAT_VERSION, Family, SourceEntry
from drafter.records import dataclass

INDEX_FORMAT = 2

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources(position INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, data TEXT NOT NULL);
CREATE TABLE families(id TEXT PRIMARY KEY, kind TEXT NOT NULL, version INTEGER NOT NULL,
                      active INTEGER NOT NULL, sources INTEGER NOT NULL,
                      sha256 TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                      data BLOB NOT NULL);
CREATE TABLE clauses(resolution TEXT NOT NULL, family_id TEXT NOT NULL, variant_id TEXT NOT NULL,
                     position INTEGER NOT NULL);
CREATE TABLE bands(key INTEGER NOT NULL, family INTEGER NOT NULL, PRIMARY KEY(key, family)) WITHOUT ROWID;
CREATE TABLE words(kind TEXT NOT NULL, word TEXT NOT NULL, df INTEGER NOT NULL, PRIMARY KEY(kind, word))
    WITHOUT ROWID;
CREATE VIRTUAL TABLE search USING fts5(family_id UNINDEXED, variant_id UNINDEXED, kind UNINDEXED, text,
                                       tokenize='porter unicode61');
"""
_INDEXES = """
CREATE INDEX clauses_by_resolution ON clauses(resolution);
"""


@dataclass(frozen=True)
class FileStamp:
    """What a family file was when the index read it."""

    sha256: str
    size: int
    mtime_ns: int


# --- building ---------------------------------------------------------------------------------

def build(path: Path, library, files: Iterable[tuple[Family, bytes | None, FileStamp]], manifest_sha256: str,
          progress: Callable[[int], None] = lambda n: None) -> None:
    """Write the index of `library` at `path`, whole: built in a temporary file beside it, then
    renamed over it. `files` gives every family of the library, in order, with its file as written:
    (family, its dict `pack`ed if at hand, its stamp); `progress(n)` counts families."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        leftover.unlink(missing_ok=True)        # a build that was killed (the caller holds the lock)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, library, files, manifest_sha256, progress)
        finally:
            connection.close()
        _stamp(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def files_of(library, stamps: dict[str, FileStamp]) -> Iterator[tuple[Family, None, FileStamp]]:
    """`build`'s `files` for a library read from its files, with their stamps."""
    return ((family, None, stamps[family.id]) for family in library.families)


_BATCH = 500                             # families whose rows go to SQLite in one call


def _fill(connection: sqlite3.Connection, library, files, manifest_sha256: str, progress) -> None:
    from drafter.library import families as grouping

    connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
    meta = {"index_format": INDEX_FORMAT, "format": library.format, "version": library.version,
            "credits": json.dumps(list(library.credits)), "manifest_sha256": manifest_sha256}
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [(k, str(v)) for k, v in meta.items()])
    connection.executemany("INSERT INTO sources VALUES (?, ?, ?)",
                           [(i, s.number, json.dumps(s.to_dict(), ensure_ascii=False))
                            for i, s in enumerate(library.sources)])
    words_of: list[tuple[str, str, frozenset[str]]] = []     # (kind, family id, words) per wording
    rows = _Rows()
    for family, packed, stamp in files:
        rows.add(library, family, packed, stamp)
        for variant in family.variants:
            words = grouping.wording_words(variant.template, variant.lead, variant.subparagraphs)
            words_of.append((family.kind, family.id, words))
        if len(rows.families) == _BATCH:
            rows.insert(connection)
            progress(_BATCH)
    progress(len(rows.families))
    rows.insert(connection)
    _add_bands(connection, words_of)
    df = Counter((kind, word) for kind, _, words in words_of for word in words)
    connection.executemany("INSERT INTO words VALUES (?, ?, ?)", [(k, w, n) for (k, w), n in df.items()])
    kinds = Counter(kind for kind, _, _ in words_of)
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [(f"wordings_{k}", str(n)) for k, n in kinds.items()])
    connection.executescript(_INDEXES)
    connection.commit()


class _Rows:
    """The rows of a batch of families, for the families, clauses and search tables."""

    def __init__(self) -> None:
        self.families: list[tuple] = []
        self.clauses: list[tuple] = []
        self.search: list[tuple] = []

    def add(self, library, family: Family, packed: bytes | None, stamp: FileStamp) -> None:
        from drafter.library.fill import search_words

        active = [v for v in family.variants if v.status == "active"]
        pairs = family.sources()
        self.families.append((family.id, family.kind, family.version, len(active), len(pairs), stamp.sha256,
                              stamp.size, stamp.mtime_ns, pack(family.to_dict()) if packed is None else packed))
        self.clauses += [(s.ref.resolution, family.id, v.id, i) for i, (v, s) in enumerate(pairs)]
        self.search += [(family.id, v.id, family.kind, search_words(library, v)) for v in active]

    def insert(self, connection: sqlite3.Connection) -> None:
        connection.executemany("INSERT INTO families VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", self.families)
        connection.executemany("INSERT INTO clauses VALUES (?, ?, ?, ?)", self.clauses)
        connection.executemany("INSERT INTO search VALUES (?, ?, ?, ?)", self.search)
        self.families, self.clauses, self.search = [], [], []


def _add_bands(connection: sqlite3.Connection, words_of: list[tuple[str, str, frozenset[str]]]) -> None:
    """The band keys of every wording, each with its family; a key is unique to its kind."""
    from drafter.library import families as grouping

    if not words_of:
        return
    rowid = dict(connection.execute("SELECT id, rowid FROM families"))
    if len(words_of) < 200:              # numpy costs more to import than a few signatures
        keys = [grouping.band_keys(words) for _, _, words in words_of]
        rows = sorted({(_of_kind(kind, key), rowid[family_id])
                       for (kind, family_id, _), bands in zip(words_of, keys) for key in bands})
    else:
        rows = _band_rows(grouping.band_keys_of_sets([words for _, _, words in words_of]), words_of, rowid)
    connection.executemany("INSERT INTO bands VALUES (?, ?)", rows)


def _band_rows(keys, words_of: list[tuple[str, str, frozenset[str]]], rowid: dict[str, int]) -> list:
    """The rows the few-wordings way gives, (`_of_kind` key, family rowid), distinct and sorted,
    worked out on numpy's arrays (a library of the whole corpus has 460,000 of them)."""
    import numpy as np

    bits = np.array([_KIND_BIT.get(kind, 0) for kind, _, _ in words_of], dtype=np.int64)
    owners = np.array([rowid[family_id] for _, family_id, _ in words_of], dtype=np.int64)
    keyed = ((keys & ~1) | bits[:, None]).ravel()
    owners = np.repeat(owners, keys.shape[1])
    order = np.lexsort((owners, keyed))            # by key, then family: as the tuples sort
    keyed, owners = keyed[order], owners[order]
    distinct = np.r_[True, (keyed[1:] != keyed[:-1]) | (owners[1:] != owners[:-1])][:len(keyed)]
    return list(zip(keyed[distinct].tolist(), owners[distinct].tolist()))


_KIND_BIT = {"preambular": 0, "operative": 1}


def _of_kind(kind: str, key: int) -> int:
    """A band key of one kind: preambular and operative wordings never share one."""
    return (key & ~1) | _KIND_BIT.get(kind, 0)


def in_memory(library) -> Index:
    """An index of a library that has none on disk (one just mined, in a test or a benchmark)."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    unwritten = FileStamp("", 0, 0)
    _fill(connection, library, ((f, None, unwritten) for f in library.families), "", lambda n: None)
    return Index(connection, dict(connection.execute("SELECT key, value FROM meta")))


def _stamp(path: Path) -> None:
    """Record SQLite's change counter as the next commit will leave it: any later write shows."""
    counter = _header(path)[1]
    connection = sqlite3.connect(path)
    try:
        connection.execute("INSERT INTO meta VALUES ('stamp', ?)", (str(counter + 1),))
        connection.commit()
    finally:
        connection.close()


def _header(path: Path) -> tuple[bytes, int]:
    with open(path, "rb") as file:
        header = file.read(100)
    return header, int.from_bytes(header[24:28], "big")


# --- opening ----------------------------------------------------------------------------------

class Untrusted(Exception):
    """The index is missing, unreadable, written by someone else, or of another build."""


class Stale(Exception):
    """The index is sound but the library changed since: these family files differ."""

    def __init__(self, index: Index, changed: list[str]) -> None:
        super().__init__(f"{len(changed)} family files changed")
        self.index = index
        self.changed = changed


def open_index(path: Path, manifest_sha256: str, families_dir: Path) -> Index:
    """The index at `path`, if it is the index of this library as it is now.

    Raises Untrusted (rebuild from the YAML alone) or Stale (rebuild, reusing what it holds for
    the files that did not change)."""
    index = _open_sound(path)
    if index.meta.get("manifest_sha256") != manifest_sha256:
        index.close()
        raise Untrusted("built from another manifest")
    changed = index.changed_files(families_dir)
    if changed:
        raise Stale(index, changed)
    return index


def open_sound(path: Path) -> Index | None:
    """The index at `path` if it can be trusted for what it says, whatever library it is of."""
    try:
        return _open_sound(path)
    except Untrusted:
        return None


def _open_sound(path: Path) -> Index:
    if not path.is_file():
        raise Untrusted("missing")
    if any(path.with_name(path.name + suffix).exists() for suffix in ("-journal", "-wal")):
        raise Untrusted("written to since it was built")
    header, counter = _header(path)
    if not header.startswith(b"SQLite format 3\0") or header[18:20] != b"\x01\x01":
        raise Untrusted("not an index drafter built")
    try:
        connection = sqlite3.connect(f"file:{quote(str(path.absolute()))}?mode=ro", uri=True,
                                     check_same_thread=False)
        meta = dict(connection.execute("SELECT key, value FROM meta"))
    except sqlite3.DatabaseError as error:
        raise Untrusted(f"unreadable: {error}") from None
    if meta.get("index_format") != str(INDEX_FORMAT) or meta.get("stamp") != str(counter):
        connection.close()
        raise Untrusted("of another build, or edited")
    return Index(connection, meta, path)


class Index:
    """Questions to an open index; rows come back as the library's own objects."""

    def __init__(self, connection: sqlite3.Connection, meta: dict[str, str], path: Path | None = None) -> None:
        self.connection = connection
        self.meta = meta
        self.path = path

    def _damaged(self, error: sqlite3.DatabaseError) -> Damaged:
        """The index is derived: a damaged one is removed, and the next command builds it whole."""
        if self.path is not None:
            self.path.unlink(missing_ok=True)
        return Damaged(f"the library's index was damaged ({error}) and has been removed", self.path,
                       hint="run the command again: the index is rebuilt from the library")

    def close(self) -> None:
        self.connection.close()

    @property
    def format(self) -> int:
        return int(self.meta.get("format", FORMAT_VERSION))

    @property
    def version(self) -> str:
        return self.meta["version"]

    @property
    def credits(self) -> tuple[str, ...]:
        return tuple(json.loads(self.meta.get("credits", "[]")))

    def _rows(self, sql: str, parameters: Iterable[Any] = ()) -> list[tuple]:
        try:
            return self.connection.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from None

    def changed_files(self, families_dir: Path) -> list[str]:
        """Family files whose content is not what the index read (a stat that changed is checked
        by hashing: a copied or freshly cloned library keeps its index)."""
        changed = []
        try:
            folder = os.open(families_dir, os.O_RDONLY)
        except OSError:
            return self.family_ids()
        try:
            for family_id, sha256, size, mtime_ns in self._rows("SELECT id, sha256, size, mtime_ns FROM families"):
                try:
                    stat = os.stat(f"{family_id}.yaml", dir_fd=folder)     # no path to build: 22,000 of them
                except OSError:
                    changed.append(family_id)
                    continue
                if (stat.st_size, stat.st_mtime_ns) != (size, mtime_ns) and \
                        file_stamp(families_dir / f"{family_id}.yaml").sha256 != sha256:
                    changed.append(family_id)
        finally:
            os.close(folder)
        return changed

    def stamps(self) -> dict[str, FileStamp]:
        return {row[0]: FileStamp(*row[1:]) for row in self._rows("SELECT id, sha256, size, mtime_ns FROM families")}

    def sources(self) -> list[SourceEntry]:
        return [SourceEntry.from_dict(json.loads(data))
                for (data,) in self._rows("SELECT data FROM sources ORDER BY position")]

    def family(self, family_id: str) -> Family | None:
        rows = self._rows("SELECT data FROM families WHERE id = ?", (family_id,))
        return Family.from_dict(_unpack(rows[0][0])) if rows else None

    def family_ids(self, kind: str | None = None) -> list[str]:
        if kind is None:
            return [r[0] for r in self._rows("SELECT id FROM families ORDER BY id")]
        return [r[0] for r in self._rows("SELECT id FROM families WHERE kind = ? ORDER BY id", (kind,))]

    def families(self, kind: str | None = None) -> Iterator[Family]:
        """Every family (of `kind`), in id order, one at a time."""
        sql = "SELECT data FROM families" + (" WHERE kind = ?" if kind else "") + " ORDER BY id"
        try:
            for (data,) in self.connection.execute(sql, (kind,) if kind else ()):
                yield Family.from_dict(_unpack(data))
        except sqlite3.DatabaseError as error:
            raise self._damaged(error) from None

    def counts(self, kind: str | None = None) -> list[tuple[str, int, str, int, int]]:
        """(id, version, kind, active variants, sources) of every family, for a listing."""
        sql = "SELECT id, version, kind, active, sources FROM families"
        return self._rows(sql + (" WHERE kind = ?" if kind else "") + " ORDER BY id", (kind,) if kind else ())

    def families_of(self, resolution: str) -> list[str]:
        """The families holding a clause of this resolution."""
        return [r[0] for r in self._rows("SELECT DISTINCT family_id FROM clauses WHERE resolution = ? "
                                         "ORDER BY family_id", (resolution,))]

    def search(self, query: str, kind: str | None, limit: int) -> list[tuple[str, str, float, str]]:
        """(family id, best variant id, bm25 score, its text) of the families best matching an
        FTS5 query (the other columns of a MIN() group are those of its best row)."""
        where = "search MATCH ?" + (" AND kind = ?" if kind else "")
        sql = (f"WITH hits AS MATERIALIZED (SELECT family_id, variant_id, bm25(search) AS rank, text "
               f"FROM search WHERE {where}) SELECT family_id, variant_id, MIN(rank) AS best, text FROM hits "
               f"GROUP BY family_id ORDER BY best, family_id LIMIT ?")
        return self._rows(sql, (query, kind, limit) if kind else (query, limit))

    def candidates(self, kind: str, keys: list[int]) -> list[str]:
        """Families with a wording that shares at least one band key with `keys`."""
        wanted = [_of_kind(kind, key) for key in keys]
        marks = ",".join("?" * len(wanted))
        return [r[0] for r in self._rows(f"SELECT DISTINCT f.id FROM bands b JOIN families f ON f.rowid = b.family "
                                         f"WHERE b.key IN ({marks}) ORDER BY f.id", wanted)]

    def document_frequency(self, kind: str, words: Iterable[str]) -> tuple[int, dict[str, int]]:
        """How many wordings of `kind` there are, and how many hold each of `words`."""
        words = sorted(set(words))
        df: dict[str, int] = {}
        for start in range(0, len(words), 500):
            chunk = words[start:start + 500]
            marks = ",".join("?" * len(chunk))
            df.update(self._rows(f"SELECT word, df FROM words WHERE kind = ? AND word IN ({marks})", [kind, *chunk]))
        return int(self.meta.get(f"wordings_{kind}", "0")), df


def pack(data: dict[str, Any]) -> bytes:
    """A family's dict as the index keeps it."""
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _unpack(blob: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(blob))


class Damaged(LibraryError):
    """SQLite could not read what the index should hold (a damaged file, found only once read)."""


def file_stamp(path: Path) -> FileStamp:
    data = path.read_bytes()
    stat = os.stat(path)
    return FileStamp(hashlib.sha256(data).hexdigest(), stat.st_size, stat.st_mtime_ns)
