"""Where drafter keeps what it derives and can always make again, and how an entry is kept.

$XDG_CACHE_HOME/drafter (else ~/.cache/drafter) holds each library's index, the models of its
sources, compiled templates and validators. An entry is written atomically (a reader finds the
whole entry or none) and never trusted: whoever reads one checks that it is what it should be,
and makes it again when it is not. A cache that cannot be written costs time, never a command.
"""

from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import OutputError
from drafter.output import write_atomic


def root() -> Path:
    """The cache folder (not created)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"


def read(entry: Path) -> bytes | None:
    """The entry's bytes, or None when there is none (or it cannot be read)."""
    try:
        return entry.read_bytes()
    except OSError:
        return None


def keep(entry: Path, data: bytes | str) -> bool:
    """Write the entry; False when the cache cannot be written (the caller goes on without it)."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, data, force=True)
        return True
    except (OSError, OutputError):
        return False


def code_entry(folder: str, key: str) -> Path:
    """The entry for code compiled from `key` (a source, and the versions of what compiled it), as
    Python keeps a module's bytecode: under a hash of the key and Python's bytecode version, so
    another source, compiler or Python compiles again."""
    import hashlib
    from importlib.util import MAGIC_NUMBER

    digest = hashlib.sha256(f"{key}\n{MAGIC_NUMBER.hex()}".encode("utf-8")).hexdigest()
    return root() / folder / f"{digest}.marshal"


def keep_code(entry: Path, code) -> bool:
    """Write a code entry (`marshal`: code objects and the plain values around them); False as
    `keep`."""
    import marshal

    return keep(entry, marshal.dumps(code))


def read_code(entry: Path):
    """What a code entry holds (`marshal`), or None when there is none or it is damaged; the
    caller checks that it is the code it expects."""
    import marshal

    data = read(entry)
    if data is None:
        return None
    try:
        return marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
