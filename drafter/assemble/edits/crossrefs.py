"""(being written)"""

from __future__ import annotations

KIND = "cross-reference"


def apply(draft, pieces, numbers) -> list:
    return []
