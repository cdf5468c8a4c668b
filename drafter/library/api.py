"""What `drafter mine` does, as one call: read the sources, mine, write, summarise."""

from __future__ import annotations

import sys
from pathlib import Path

from tqdm import tqdm

from drafter.errors import ParseError
from drafter.library import store
from drafter.library.mine import mine
from drafter.library.sources import expand, read_sources


def mine_sources(sources: list[str], library_dir: str | Path) -> list[str]:
    """Mine `sources` into the library at `library_dir`; returns the summary lines to print."""
    paths = expand(sources)
    if not paths:
        raise ParseError("no resolution files found", " ".join(map(str, sources)),
                         hint="give .txt or .xml files, or folders holding them")
    directory = Path(library_dir)
    previous = store.load(directory) if store.exists(directory) else None
    # The bar shows only on a terminal (disable=None), so pipes and logs stay clean.
    with tqdm(total=len(paths), desc="reading", unit="file", file=sys.stderr, disable=None,
              leave=False) as bar:
        resolutions, warnings = read_sources(paths, directory, bar.update)
    library, summary = mine(resolutions, previous)
    store.save(library, directory)
    warnings += summary.warnings
    lines = [f"warning: {w}" for w in warnings[:20]]
    if len(warnings) > 20:
        lines.append(f"... and {len(warnings) - 20} more warnings")
    return lines + summary.lines(library.version) + [f"written to {directory}"]
