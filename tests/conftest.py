from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# The UN's corpus lives beside the project (../shared), never inside it.
CORPUS = ROOT.parent / "shared" / "corpus" / "unga-akn"

# Which seed is which, by content (the file names say nothing): checked by test_ingest_text.
SEED_BY_NUMBER = {
    "52/189": SEEDS / "002_2a1bcdcef4a7281d.txt",
    "54/212": SEEDS / "003_e7458b7175ecf918.txt",
    "56/203": SEEDS / "000_22cbfff1bbcc076a.txt",
    "58/208": SEEDS / "001_dc7a3f17028d8240.txt",
    "2006/2": SEEDS / "004_be3f4e82546494b4.txt",
}


def corpus_or_skip() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"the UN corpus is not beside the project ({CORPUS})")
    return CORPUS


def parts_published_alone():
    """(path, model) of each corpus file that is one lettered part of a resolution published on its
    own ("78/183 A", "75/245 B"): its file name carries the letter, and it holds no parts itself."""
    import re

    from drafter.ingest import read_resolution

    for path in sorted(corpus_or_skip().glob("*/*.xml")):
        if not re.search(r"_\d+ ?_?[A-H](_|-|\d)", path.name):
            continue
        resolution = read_resolution(path)
        if not resolution.parts and re.search(r" [A-H]$", resolution.number or ""):
            yield path, resolution


@pytest.fixture(scope="session")
def seeds():
    """The five seeds parsed once, keyed by resolution number, each under the path a user in the
    project folder would give ("seeds/001_....txt"), wherever the project was cloned."""
    from drafter.ingest import parse_bytes

    return {number: parse_bytes(path.read_bytes(), f"seeds/{path.name}") for number, path in SEED_BY_NUMBER.items()}
