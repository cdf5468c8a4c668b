"""A handful of real pairs of the corpus, each drafted as `drafter new --base FILE --no-input`
drafts it and held against the real next resolution: the edits it must make (each one's new words
stand in the real text), no paragraph lost, none the real text kept harmed, and more words saved
than a find-and-replace of session ordinals. benchmarks/bench_fidelity.py runs every pair."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import ROOT, corpus_or_skip
from test_drafts import corpus_file

from drafter.assemble.compose import compose
from drafter.assemble.run import draft_from
from drafter.ingest import read_resolution
from drafter.library import store

LIBRARY = ROOT / "clause_library"

# (base, real next, edits as (kind, before, after), paragraphs harmed), checked by hand against
# the real texts once.
PAIRS = [
    ((78, 220), (79, 183), [
        ("series", "77/228 of 15 December 2022", "78/220 of 19 December 2023"),   # the most recent of which
        ("series", "77/228", "78/220"),                                           # submitted pursuant to
        ("session", "seventy-ninth session", "eightieth session"),
    ], 0),
    ((77, 169), (79, 210), [
        ("series", "74/224 of 19 December 2019 and 75/220 of 21 December 2020",
         "75/220 of 21 December 2020 and 77/169 of 14 December 2022"),
        ("terminology", "COVID-19", "COVID\u201119"),                             # as of session 78
        ("session", "seventy-ninth session", "eighty-first session"),             # biennial: +2 stays +2
    ], 0),
    ((78, 90), (79, 103), [
        ("report", "A/78/23", "A/79/23"),                                         # Official Records supplement
        ("report", "A/AC.109/2023/5", "A/AC.109/2024/5"),                         # the territory's working paper
        ("year", "2023", "2024"),                                                 # "... Peoples for 2024"
        ("session", "seventy-ninth session", "eightieth session"),
    ], 0),
    ((78, 132), (79, 194), [
        ("series", "77/150 of 14 December 2022", "78/132 of 19 December 2023"),
    ], 0),
    ((79, 167), (80, 209), [                                                      # QA 2: a corpus base
        ("series", "78/202 of 19 December 2023", "79/167 of 17 December 2024"),   # the most recent of which
    ], 0),
    ((79, 144), (80, 110), [
        ("series", "78/69 of 5 December 2023", "79/144 of 12 December 2024"),     # "including resolution"
    ], 0),
    ((78, 247), (80, 237), [                                                      # a list with a misprint
        ("series", "77/259 of 30 December 2022", "77/259 of 30 December 2022 and 78/247 of 22 December 2023"),
    ], 0),
    ((79, 93), (80, 84), [                                                        # two parts, A and B
        ("report", "A/79/21", "A/80/21"),                                         # the Committee on Information
        ("report", "A/AC.198/2024/2", "A/AC.198/2025/2"),
        ("session", "eightieth session", "eighty-first session"),
    ], 0),
]


def _bench():
    for folder in ("tools", "benchmarks"):
        if str(ROOT / folder) not in sys.path:
            sys.path.insert(0, str(ROOT / folder))
    if "bench_fidelity" not in sys.modules:
        spec = importlib.util.spec_from_file_location("bench_fidelity", ROOT / "benchmarks" / "bench_fidelity.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_fidelity"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_fidelity"]


@pytest.fixture(scope="module")
def library():
    return store.load(LIBRARY)


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")     # the UN writes "19\u00a0December 2023"


def _ending(text: str, expected: str) -> bool:
    return _plain(text) == expected or _plain(text).endswith(expected)


@pytest.mark.parametrize("base, real, expected, harmed", PAIRS, ids=[f"{b[0]}/{b[1]}" for b, *_ in PAIRS])
def test_a_real_pair(library, base, real, expected, harmed):
    corpus_or_skip()
    bench = _bench()
    cp = sys.modules["corpus_pairs"]
    base_path, real_path = corpus_file(*base), corpus_file(*real)
    draft = draft_from(library, str(base_path), real[0])
    composed = compose(draft)
    real_resolution = read_resolution(real_path)
    real_text = _plain(" ".join(u.text for u in cp.units(real_resolution)))
    for kind, before, after in expected:
        assert any(e.kind == kind and _ending(e.before, before) and _ending(e.after, after) for e in composed.edits), \
            (kind, before, after)
        assert after in real_text, f"{after!r} is not what the real next text writes"
    base_resolution = read_resolution(base_path)
    base_units, real_units = cp.units(base_resolution), cp.units(real_resolution)
    figures = bench.measure(base_units, cp.units(composed.resolution), real_units)
    assert figures.lost == 0
    assert figures.harmed == harmed, "paragraphs the real text kept word for word were changed"
    baseline = bench.measure(base_units, bench.find_and_replace(base_resolution, real[0] - base[0]), real_units)
    assert figures.base_edits - figures.draft_edits > baseline.base_edits - baseline.draft_edits
