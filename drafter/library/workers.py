"""Work spread over the machine's cores, in worker processes forked from the writer.

A worker ends with the writer that started it and never holds the writer's lock, so a writer that
is killed (kill -9, the out-of-memory killer) leaves nothing running behind it; a worker that dies
ends the writer's work with a clear error. Where processes cannot be forked (Windows, where fork
is not offered), the work is done in the writer itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from drafter.errors import DrafterError


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def in_workers(function: Callable, jobs: Iterable, workers: int, start: Callable[..., None] = lambda: None,
               given: tuple = (), chunksize: int = 1) -> Iterator[Any]:
    """`map(function, jobs)` over `workers` forked processes, results in order. Each worker first
    runs `start(*given)`: what it is given is inherited through the fork, never pickled (a whole
    library costs nothing to hand over), while jobs and results are pickled."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"),
                               initializer=_started, initargs=(os.getpid(), start, given))
    try:
        yield from pool.map(function, jobs, chunksize=chunksize)
    except BrokenProcessPool:
        raise DrafterError("a worker process of drafter's died before its work was done",
                           hint="the machine may be short of memory: close other programs and run again, "
                                "or run on fewer cores (taskset -c 0 drafter ...)") from None
    finally:
        # Work not begun is dropped: when the writer stops at an error (a file that is not a
        # resolution), it does not wait for the rest to be done first.
        pool.shutdown(wait=True, cancel_futures=True)


def _started(writer: int, start: Callable[..., None], given: tuple) -> None:
    """A worker's first steps: let go of the writer's lock, end with the writer. A pool's workers
    wait for work as long as they live; were the writer killed, they would live on, and with them
    the library's lock they inherited."""
    import gc

    from drafter.library import lock

    # What the writer had made is the worker's to read, not to collect: left out of the collector's
    # walks, it is not copied page by page into the worker either (a walk writes to each object).
    gc.freeze()
    lock.let_go_in_worker()
    _die_with_parent()
    if os.getppid() != writer:             # the writer died before the line above took effect
        os._exit(1)
    start(*given)


def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent ends (prctl PR_SET_PDEATHSIG); elsewhere a
    worker outlives a killed writer, but no longer holds its lock."""
    import ctypes
    import ctypes.util
    import signal

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


_PR_SET_PDEATHSIG = 1
