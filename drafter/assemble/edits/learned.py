"""Data the edits learned from the corpus, shipped in drafter/data, and a way to draft with other data.

The fidelity benchmark drafts with data learned from sessions 75-78 only, so that its figures for
79-80 are for texts no rule saw; `using` swaps the data in for the length of a `with` block.
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

    @contextmanager
    def using(self, data: dict):
        self._instead.append(data)
        try:
            yield
        finally:
            self._instead.pop()
