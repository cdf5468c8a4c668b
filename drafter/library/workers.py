"""Work spread over the machine's cores, in worker processes forked from the writer.

A worker ends with the writer that started it and never holds the writer's lock, so a writer that
is killed (kill -9, the out-of-memory killer) leaves nothing running behind it; a worker that dies
ends the writer's work with a clear error. Where processes cannot be forked (Windows, where fork
is not offered), the work is done in the writer itself.

A fork shares the writer's memory until either side writes to it; Python writes to every object
it reads (its reference count) and fills freed space anywhere in its heap, so a worker forked from
a writer holding a whole library soon holds a copy of much of it (190 MB on the corpus). Workers
are therefore forked while the writer is still small (`Workers` starts its processes at once) and
sent what they work on.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from drafter.errors import DrafterError


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


class Workers:
    """`count` worker processes, forked when made; `map` hands them jobs. A context manager: the
    workers end with the block."""

    def __init__(self, count: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.count = count
        self.pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork"),
                                        initializer=_started, initargs=(os.getpid(),))
        for ready in [self.pool.submit(_ready) for _ in range(count)]:   # forked now, not when first used
            ready.result()

    def map(self, function: Callable, jobs: Iterable, ahead: int = 4) -> Iterator[Any]:
        """`map(function, jobs)` over the workers, results in order. Jobs are taken from `jobs`
        only `ahead` per worker before their results are asked for, so that a generator of jobs
        is never all in memory at once (a writer's jobs are a whole library's data)."""
        from concurrent.futures import wait
        from concurrent.futures.process import BrokenProcessPool

        pending: deque = deque()
        try:
            for job in jobs:
                pending.append(self.pool.submit(function, job))
                if len(pending) >= ahead * self.count:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool:
            raise DrafterError("a worker process of drafter's died before its work was done",
                               hint="the machine may be short of memory: close other programs and run again, "
                                    "or run on fewer cores (taskset -c 0 drafter ...)") from None
        finally:
            # Work not begun is dropped: a writer stopped at an error (a file that is not a
            # resolution) does not wait for it. Work begun is waited for: a worker must not go on
            # writing into a folder the writer is about to remove.
            for future in pending:
                future.cancel()
            wait(pending)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _ready() -> None:
    """A job that does nothing: asked of each worker once, so that all are forked at once."""


def _started(writer: int) -> None:
    """A worker's first steps: let go of the writer's lock, end with the writer. A pool's workers
    wait for work as long as they live; were the writer killed, they would live on, and with them
    the library's lock they inherited."""
    from drafter.library import lock

    lock.let_go_in_worker()
    _die_with_parent()
    if os.getppid() != writer:             # the writer died before the line above took effect
        os._exit(1)


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
