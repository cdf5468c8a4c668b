"""The library's index: derived from the YAML, never stale, never trusted when touched, and the
locking that keeps two writers from losing each other's work. Real processes where it matters."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
import yaml
from conftest import ROOT, SEEDS, corpus_or_skip

from drafter.errors import LibraryError
from drafter.library import store
from drafter.library.api import mine_sources
from drafter.library.model import FORMAT_VERSION


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    """Indexes go to the user's cache: here one of the test's own (inherited by subprocesses)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


@pytest.fixture
def lib(tmp_path, cache):
    """A fresh library of the seeds in a project folder of its own."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    mine_sources([str(tmp_path / "seeds")], tmp_path / "lib")
    return tmp_path / "lib"


def drafter(*args, cwd=ROOT, env=None):
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, env=env)


def _family_file(lib):
    return lib / "families" / "op-takes-note-report-secretary-general.yaml"


def test_a_hand_edited_family_is_read_again(lib):
    path = _family_file(lib)
    data = yaml.safe_load(path.read_text())
    data["name"] = "The annual report"
    path.write_text(store.dump_yaml(data))
    result = drafter("clauses", "show", data["id"], "--library", str(lib))
    assert result.returncode == 0 and "The annual report" in result.stdout


def test_a_hand_edited_index_is_not_trusted(lib):
    # Someone "fixes" a family in the index with the sqlite3 shell: the YAML stays the truth.
    connection = sqlite3.connect(store.index_path(lib))
    connection.execute("UPDATE families SET data = replace(data, 'Takes note', 'Ignores') "
                       "WHERE id = 'op-takes-note-report-secretary-general'")
    connection.commit()
    connection.close()
    family = store.load(lib).family("op-takes-note-report-secretary-general")
    assert family.variants[0].template.startswith("Takes note")


@pytest.mark.parametrize("damage", [b"garbage", b""])
def test_a_damaged_index_is_rebuilt(lib, damage):
    store.index_path(lib).write_bytes(damage)
    result = drafter("clauses", "search", "remaining in one's country", "--library", str(lib))
    assert result.returncode == 0 and "op-calls-upon-international-community-seek-make" in result.stdout
    assert store.index_path(lib).read_bytes()[:15] == b"SQLite format 3"


def test_a_library_of_a_newer_format_is_refused(lib):
    manifest = lib / "library.yaml"
    manifest.write_text(manifest.read_text().replace(f"format: {FORMAT_VERSION}", "format: 9", 1))
    for args in (["clauses", "list"], ["library", "check"]):
        result = drafter(*args, *(["--library", str(lib)] if args[0] == "clauses" else [str(lib)]))
        assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
        assert "format 9, written by a newer drafter" in result.stderr + result.stdout


def test_reading_writes_nothing_into_the_library_folder(lib, cache):
    # An installed package's library sits in a read-only site-packages: its index is in the cache.
    store.index_path(lib).unlink()
    before = _files(lib)
    for args in (["clauses", "search", "remittances"], ["clauses", "list"],
                 ["new", "--session", "60", "--base", "58/208", "--no-input", "--format", "text", "-o",
                  str(cache.parent / "draft.txt")]):
        drafter(*args, "--library", str(lib), cwd=cache.parent)
    assert _files(lib) == before
    assert [p.name for p in store.index_path(lib).parent.iterdir()] == [store.index_path(lib).name]


def test_search_stems_and_shows_text(tmp_path):
    # issue 13: "remittances" and "remittance" found different clauses; now the same, with text.
    corpus = corpus_or_skip()
    files = [p for p in sorted((corpus / "79").glob("*.xml")) if "remittance" in p.read_text(encoding="utf-8")][:6]
    mine_sources([str(p) for p in files], tmp_path / "lib")
    library = store.load(tmp_path / "lib")
    plural = [h.family.id for h in library.search("remittances")]
    assert plural and plural == [h.family.id for h in library.search("remittance")]
    assert all("remittance" in h.text.lower() for h in library.search("remittances"))
    operative = library.search("remittances", kind="operative")
    assert operative and all(h.family.kind == "operative" for h in operative)


def test_the_text_search_shows_is_the_clause_as_rendered():
    # Search shows the index's text, taken without rendering; it must be what jinja2 renders.
    from drafter.library.fill import _latest_values, fill, plain, search_words

    library = store.load(ROOT / "clause_library")
    for family in library.families:
        for variant in family.variants:
            values, session = _latest_values(library, variant)
            assert search_words(library, variant) == plain(fill(variant, values, session)), variant.id


def test_matching_a_clause_is_a_lookup_that_finds_what_a_scan_finds(tmp_path):
    # best_family looks among the families sharing a MinHash band; on real texts it finds the
    # family a scan of every family finds (the old way, 74 s on the whole corpus).
    import math

    from drafter.ingest import read_resolution
    from drafter.library import families as grouping
    from drafter.library.clauses import clauses_of

    corpus = corpus_or_skip()
    mine_sources([str(p) for p in sorted((corpus / "79").glob("*.xml"))[:60]], tmp_path / "lib")
    library = store.load(tmp_path / "lib")
    everything = library.families
    base = read_resolution(sorted((corpus / "80").glob("*.xml"))[5])
    found = 0
    for clause in clauses_of(base):
        candidates = [f for f in everything if f.kind == clause.kind]
        words = grouping.content_words(clause)
        texts = [grouping.wording_words(v.template, v.lead, v.subparagraphs) for f in candidates for v in f.variants]
        scorer = grouping.scorer_for([words, *texts])
        scores = [(scorer.same_family(0, i + 1), f.id) for i, f in
                  enumerate(f for f in candidates for _ in f.variants)]
        best = max(scores, default=(0, None))
        scanned = best[1] if best[0] > 0 else None
        looked_up = library.best_family(clause)
        assert (looked_up.id if looked_up else None) == scanned or math.isclose(best[0], 0.45, abs_tol=0.05)
        found += scanned is not None
    assert found >= 5


# --- real processes: killed builds, two writers --------------------------------------------------

def _files(directory):
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


def test_a_killed_index_build_leaves_library_and_index_as_before(lib):
    # A hand edit makes the next command rebuild the index; that command is killed mid-build.
    path = _family_file(lib)
    data = yaml.safe_load(path.read_text())
    data["name"] = "Edited"
    path.write_text(store.dump_yaml(data))
    before = _files(lib)
    index = store.index_path(lib)
    indexes = _files(index.parent)
    script = (
        "import os, signal, sys\n"
        "from drafter.library import index\n"
        "real = index._Rows.insert\n"
        "def die(*a):\n"
        "    real(*a)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "index._Rows.insert = die\n"
        "from drafter.cli import main\n"
        f"sys.exit(main(['clauses', 'list', '--library', {str(lib)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL
    assert _files(lib) == before
    assert {k: v for k, v in _files(index.parent).items() if not k.startswith(".")} == indexes  # its temporary aside
    # The next command builds the index whole, and cleans up what the killed one left.
    assert drafter("clauses", "show", data["id"], "--library", str(lib)).stdout.count("Edited") == 1
    assert [p.name for p in index.parent.iterdir()] == [index.name]


def test_a_mine_killed_while_indexing_leaves_library_and_index_as_before(lib, tmp_path):
    before = _files(lib)
    script = (
        "import os, signal, sys\n"
        "from drafter.library import index\n"
        "index._add_bands = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from drafter.cli import main\n"
        f"sys.exit(main(['mine', {str(ROOT / 'seeds')!r}, '--rebuild', '--library', {str(lib)!r}]))\n"
    )
    indexes = _files(store.index_path(lib).parent)
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL
    assert _files(lib) == before
    left = _files(store.index_path(lib).parent)
    assert {k: v for k, v in left.items() if not k.startswith(".")} == indexes   # a killed build's temporary aside
    assert store.load(lib).version == "1.0.0"


def test_a_second_writer_waits_and_nothing_is_lost(tmp_path):
    # Two mines into one library at once: the both said "written" and one's sources were
    # lost. The first is slowed after it took the lock; the second must wait, then add to it.
    first = sorted(SEEDS.glob("*.txt"))[:3]
    second = sorted(SEEDS.glob("*.txt"))[3:]
    marker = tmp_path / "locked"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from drafter.library import api\n"
        "real = api.read_sources\n"
        "def slow(*a):\n"
        f"    Path({str(marker)!r}).touch()\n"
        "    time.sleep(3)\n"
        "    return real(*a)\n"
        "api.read_sources = slow\n"
        "from drafter.cli import main\n"
        f"sys.exit(main(['mine', *{[str(p) for p in first]!r}, '--library', {str(tmp_path / 'lib')!r}]))\n"
    )
    slow = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    for _ in range(600):
        if marker.exists() or slow.poll() is not None:
            break
        time.sleep(0.05)
    assert marker.exists()
    quick = drafter("mine", *map(str, second), "--library", str(tmp_path / "lib"))
    out, err = slow.communicate(timeout=120)
    assert slow.returncode == 0 and quick.returncode == 0, (err, quick.stderr)
    assert "waiting for another drafter writing to" in quick.stderr
    assert "5 resolutions (2 read, 3 kept)" in quick.stdout
    assert len(store.load(tmp_path / "lib").sources) == 5


def test_removing_from_a_missing_library_is_one_line(tmp_path):
    with pytest.raises(LibraryError):
        from drafter.library.api import remove_sources

        remove_sources(["58/208"], tmp_path / "none")


def test_an_index_damaged_inside_is_one_line_then_rebuilt(lib):
    # Cut in half: its header and first pages read, its later pages are gone. The command that
    # meets that says so in one line; the index is derived, so it is removed and built again.
    path = store.index_path(lib)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    results = [drafter("clauses", "list", "--json", "--library", str(lib)) for _ in range(2)]
    assert all("Traceback" not in r.stderr for r in results)
    assert results[-1].returncode == 0 and '"op-takes-note-report-secretary-general"' in results[-1].stdout


def test_band_keys_kept_from_the_last_grouping_are_those_worked_out_afresh(lib):
    # The index takes the band keys mining already computed; they must be the keys it would compute.
    from drafter.library import families as grouping

    library = store.load(lib)
    sets = sorted({grouping.wording_words(v.template, v.lead, v.subparagraphs)
                   for f in library.families for v in f.variants}, key=sorted)
    grouping._last_keys.clear()
    afresh = grouping.band_keys_of_sets(sets).tolist()
    assert afresh == [grouping.band_keys(words) for words in sets]
    grouping._last_keys.update(zip(sets[::2], grouping.band_keys_of(grouping._signatures(sets[::2]))))
    assert grouping.band_keys_of_sets(sets).tolist() == afresh


def test_band_rows_are_the_same_however_many_wordings():
    # An index of under 200 wordings works its band rows out one wording at a time, a larger one
    # on numpy's arrays (`index._band_rows`): the two must give the same rows, distinct and sorted
    # alike, or a clause would find other families in a big library than in a small one. Word sets
    # drawn at random, some empty, some shared, of both kinds and of none.
    import random

    from drafter.library import families as grouping
    from drafter.library import index

    draw = random.Random(8)
    vocabulary = [f"word{i}" for i in range(400)]
    words_of = [(draw.choice(["preambular", "operative", "other"]), f"family-{draw.randrange(60)}",
                 frozenset(draw.sample(vocabulary, draw.randrange(0, 9)))) for _ in range(1500)]
    rowid = {f"family-{i}": i + 1 for i in range(60)}
    one_by_one = sorted({(index._of_kind(kind, key), rowid[family])
                         for kind, family, words in words_of for key in grouping.band_keys(words)})
    keys = grouping.band_keys_of_sets([words for _, _, words in words_of])
    assert index._band_rows(keys, words_of, rowid) == one_by_one
    assert len(one_by_one) < len(words_of) * keys.shape[1]        # some rows were the same
