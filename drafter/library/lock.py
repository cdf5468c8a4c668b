"""One writer at a time per library: a lock on the library folder itself.

`drafter mine`, `drafter library remove` and an index rebuild each hold it from the moment they
read the library until the new one is in place, so a second writer waits, then starts from what
the first one wrote: nothing is lost. The lock is the kernel's (flock) on the folder, so a writer
that is killed releases it with its death, and no lock file is left to clean up.

The folder a writer locks can be swapped away by the writer before it (a mine replaces the whole
folder in one exchange); so after it gets the lock a writer checks it still holds the folder at
that path, and locks again if not.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:                      # not on Windows: one writer at a time is then up to you
    fcntl = None


def _say_waiting(directory: Path) -> None:
    print(f"drafter: waiting for another drafter writing to {directory} to finish...", file=sys.stderr, flush=True)


@contextmanager
def writing(directory: Path, on_wait: Callable[[Path], None] = _say_waiting) -> Iterator[None]:
    """Hold the writer's lock of `directory` (which must exist) for the duration of the block."""
    if fcntl is None or _held(directory):
        yield                            # no locks here, or this process holds it already
        return
    told = False
    while True:
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not told:
                    on_wait(directory)
                    told = True
                fcntl.flock(descriptor, fcntl.LOCK_EX)
            if _same(descriptor, directory):
                held = os.fstat(descriptor)
                _HELD[(held.st_dev, held.st_ino)] = descriptor
                try:
                    yield
                finally:
                    del _HELD[(held.st_dev, held.st_ino)]
                return
        finally:
            os.close(descriptor)         # closing releases the lock


# folder (device, inode) -> the descriptor that holds its lock, of the folders this process holds
# (a mine rebuilding an index asks again)
_HELD: dict[tuple[int, int], int] = {}


def let_go_in_worker() -> None:
    """In a process forked from a writer (drafter.library.workers): close the copies of the
    writer's lock descriptors it inherited. The lock is the writer's alone: a worker left running
    by a writer that was killed must not keep every later writer waiting. (Closing a copy leaves
    the lock held through the writer's own descriptor: flock belongs to the open file, which is
    released only when its last descriptor closes.)"""
    for descriptor in _HELD.values():
        try:
            os.close(descriptor)
        except OSError:
            pass
    _HELD.clear()


def _held(directory: Path) -> bool:
    try:
        stat = os.stat(directory)
    except FileNotFoundError:
        return False
    return (stat.st_dev, stat.st_ino) in _HELD


def _same(descriptor: int, directory: Path) -> bool:
    try:
        now = os.stat(directory)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino)
