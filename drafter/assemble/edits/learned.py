"""Data the edits learned from the corpus, shipped in drafter/data, and a way to draft with other data.

Each file holds what was learned as of each session ("sessions": {"78": {...}}): from the texts
of that session and the ones before it only. A draft for session N uses what was known before N
(`as_of`): the latest session before N in the file; a draft for a session older than the corpus
(the seeds' 58/208 -> 60) takes the earliest. So the rules a draft for the 79th
session uses were learned from sessions 75-78 alone, whatever sessions the file was built from.
The fidelity benchmark learns from sessions 75-78 in-process all the same; `using` swaps that
data in for the length of a `with` block.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from functools import cached_property
from importlib import resources


class Learned:
    def __init__(self, name: str) -> None:
        self.name = name
        self._instead: list[dict] = []

    @cached_property
    def _shipped(self) -> dict:
        return json.loads(resources.files("drafter.data").joinpath(self.name).read_text("utf-8"))

    def data(self) -> dict:
        return self._instead[-1] if self._instead else self._shipped

    def as_of(self, session: int) -> dict:
        """What was learned before `session`: the entry of the latest session before it. A session
        older than the corpus gets the earliest entry (the nearest knowledge there is); one inside
        it with nothing learned before it gets nothing."""
        data = self.data()
        sessions = data.get("sessions", {})
        before = [int(s) for s in sessions if int(s) < session]
        if before:
            return sessions[str(max(before))]
        if sessions and session <= min(data.get("learned_from") or [session]):
            return sessions[str(min(int(s) for s in sessions))]
        return {}

    @contextmanager
    def using(self, data: dict):
        self._instead.append(data)
        try:
            yield
        finally:
            self._instead.pop()
