"""The library's sources as read: each source file's model, kept in drafter's cache.

Drafting from a resolution the library holds (`drafter new --base 58/208`) starts from the file
it was mined from, and reading that file costs more than the rest of the draft: the reader's
modules, its patterns, the parse. So the model read is kept in drafter's cache (drafter/cache.py),
as JSON, under the file's SHA-256 and a fingerprint of drafter's own files: a source edited since,
or another drafter (an upgrade, a reader changed in a clone), reads the file again; libraries that
hold the same file share its entry. A cache entry is never trusted: one that does not load as a model
of that file is ignored, and the file read again and the entry replaced. A cache that cannot be
written only costs the time of reading.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from drafter import cache
from drafter.model import Resolution

FORMAT = 1                                   # of an entry: bump when the entry's layout changes
PACKAGE = Path(__file__).resolve().parent.parent
NOT_CODE = {"__pycache__", "bundled"}        # the library and seeds the wheel carries are no reader


def read_source(path: Path) -> Resolution:
    """The model of a library's source file: from the cache when it holds this file as this
    drafter reads it, else read (drafter.ingest) and kept there."""
    try:
        digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return _read(path)                           # which says what keeps the file from being read
    entry = cache.root() / "sources" / f"{digest}-{code_fingerprint()}.json"
    cached = _load(entry, digest, path)
    if cached is not None:
        return cached
    resolution = _read(path)
    _keep(entry, digest, resolution)
    return resolution


def _read(path: Path) -> Resolution:
    from drafter.ingest import read_resolution      # imported only here: a model from the cache needs no reader

    return read_resolution(path)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Drafter's version of the reader, as the names, sizes and modification times of its own
    files: a model read by other code is never taken for this code's."""
    stamps = [str(FORMAT)]
    for folder, folders, files in os.walk(PACKAGE):
        folders[:] = sorted(name for name in folders if name not in NOT_CODE)
        for name in sorted(files):
            status = os.stat(os.path.join(folder, name))
            stamps.append(f"{folder}/{name} {status.st_size} {status.st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode("utf-8")).hexdigest()[:16]


def _load(entry: Path, digest: str, path: Path) -> Resolution | None:
    """The model the entry holds (its source where the file is now), or None: no entry, or one
    that is damaged or not of this file."""
    raw = cache.read(entry)
    if raw is None:
        return None
    try:
        data = json.loads(raw)
        if data["format"] != FORMAT or data["sha256"] != digest:
            return None
        resolution = Resolution.from_dict(data["model"])
        warnings = tuple(str(warning) for warning in data["warnings"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    source = replace(resolution.source, path=str(path)) if resolution.source else None
    return replace(resolution, source=source, warnings=warnings)


def _keep(entry: Path, digest: str, resolution: Resolution) -> None:
    """Write the entry (atomically: a reader sees the whole entry or none), and drop the entries
    of the same file left by other code."""
    data = {"format": FORMAT, "sha256": digest, "warnings": list(resolution.warnings), "model": resolution.to_dict()}
    if cache.keep(entry, json.dumps(data, ensure_ascii=False, sort_keys=True)):
        for old in entry.parent.glob(f"{digest}-*.json"):
            if old != entry:
                old.unlink(missing_ok=True)
