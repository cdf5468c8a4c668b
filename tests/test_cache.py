"""What drafter keeps in its cache between runs, so that a command starts fast: the models of a
library's sources (drafter/library/parsed.py) and compiled JSON Schema validators
(drafter/library/validators.py). Each entry is used only when it is the entry of this file (or
schema) as this drafter makes it, and a damaged one is made again, never trusted; a cache that
cannot be written costs time only; a draft is the same, byte for byte, from a cold cache or a warm one.
"""

from __future__ import annotations

import json
import marshal
import os
import shutil
import subprocess
import sys
from pathlib import Path

import fastjsonschema
import pytest
from conftest import ROOT

from drafter import ingest
from drafter.ingest import read_resolution
from drafter.library import parsed, validators

SEED = ROOT / "seeds" / "001_dc7a3f17028d8240.txt"      # 58/208, the README's base


@pytest.fixture()
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "drafter"


def _same(got, expected) -> None:
    """Equal as models, in all the model's JSON carries (its masthead, source, what the reader
    supplied), and in the reader's warnings."""
    assert got == expected
    assert got.to_dict() == expected.to_dict() and got.warnings == expected.warnings


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.glob("sources/*.json"))


def _refuse_reading(monkeypatch) -> None:
    def refused(path):
        raise AssertionError(f"read {path} again")
    monkeypatch.setattr(ingest, "read_resolution", refused)


# --- the models of sources ---------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "seeds").iterdir()))
def test_a_source_is_read_once_then_taken_from_the_cache_as_read(name, cache, monkeypatch):
    path = ROOT / "seeds" / name
    expected = read_resolution(path)
    _same(parsed.read_source(path), expected)
    assert len(_entries(cache)) == 1
    _refuse_reading(monkeypatch)
    _same(parsed.read_source(path), expected)


def test_a_source_moved_keeps_its_entry_and_its_new_path(cache, tmp_path, monkeypatch):
    parsed.read_source(SEED)
    moved = tmp_path / "moved.txt"
    shutil.copy(SEED, moved)
    _refuse_reading(monkeypatch)
    assert parsed.read_source(moved).source.path == str(moved)


def test_an_edited_source_is_read_again(cache, tmp_path):
    source = tmp_path / "58-208.txt"
    source.write_text(SEED.read_text("utf-8"), "utf-8")
    first = parsed.read_source(source)
    source.write_text(SEED.read_text("utf-8").replace("Recalling", "Recalling also", 1), "utf-8")
    again = parsed.read_source(source)
    assert again != first and again == read_resolution(source)
    assert len(_entries(cache)) == 2                  # one per content: an edit undone is found again


def test_a_model_read_by_other_code_is_never_used(cache, monkeypatch):
    parsed.read_source(SEED)
    monkeypatch.setattr(parsed, "code_fingerprint", lambda: "other")
    calls = []
    monkeypatch.setattr(ingest, "read_resolution", lambda path: calls.append(path) or read_resolution(path))
    _same(parsed.read_source(SEED), read_resolution(SEED))
    assert calls == [SEED]
    assert [p.name.rsplit("-", 1)[1] for p in _entries(cache)] == ["other.json"]  # the old one went


def test_the_code_fingerprint_follows_every_file_of_the_package(tmp_path, monkeypatch):
    package = tmp_path / "drafter"
    shutil.copytree(ROOT / "drafter", package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(parsed, "PACKAGE", package)

    def fingerprint() -> str:
        parsed.code_fingerprint.cache_clear()
        return parsed.code_fingerprint()

    before = fingerprint()
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "x.pyc").write_bytes(b"bytecode")
    assert fingerprint() == before                     # bytecode is no change of the reader
    reader = package / "ingest" / "text.py"
    reader.write_text(reader.read_text("utf-8") + "\n# changed\n", "utf-8")
    assert fingerprint() != before
    parsed.code_fingerprint.cache_clear()


@pytest.mark.parametrize("damage", [
    b"", b"{\"format\": 1, \"sha", b"\xff\xfe not json", b"[]", b"{}", b'{"format": 1}',
    "wrong sha256", "model not a model",
])
def test_a_damaged_entry_is_ignored_and_made_again(damage, cache):
    expected = parsed.read_source(SEED)
    [entry] = _entries(cache)
    data = json.loads(entry.read_bytes())
    if damage == "wrong sha256":
        damage = json.dumps({**data, "sha256": "0" * 64}).encode()
    elif damage == "model not a model":
        damage = json.dumps({**data, "model": {"number": "58/208", "preamble": [{"lead": 3}]}}).encode()
    entry.write_bytes(damage)
    _same(parsed.read_source(SEED), expected)
    assert json.loads(entry.read_bytes()) == data      # replaced by a sound entry


def test_no_cache_to_write_to_costs_only_the_reading(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    _same(parsed.read_source(SEED), read_resolution(SEED))


# --- compiled validators -------------------------------------------------------------------------

SCHEMA = {"type": "object", "additionalProperties": False,
          "properties": {"symbol": {"type": "string", "pattern": "^A/\\d+/\\d+$"},
                         "session": {"type": "integer", "minimum": 0, "maximum": 10}}}
SOUND = [{}, {"symbol": "A/58/98"}, {"session": 10, "symbol": "A/1/2"}]
UNSOUND = [[], {"symbol": "A/58"}, {"session": 11}, {"session": "1"}, {"other": 1}]


def _judge(validate, data) -> str | None:
    try:
        validate(data)
    except fastjsonschema.JsonSchemaException as error:
        return error.message
    return None


def test_a_cached_validator_judges_as_fastjsonschema_does(cache):
    fresh = validators.compiled(SCHEMA)
    [entry] = cache.glob("validators/*.marshal")
    cached = validators.compiled(SCHEMA)
    for data in SOUND + UNSOUND:
        expected = _judge(fastjsonschema.compile(SCHEMA), data)
        assert _judge(fresh, data) == _judge(cached, data) == expected
        assert (expected is None) == (data in SOUND)
    assert entry.is_file()


def test_another_schema_is_another_entry(cache):
    validators.compiled(SCHEMA)
    stricter = {**SCHEMA, "required": ["symbol"]}
    assert _judge(validators.compiled(stricter), {}) is not None
    assert len(list(cache.glob("validators/*.marshal"))) == 2


@pytest.mark.parametrize("damage", [
    b"", b"\x00garbage", marshal.dumps(("validate", "not code")), marshal.dumps(["validate"]),
    marshal.dumps(("no_such_function", compile("x = 1", "<x>", "exec"))),
    marshal.dumps(("validate", compile("raise RuntimeError('broken')", "<x>", "exec"))),
])
def test_a_damaged_validator_is_compiled_again(damage, cache):
    validators.compiled(SCHEMA)
    [entry] = cache.glob("validators/*.marshal")
    entry.write_bytes(damage)
    validate = validators.compiled(SCHEMA)
    assert [_judge(validate, data) is None for data in SOUND + UNSOUND] == [True] * 3 + [False] * 5
    assert marshal.loads(entry.read_bytes())[0] == "validate"


def test_no_cache_to_write_to_costs_only_the_compiling(tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert [_judge(validators.compiled(SCHEMA), data) is None for data in SOUND + UNSOUND] == [True] * 3 + [False] * 5


# --- whole commands ------------------------------------------------------------------------------

def _new(tmp_path: Path, cache_home: Path, name: str, *answers: str) -> bytes:
    return _run_new(tmp_path, cache_home, name, *answers)[0]


def _run_new(tmp_path: Path, cache_home: Path, name: str, *answers: str) -> tuple[bytes, str]:
    out = tmp_path / name
    env = {k: v for k, v in os.environ.items() if k != "DRAFTER_LIBRARY"} | {"XDG_CACHE_HOME": str(cache_home)}
    result = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208",
                             *answers, "--no-input", "-o", str(out)], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert result.returncode == 0, result.stderr
    return out.read_bytes(), result.stderr


def test_a_draft_is_the_same_from_a_cold_cache_and_a_warm_one(tmp_path):
    _new(tmp_path, tmp_path / "first", "first.docx")
    answers = ("--answers", str(tmp_path / "first.docx.answers.yaml"))
    cold = _new(tmp_path, tmp_path / "cache", "cold.docx", *answers)
    assert list((tmp_path / "cache" / "drafter").glob("sources/*.json"))
    assert list((tmp_path / "cache" / "drafter").glob("validators/*.marshal"))
    warm = _new(tmp_path, tmp_path / "cache", "warm.docx", *answers)
    assert cold == warm


def _blocked(tmp_path: Path, how: str) -> Path:
    """A cache home nobody can write under: a file where a folder should be (mkdir fails, even for
    root), or a read-only folder (which root writes to anyway: then the test says so and skips)."""
    blocked = tmp_path / f"blocked-{how}"
    if how == "file":
        blocked.write_text("a file where the cache would go")
        return blocked
    blocked.mkdir()
    blocked.chmod(0o500)
    if os.access(blocked, os.W_OK):
        blocked.chmod(0o700)
        pytest.skip("this user (root?) writes to a read-only folder anyway")
    return blocked


@pytest.mark.parametrize("how", ["file", "read-only folder"])
def test_a_cache_that_cannot_be_written_costs_one_warning_never_the_command(tmp_path, how):
    blocked = _blocked(tmp_path, how)
    try:
        draft, said = _run_new(tmp_path, blocked, "blocked.docx")
    finally:
        if blocked.is_dir():
            blocked.chmod(0o700)
    kept = _new(tmp_path, tmp_path / "cache", "kept.docx")
    assert draft == kept                 # the index built for this command alone answers the same
    warnings = [line for line in said.splitlines() if "index" in line]
    assert len(warnings) == 1 and str(blocked / "drafter") in warnings[0], said
    assert "XDG_CACHE_HOME" in warnings[0]
    assert not blocked.is_dir() or not any(blocked.iterdir())


def test_mining_with_a_cache_that_cannot_be_written_writes_the_library_and_a_later_command_indexes_it(tmp_path):
    """The YAML is the library and the index is derived: a mine whose cache cannot be written
    writes the library whole (one warning), and the next command with a cache builds the index."""
    blocked = _blocked(tmp_path, "file")
    env = {k: v for k, v in os.environ.items() if k != "DRAFTER_LIBRARY"}
    mined = subprocess.run([sys.executable, "-m", "drafter", "mine", str(SEED), "--library", str(tmp_path / "lib")],
                           env=env | {"XDG_CACHE_HOME": str(blocked)}, capture_output=True, text=True,
                           timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert mined.returncode == 0, mined.stderr
    assert "Traceback" not in mined.stderr
    warnings = [line for line in mined.stderr.splitlines() if "index" in line]
    assert len(warnings) == 1 and "XDG_CACHE_HOME" in warnings[0], mined.stderr
    assert list((tmp_path / "lib" / "families").glob("*.yaml"))
    searched = subprocess.run([sys.executable, "-m", "drafter", "clauses", "search", "remittances",
                               "--library", str(tmp_path / "lib")],
                             env=env | {"XDG_CACHE_HOME": str(tmp_path / "cache")}, capture_output=True,
                             text=True, timeout=120, stdin=subprocess.DEVNULL, check=False)
    assert searched.returncode == 0 and "remittances" in searched.stdout.lower(), searched.stderr
    assert list((tmp_path / "cache" / "drafter").rglob("index-*.sqlite"))
