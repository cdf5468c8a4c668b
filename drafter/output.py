"""Writing results safely: atomically, never over an existing file without --force.

A temporary file in the target's own folder is written, flushed to disk and renamed over the
target in one step, so a reader sees the old file or the new one, never half of one; an error or
Ctrl-C on the way removes the temporary file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from drafter.errors import OutputError


def check_free(path: Path, force: bool) -> None:
    """Refuse early, before any work, when the target exists and --force was not given."""
    if path.exists() and not force:
        raise OutputError("already exists", path, hint="choose another --output, or add --force to replace it")
    if path.is_dir():
        raise OutputError("is a folder", path, hint="give a file name")


def write_atomic(path: Path, data: bytes | str, force: bool = False) -> None:
    path = Path(path)
    check_free(path, force)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".tmp", delete=False)
    except FileNotFoundError:
        raise OutputError("cannot write: the folder does not exist", path) from None
    except PermissionError:
        raise OutputError("cannot write: permission denied", path) from None
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror or error}", path) from None
    temporary = Path(handle.name)
    try:
        with handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror or error}", path) from None
    finally:
        if temporary.exists():
            temporary.unlink()
