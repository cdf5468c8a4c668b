"""Mining the seeds into a clause library: families, variants, parameters, versions, safety."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import ROOT, SEED_BY_NUMBER, corpus_or_skip

from drafter.errors import ParseError
from drafter.ingest import read_resolution
from drafter.library import store
from drafter.library.api import mine_sources, remove_sources
from drafter.library.fill import fill


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    """Libraries' indexes go to the user's cache: here one of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))

@pytest.fixture(scope="module")
def library():
    return store.load(ROOT / "clause_library")


def _family_holding(library, resolution, part, number):
    for family in library.families:
        for variant, source in family.sources():
            ref = source.ref
            if (ref.resolution, ref.part, ref.number) == (resolution, part, number):
                return family
    raise AssertionError(f"no family holds {resolution} {part} {number}")


def _members(family):
    return {(s.ref.resolution, s.ref.number) for _, s in family.sources()}


def test_report_family_with_symbol_per_source(library):
    family = _family_holding(library, "58/208", "operative", 1)
    assert _members(family) == {("52/189", 1), ("54/212", 1), ("56/203", 1), ("58/208", 1)}
    symbols = {s.ref.resolution: s.values["symbol"] for _, s in family.sources()}
    assert symbols == {"52/189": "A/52/314", "54/212": "A/54/207", "56/203": "A/56/167", "58/208": "A/58/98"}
    assert family.schema["properties"]["symbol"]["x-kind"] == "symbol"
    # "Takes note of the initiatives undertaken by Member States" starts alike but is another purpose.
    assert _family_holding(library, "58/208", "operative", 5).id != family.id


def test_agenda_family_with_session_offsets(library):
    family = _family_holding(library, "58/208", "operative", 11)
    offsets = {s.ref.resolution: (s.ref.number, s.values["session_offset"]) for _, s in family.sources()}
    assert offsets == {"52/189": (7, 2), "54/212": (9, 2), "56/203": (12, 2), "58/208": (11, 1)}


def test_remaining_in_ones_country_family_across_lead_verbs(library):
    family = _family_holding(library, "58/208", "operative", 7)
    assert _members(family) == {("52/189", 4), ("54/212", 5), ("56/203", 8), ("58/208", 7), ("2006/2", 10)}
    assert {v.lead for v in family.variants} == {"Calls upon", "Also calls upon", "Invites"}


def test_cairo_programme_family_holds_all_five(library):
    family = _family_holding(library, "52/189", "preambular", 1)
    assert {r for r, _ in _members(family)} == set(SEED_BY_NUMBER)
    assert family.kind == "preambular"


def test_series_recall_as_a_growing_list(library):
    family = _family_holding(library, "58/208", "preambular", 2)
    assert _members(family) == {("52/189", 4), ("54/212", 2), ("56/203", 2), ("58/208", 2)}
    lists = {s.ref.resolution: [c["number"] for c in s.values["citations"]] for _, s in family.sources()}
    assert lists["52/189"] == ["49/127", "50/123"]
    assert lists["58/208"] == ["49/127", "50/123", "52/189", "54/212", "56/203"]
    assert family.schema["properties"]["citations"]["type"] == "array"


def test_kinds_never_share_a_family(library):
    for family in library.families:
        assert {s.ref.part for _, s in family.sources()} == {family.kind}


def test_every_source_paragraph_renders_back_exactly(library):
    # Templates plus each source's values give back the paragraph as read, footnotes included.
    seeds = {number: read_resolution(path) for number, path in SEED_BY_NUMBER.items()}
    checked = 0
    for family in library.families:
        for variant, source in family.sources():
            resolution = seeds[source.ref.resolution]
            paragraphs = resolution.preamble if source.ref.part == "preambular" else resolution.operative
            if source.ref.part == "preambular":
                original = paragraphs[source.ref.number - 1]
            else:
                original = next(p for p in paragraphs if p.number == source.ref.number)
            filled = fill(variant, source.values, resolution.session, original.number)
            assert filled.paragraph.text == original.text
            assert _shape(filled.paragraph.subparagraphs) == _shape(original.subparagraphs)
            assert [f.at for f in filled.paragraph.footnotes] == [f.at for f in original.footnotes]
            texts = [resolution.footnotes.get(f.marker, "") for f in original.footnotes]
            assert [filled.notes[int(f.marker) - 1] for f in filled.paragraph.footnotes] == texts
            checked += 1
    assert checked == sum(len(r.preamble) + len(r.operative) for r in seeds.values())


def _shape(subs):
    """Labels, texts and marker offsets of sub-paragraphs, nested; markers are numbered per clause."""
    return [(s.label, s.text, [f.at for f in s.footnotes], _shape(s.subparagraphs)) for s in subs]


def test_values_fit_the_family_schema(library):
    for family in library.families:
        validator = jsonschema.Draft202012Validator(family.schema)
        for _, source in family.sources():
            assert not list(validator.iter_errors(source.values)), (family.id, source.values)


def test_shipped_library_equals_a_fresh_mine(tmp_path, monkeypatch):
    # Mined in a copy of the project, seeds/ beside the library as in the repository: the sources'
    # paths are relative to the library, so the copy's library is the shipped one, byte for byte.
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    mine_sources(["seeds/"], tmp_path / "clause_library")
    assert _files(tmp_path / "clause_library") == _files(ROOT / "clause_library")


def test_a_moved_library_still_finds_its_sources(tmp_path, monkeypatch):
    # Beside the library a source's path is relative (they travel together); elsewhere absolute.
    shutil.copytree(ROOT / "seeds", tmp_path / "project" / "seeds")
    monkeypatch.chdir(tmp_path / "project")
    mine_sources(["seeds/", str(ROOT / "seeds" / "001_dc7a3f17028d8240.txt")], tmp_path / "project" / "lib")
    paths = {s["path"] for s in yaml.safe_load((tmp_path / "project" / "lib" / "library.yaml").read_text())["sources"]}
    assert "../seeds/002_2a1bcdcef4a7281d.txt" in paths
    shutil.move(tmp_path / "project", tmp_path / "moved")
    library = store.load(tmp_path / "moved" / "lib")
    assert all(store.source_path(library, s).is_file() for s in library.sources)
    result = subprocess.run([sys.executable, "-m", "drafter", "render", "52/189", "--format", "text", "-o", "-",
                             "--library", str(tmp_path / "moved" / "lib")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "International migration and development" in result.stdout


def _files(directory: Path) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*.yaml"))}


def _mine(tmp_path, monkeypatch, numbers, lib="lib", rebuild=False):
    monkeypatch.chdir(ROOT)
    paths = [str(SEED_BY_NUMBER[n].relative_to(ROOT)) for n in numbers]
    return mine_sources(paths, tmp_path / lib, rebuild=rebuild)


def test_same_sources_any_order_same_bytes(tmp_path, monkeypatch):
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER), "a")
    _mine(tmp_path, monkeypatch, list(reversed(SEED_BY_NUMBER)), "b")
    first = _files(tmp_path / "a")
    assert first == _files(tmp_path / "b")
    lines = _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER), "a")
    assert _files(tmp_path / "a") == first
    assert "0 new, 0 changed, 0 deprecated" in "\n".join(lines)


def test_adding_a_source_bumps_what_it_changes_only(tmp_path, monkeypatch):
    four = ["52/189", "54/212", "56/203", "58/208"]
    _mine(tmp_path, monkeypatch, four)
    before = _files(tmp_path / "lib")
    lines = "\n".join(_mine(tmp_path, monkeypatch, four + ["2006/2"]))
    after = _files(tmp_path / "lib")
    assert yaml.safe_load(after["library.yaml"])["version"] == "1.1.0"
    changed = [p for p in before if p in after and before[p] != after[p] and p != "library.yaml"]
    untouched = [p for p in before if before[p] == after.get(p)]
    assert changed and untouched
    for path in changed:
        old, new = yaml.safe_load(before[path]), yaml.safe_load(after[path])
        assert new["version"] == old["version"] + 1
        # Only families that gained a 2006/2 clause changed.
        assert any(s["resolution"] == "2006/2" for v in new["variants"] for s in v["sources"])
    assert "changed" in lines


@pytest.mark.parametrize("how", ["rebuild", "remove"])
def test_a_variant_no_source_supports_is_deprecated_not_deleted(tmp_path, monkeypatch, how):
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    if how == "rebuild":
        _mine(tmp_path, monkeypatch, ["54/212", "56/203", "58/208", "2006/2"], rebuild=True)
    else:
        lines = remove_sources(["52/189"], tmp_path / "lib")
        assert "library 1.1.0: 4 resolutions (0 read, 4 kept)" in lines[0]
    library = store.load(tmp_path / "lib")
    assert [s.number for s in library.sources] == ["54/212", "56/203", "58/208", "2006/2"]
    family = _family_holding(library, "52/189", "operative", 4)     # the "Calls upon" wording
    variant = next(v for v in family.variants if v.lead == "Calls upon")
    assert variant.status == "deprecated"
    only_5289 = [f for f in library.families if {s.ref.resolution for _, s in f.sources()} == {"52/189"}]
    assert only_5289 and all(v.status == "deprecated" for f in only_5289 for v in f.variants)


def test_mining_adds_to_what_the_library_holds(tmp_path, monkeypatch):
    # The issue: mining one more resolution into a library of the seeds deprecated all 90 seed
    # families, because sources not named again no longer counted. Now they stay.
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    before = _files(tmp_path / "lib")
    corpus = corpus_or_skip()
    lines = "\n".join(mine_sources([str(corpus / "75" / "75_100_E.xml")], tmp_path / "lib"))
    assert "6 resolutions (1 read, 5 kept)" in lines and " 0 changed, 0 deprecated" in lines
    after = _files(tmp_path / "lib")
    # Every seed family is untouched, byte for byte; only new families and the manifest were written.
    assert all(after[p] == before[p] for p in before if p != "library.yaml")
    library = store.load(tmp_path / "lib")
    assert {s.number for s in library.sources} == {*SEED_BY_NUMBER, "75/100"}
    assert not any(v.status == "deprecated" for f in library.families for v in f.variants)
    # The same again changes no byte.
    mine_sources([str(corpus / "75" / "75_100_E.xml")], tmp_path / "lib")
    assert _files(tmp_path / "lib") == after


def test_removing_an_unknown_number_names_it(tmp_path, monkeypatch):
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    result = subprocess.run([sys.executable, "-m", "drafter", "library", "remove", "52/18", "--library",
                             str(tmp_path / "lib")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and "no resolution 52/18 in the library" in result.stderr
    assert "Traceback" not in result.stderr


def test_curated_fields_survive_a_new_mine(tmp_path, monkeypatch):
    _mine(tmp_path, monkeypatch, ["52/189", "54/212", "56/203", "58/208"])
    path = tmp_path / "lib" / "families" / "op-takes-note-report-secretary-general.yaml"
    data = yaml.safe_load(path.read_text())
    data.update(name="Report of the Secretary-General", description="Takes note of the annual report.",
                tags=["report"], preferred_variant=data["variants"][0]["id"])
    data["schema"]["properties"]["symbol"]["description"] = "symbol of this year's report"
    path.write_text(store.dump_yaml(data))
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    again = yaml.safe_load(path.read_text())
    assert again["name"] == "Report of the Secretary-General"
    assert again["tags"] == ["report"] and again["preferred_variant"] == data["preferred_variant"]
    assert again["schema"]["properties"]["symbol"]["description"] == "symbol of this year's report"


def test_a_rebuild_from_an_older_format_gives_back_what_was_curated(tmp_path, monkeypatch):
    # A library this drafter cannot load (its manifest says format 2; the family files are those
    # of today's mining, edited by hand) is mined afresh with --rebuild, and what a person wrote in
    # its files comes back by family id. A curated family that mining no longer makes is named.
    _mine(tmp_path, monkeypatch, ["52/189", "54/212", "56/203", "58/208"])
    lib = tmp_path / "lib"
    path = lib / "families" / "op-takes-note-report-secretary-general.yaml"
    data = yaml.safe_load(path.read_text())
    data.update(name="Report of the Secretary-General", tags=["report"],
                preferred_variant=data["variants"][0]["id"])
    data["schema"]["properties"]["symbol"]["description"] = "symbol of this year's report"
    path.write_text(store.dump_yaml(data))
    gone = {**data, "id": "op-a-clause-no-longer-mined", "description": "kept by hand"}
    (lib / "families" / "op-a-clause-no-longer-mined.yaml").write_text(store.dump_yaml(gone))
    manifest = lib / "library.yaml"
    manifest.write_text(manifest.read_text().replace("format: 3\n", "format: 2\n", 1))
    with pytest.raises(Exception, match="older than this drafter"):
        store.load(lib)

    lines = "\n".join(_mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER), rebuild=True))
    assert "were given back by id (1 family changed); 1 curated family is no longer mined " \
           "(op-a-clause-no-longer-mined)" in lines
    again = yaml.safe_load(path.read_text())
    assert again["name"] == "Report of the Secretary-General" and again["tags"] == ["report"]
    assert again["preferred_variant"] == data["preferred_variant"]
    assert again["schema"]["properties"]["symbol"]["description"] == "symbol of this year's report"
    assert store.load(lib).format == 3 and not (lib / "families" / "op-a-clause-no-longer-mined.yaml").exists()


def test_a_rebuild_from_an_older_format_stops_at_a_file_it_cannot_read(tmp_path, monkeypatch):
    # What that file holds could not be given back: the rebuild names it (file and line) and what
    # to do, before anything is mined, and the library stays as it was.
    from drafter.errors import LibraryError

    _mine(tmp_path, monkeypatch, ["52/189", "54/212"])
    lib = tmp_path / "lib"
    manifest = lib / "library.yaml"
    manifest.write_text(manifest.read_text().replace("format: 3\n", "format: 2\n", 1))
    broken = sorted((lib / "families").glob("*.yaml"))[0]
    broken.write_text("id: [unclosed\n  name: x\n")
    before = _files(lib)
    with pytest.raises(LibraryError, match="not valid YAML") as caught:
        _mine(tmp_path, monkeypatch, ["52/189", "54/212"], rebuild=True)
    assert caught.value.path == str(broken) and caught.value.line == 2 and "mend it" in caught.value.hint
    assert _files(lib) == before


def test_a_failed_mine_leaves_the_library_as_it_was(tmp_path, monkeypatch):
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    before = _files(tmp_path / "lib")
    bad = tmp_path / "bad.txt"
    bad.write_text("not a resolution\n")
    with pytest.raises(ParseError):
        mine_sources(["seeds/", str(bad)], tmp_path / "lib")
    assert _files(tmp_path / "lib") == before

    # A failure while the new library is being written: nothing of it is left behind.
    real_dump = store.dump_yaml
    calls = []

    def failing_dump(data):
        calls.append(1)
        if len(calls) == 20:
            raise OSError("disk full")
        return real_dump(data)

    monkeypatch.setattr(store, "dump_yaml", failing_dump)
    with pytest.raises(OSError):
        mine_sources(["seeds/"], tmp_path / "lib")
    assert _files(tmp_path / "lib") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "lib"]


def test_a_library_written_by_worker_processes_is_the_same(tmp_path, monkeypatch):
    # A large mine's family files are written by its worker processes while the index is built
    # from what they send back (store._write_families); forced here on the seeds, in jobs of 7
    # families so that rows come back in many pieces and from both workers. The files, and the
    # index rows with their files' stamps, must be what one process writes.
    import sqlite3

    from drafter.library import workers

    if workers.cores() < 2 or not workers.can_fork():
        pytest.skip("workers are used only with two cores and fork")
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER), "alone")
    _workers_always(monkeypatch)
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER), "helped")
    assert _files(tmp_path / "helped") == _files(tmp_path / "alone")

    def rows(lib):
        with contextlib.closing(sqlite3.connect(store.index_path(tmp_path / lib))) as index:
            return index.execute("SELECT id, kind, version, active, sources, sha256, size, data FROM families "
                                 "ORDER BY id").fetchall()

    helped = rows("helped")
    assert len(helped) > 7 * 3 and helped == rows("alone")
    for family_id, *_, sha256, size, _ in helped:
        data = (tmp_path / "helped" / "families" / f"{family_id}.yaml").read_bytes()
        assert (hashlib.sha256(data).hexdigest(), len(data)) == (sha256, size)


def test_a_mine_whose_worker_fails_to_write_leaves_the_library_as_it_was(tmp_path, monkeypatch):
    # A worker's error (a full disk) comes back to the mine, which stops with it and leaves
    # nothing of the new library behind.
    from drafter.library import workers

    if workers.cores() < 2 or not workers.can_fork():
        pytest.skip("workers are used only with two cores and fork")
    _mine(tmp_path, monkeypatch, ["52/189", "54/212"])
    before = _files(tmp_path / "lib")
    real_dump = store.dump_yaml
    calls = []

    def failing_dump(data):                     # called in a worker, which fork made
        calls.append(1)
        if len(calls) == 20:
            raise OSError(28, "No space left on device")
        return real_dump(data)

    monkeypatch.setattr(store, "dump_yaml", failing_dump)
    _workers_always(monkeypatch)
    with pytest.raises(OSError, match="No space left"):
        _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    assert len(calls) == 1                      # here only the manifest: the workers wrote the families
    assert _files(tmp_path / "lib") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lib"]


def _workers_always(monkeypatch):
    """Mines of the seeds as mines of the corpus go: read and written by worker processes."""
    from drafter.library import api

    monkeypatch.setattr(api, "WORKERS_FROM", 0)
    monkeypatch.setattr(store, "_WORKERS_FROM", 0)
    monkeypatch.setattr(store, "_CHUNK", 7)


def test_the_collector_is_paused_for_a_mine_and_given_back_after(tmp_path, monkeypatch):
    # A mine pauses Python's cyclic collector (api._uncollected: its full collections walked half
    # a gigabyte for nothing); a caller gets it back as it was, after a mine that failed too.
    import gc

    seen = []
    monkeypatch.setattr(store, "dump_yaml", lambda data, real=store.dump_yaml: seen.append(gc.isenabled()) or real(data))
    _mine(tmp_path, monkeypatch, ["52/189"])
    assert seen and not any(seen) and gc.isenabled()
    bad = tmp_path / "bad.txt"
    bad.write_text("not a resolution\n")
    with pytest.raises(ParseError):
        mine_sources(["seeds/", str(bad)], tmp_path / "lib")
    assert gc.isenabled()
    gc.disable()
    try:
        _mine(tmp_path, monkeypatch, ["54/212"])
        assert not gc.isenabled()               # one who had paused it finds it paused still
    finally:
        gc.enable()


def test_a_killed_mine_leaves_the_library_as_it_was(tmp_path, monkeypatch):
    # A real process, killed with SIGKILL at the moment it starts writing the new library.
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    before = _files(tmp_path / "lib")
    script = (
        "import os, signal, sys\n"
        "from drafter.library import store\n"
        "real = store._swap_in\n"
        "def die(*a):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "store._swap_in = die\n"
        "from drafter.cli import main\n"
        f"sys.exit(main(['mine', 'seeds/', '--library', {str(tmp_path / 'lib')!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == -9
    assert _files(tmp_path / "lib") == before
    assert store.load(tmp_path / "lib").version == "1.0.0"


def test_a_mine_killed_while_its_workers_read_leaves_no_worker_and_no_lock(tmp_path, monkeypatch):
    # A mine of more than a few files reads them in worker processes. Killed with SIGKILL then (the
    # out-of-memory killer does the same), it once left its workers waiting for work for ever, and
    # holding the library's lock they had inherited: every later mine waited for them without end.
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs Linux's /proc to find the workers")
    corpus = corpus_or_skip()
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    before = _files(tmp_path / "lib")
    writer = subprocess.Popen([sys.executable, "-m", "drafter", "mine", str(corpus / "75"), "--library",
                               str(tmp_path / "lib")], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers = _wait_for(lambda: _children(writer.pid), "the mine's workers to start")
    finally:
        writer.kill()
        writer.wait()
    try:
        _wait_for(lambda: not [pid for pid in workers if _alive(pid)], "the workers to end with the writer")
    finally:
        for pid in workers:                 # none is left behind, whatever the outcome
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    assert _files(tmp_path / "lib") == before
    # The next writer is not kept waiting (were the lock still held, it would wait past the timeout).
    again = subprocess.run([sys.executable, "-m", "drafter", "mine", "seeds/", "--library", str(tmp_path / "lib")],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "waiting for another drafter" not in again.stderr


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    """Running, not a zombie (an orphan's zombie waits for a reaper that a container may lack)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def _wait_for(condition, what: str, seconds: float = 60):
    """Poll `condition` until it holds (its value returned): a deadline against a hang, not a
    measure of speed."""
    import time

    deadline = time.monotonic() + seconds
    while not (value := condition()):
        assert time.monotonic() < deadline, f"waited {seconds} s for {what}"
        time.sleep(0.05)
    return value


def test_a_mine_killed_while_its_workers_write_leaves_no_worker_and_no_lock(tmp_path, monkeypatch):
    # Killed as the index takes the first rows the workers sent back: the workers end
    # with it, the library is as it was, and the next mine is not kept waiting.
    from drafter.library import workers

    if not Path("/proc/self/task").is_dir() or workers.cores() < 2:
        pytest.skip("needs Linux's /proc and two cores")
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    before = _files(tmp_path / "lib")
    pids = tmp_path / "workers"
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from drafter.library import index, store\n"
        "from drafter.library import api\n"
        "api.WORKERS_FROM, store._WORKERS_FROM, store._CHUNK = 0, 0, 7\n"
        "def die(*a):\n"
        "    me = os.getpid()\n"
        f"    Path({str(pids)!r}).write_text(Path(f'/proc/{{me}}/task/{{me}}/children').read_text())\n"
        "    os.kill(me, signal.SIGKILL)\n"
        "index._Rows.add = die\n"
        "from drafter.cli import main\n"
        f"sys.exit(main(['mine', 'seeds/', '--library', {str(tmp_path / 'lib')!r}, '--rebuild']))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=120)
    assert result.returncode == -9, result.stderr
    workers = [int(pid) for pid in pids.read_text().split()]
    assert workers
    try:
        _wait_for(lambda: not [pid for pid in workers if _alive(pid)], "the workers to end with the mine")
    finally:
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    assert _files(tmp_path / "lib") == before
    again = subprocess.run([sys.executable, "-m", "drafter", "mine", "seeds/", "--library", str(tmp_path / "lib")],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "waiting for another drafter" not in again.stderr, again.stderr


def test_library_check_names_file_and_line(tmp_path, monkeypatch):
    _mine(tmp_path, monkeypatch, list(SEED_BY_NUMBER))
    path = tmp_path / "lib" / "families" / "op-takes-note-report-secretary-general.yaml"
    lines = path.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("version:"))
    lines[at] = "version: two"
    path.write_text("\n".join(lines) + "\n")
    result = subprocess.run([sys.executable, "-m", "drafter", "library", "check", str(tmp_path / "lib")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert f"{path}:{at + 1}: version: 'two' is not of type 'integer'" in result.stdout
    # --library DIR names the library as it does for every other command.
    named = subprocess.run([sys.executable, "-m", "drafter", "library", "check", "--library", str(tmp_path / "lib")],
                           capture_output=True, text=True, cwd=ROOT)
    assert (named.returncode, named.stdout) == (result.returncode, result.stdout)
    # Loading it for use fails the same way, as one line.
    result = subprocess.run([sys.executable, "-m", "drafter", "clauses", "list", "--library", str(tmp_path / "lib")],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and f"{path}:{at + 1}:" in result.stderr and "Traceback" not in result.stderr


def test_library_check_of_the_shipped_library():
    result = subprocess.run([sys.executable, "-m", "drafter", "library", "check"], capture_output=True,
                            text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout


def test_clauses_list_json_shape():
    result = subprocess.run([sys.executable, "-m", "drafter", "clauses", "list", "--json", "--kind", "operative"],
                            capture_output=True, text=True, cwd=ROOT)
    families = json.loads(result.stdout)
    assert families and all(f["kind"] == "operative" for f in families)
    first = families[0]
    assert {"id", "kind", "version", "schema", "variants"} <= set(first)
    assert {"id", "template", "sources", "status"} <= set(first["variants"][0])


def test_clauses_search_ranks_the_right_family_first(library):
    ranked = library.search("remaining in one's country viable")
    assert ranked[0].family.id == _family_holding(library, "58/208", "operative", 7).id
    # A hit carries its wording filled as in its latest source, not just an id and a score.
    assert "to seek to make the option of remaining in one’s country viable" in ranked[0].text


def test_clauses_history_shows_word_diffs(library):
    from drafter.library.browse import history_lines

    text = "\n".join(history_lines(library, _family_holding(library, "58/208", "operative", 11)))
    assert "[-fifty-eighth-]{+fifty-ninth+}" in text
    assert text.index("52/189") < text.index("58/208")


def test_show_unknown_family_is_one_line():
    result = subprocess.run([sys.executable, "-m", "drafter", "clauses", "show", "op-nothing-like-this"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1


# --- at the scale of the UN corpus (sessions 79-80; source: the United Nations) -----------------

@pytest.fixture(scope="module")
def corpus_library():
    from conftest import corpus_or_skip

    from drafter.library.api import _workers
    from drafter.library.mine import mine
    from drafter.library.sources import expand, read_sources

    corpus = corpus_or_skip()
    paths = expand([corpus / "79", corpus / "80"])
    with _workers(len(paths)) as pool:                  # read as `drafter mine` reads
        resolutions, _ = read_sources(paths, ROOT / "lib", pool=pool)
    library, _ = mine(resolutions, None)
    return library


def test_corpus_families_hold_one_clause_per_resolution(corpus_library):
    for family in corpus_library.families:
        resolutions = [s.ref.resolution for _, s in family.sources()]
        assert len(resolutions) == len(set(resolutions)), family.id


def test_corpus_agenda_families_never_mix_items(corpus_library):
    # "Decides to include in the provisional agenda ... the item entitled “X”" reads alike for every
    # item; what it names in quotes is what it is about, so one family never names two items.
    import re

    for family in corpus_library.families:
        names = set()
        for variant in family.variants:
            quoted = re.findall(r"“([^”]+)”", variant.template)
            if quoted and "provisional agenda" in variant.template:
                names.add(quoted[-1].lower().replace("\u2011", "-"))
        words = [tuple(re.findall(r"[a-z]+", n)) for n in names]
        for a in words:
            for b in words:
                # The same name, or one extending the other at its end (", including ...").
                shorter, longer = sorted((a, b), key=len)
                assert longer[:len(shorter)] == shorter, (family.id, names)


def test_corpus_paragraphs_render_back_exactly_with_their_own_characters(corpus_library):
    # As for the seeds: the family's template and the source's values give back the paragraph as
    # read, its no-break spaces and non-breaking hyphens where the UN put them (a date "19\u00a0December
    # 2023" as such, one "19 December 2023" as such), sub-paragraphs and footnotes included.
    from drafter.library.clauses import clauses_of

    held = {(s.ref, family.kind): (variant, s) for family in corpus_library.families for variant, s in family.sources()}
    corpus = corpus_or_skip()
    checked = no_break = 0
    for path in sorted([*(corpus / "79").glob("*.xml"), *(corpus / "80").glob("*.xml")])[::12]:
        resolution = read_resolution(path)
        notes = {**resolution.footnotes, **{m: t for part in resolution.parts for m, t in part.footnotes.items()}}
        for clause, (_, original) in zip(clauses_of(resolution), resolution.all_paragraphs(), strict=True):
            found = held.get((clause.source, clause.kind))
            if found is None:
                continue                 # left out of the library, with a warning (a heading mark)
            variant, source = found
            filled = fill(variant, source.values, resolution.session, original.number)
            assert filled.paragraph.text == original.text, (clause.source, variant.template)
            assert _shape(filled.paragraph.subparagraphs) == _shape(original.subparagraphs)
            assert [f.at for f in filled.paragraph.footnotes] == [f.at for f in original.footnotes]
            assert [filled.notes[int(f.marker) - 1] for f in filled.paragraph.footnotes] == \
                [notes.get(f.marker, "") for f in original.footnotes]
            checked += 1
            no_break += "\u00a0" in original.text
    assert checked > 1000 and no_break > 300, (checked, no_break)


def test_corpus_annual_clauses_stay_together(corpus_library):
    # A resolution re-tabled every year keeps its clauses' families: most multi-source families
    # of 79-80 hold one clause from each session, which is what makes drafting from a base work.
    pairs = [f for f in corpus_library.families if len(f.sources()) == 2]
    sessions = [{s.ref.resolution.split("/")[0] for _, s in f.sources()} for f in pairs]
    assert sum(1 for s in sessions if s == {"79", "80"}) / len(pairs) > 0.9


# --- whatever a reader hands over, the library stays sound ----------------------------------------

def test_paragraphs_the_library_cannot_hold_are_left_out_with_a_warning(tmp_path, seeds):
    # What readers have handed over on the UN corpus: a separator read as a paragraph ("* * *",
    # 75/1), a section heading read as one ("II", 78/253), items with no label (75/326). A
    # library must never hold an empty template or label, so each is left out, by name.
    from dataclasses import replace

    from drafter.library.mine import mine_resolutions
    from drafter.library.sources import _entry
    from drafter.model import Paragraph, SubParagraph

    base = seeds["58/208"]
    unlabelled = Paragraph("Decides that the dialogues will address the following themes:", lead="Decides",
                           number=13, subparagraphs=(SubParagraph("", "Dialogue 1: a healthy planet;"),))
    calls_for = Paragraph("Calls for:", lead="Calls for", number=14,
                          subparagraphs=(SubParagraph("a", "The withdrawal of forces;"),))
    declares = Paragraph("Declares that:", lead="Declares", number=15,
                         subparagraphs=(SubParagraph("a", "Nuclear weapons must be eliminated;"),))
    odd = replace(base, operative=base.operative + (Paragraph("* * *", number=11.5), Paragraph("II", number=12),
                                                    unlabelled, calls_for, declares))
    library, summary = mine_resolutions([(odd, _entry(odd, "seeds/x.txt", b""))], None)
    assert summary.warnings == ["58/208 op. 11.5: the paragraph has no words; left out of the library",
                                "58/208 op. 12: the paragraph is only a heading mark ('II'); left out of the library",
                                "58/208 op. 13: a sub-paragraph has no label; left out of the library"]
    store.save(library, tmp_path / "lib")
    assert store.check(tmp_path / "lib") == []
    # Clauses whose words are all in their sub-paragraphs are told apart by them, and named by them.
    ids = {_family_holding(library, "58/208", "operative", n).id for n in (14, 15)}
    assert ids == {"op-calls-withdrawal-forces", "op-declares-nuclear-weapons-must-eliminated"}


def test_a_part_published_apart_is_a_resolution_of_its_own(tmp_path):
    # The issue: 77/292 B, 79/245 B and 18 others were skipped as "already read" beside 77/292.
    # Whatever number a reader gives, the symbol A/RES/77/292 B names a resolution of its own.
    corpus = corpus_or_skip()
    files = [corpus / "77" / "A_RES_77_292-E.xml", corpus / "77" / "A_RES_77_292B_2313025E.xml"]
    lines = mine_sources([str(f) for f in files], tmp_path / "lib")
    assert not any("already read" in line for line in lines)
    library = store.load(tmp_path / "lib")
    assert {s.number for s in library.sources} == {"77/292", "77/292 B"}
    assert library.clauses_of("77/292 B") and library.session_of("77/292 B") == 77
    result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "78", "--base", "77/292 B",
                             "--library", str(tmp_path / "lib"), "--no-input", "--format", "text", "-o",
                             str(tmp_path / "d.txt")], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    # It is removed by that number like any other (QA: removing "77/292 B" did nothing).
    remove_sources(["77/292 B"], tmp_path / "lib")
    library = store.load(tmp_path / "lib")
    assert [s.number for s in library.sources] == ["77/292"]
    assert not [v for f in library.families for v in f.variants if v.status == "active"
                and any(s.ref.resolution == "77/292 B" for s in v.sources)]


def test_mining_into_a_folder_that_cannot_be_made_is_one_line(tmp_path):
    (tmp_path / "file").write_text("x")
    for target in (tmp_path / "file", tmp_path / "file" / "lib", "/proc/drafter-lib"):
        result = subprocess.run([sys.executable, "-m", "drafter", "mine", "seeds/", "--library", str(target)],
                                capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_search_for_a_word_every_clause_holds_finds_nothing(library):
    assert library.search("and") == []



def test_corpus_family_files_are_libyamls_bytes(corpus_library):
    # drafter.library.emit writes what libyaml would, byte for byte (or leaves the file to it):
    # checked on every family of sessions 79-80, whose wordings hold the UN's own characters. And
    # reads back (emit.undump) as PyYAML reads it.
    from drafter.library import emit

    for family in corpus_library.families:
        data = family.to_dict()
        expected = yaml.dump(data, Dumper=store._dumper(), sort_keys=False, allow_unicode=True, width=100,
                             default_flow_style=False)
        try:
            assert emit.dump(data) == expected, family.id
        except emit.Unusual:
            assert store.dump_yaml(data) == expected, family.id
        read = emit.undump(expected)               # and reads back as PyYAML does, or leaves it to PyYAML
        assert read is None or read == yaml.safe_load(expected), family.id
