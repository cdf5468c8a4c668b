"""Finding the library (--library, $DRAFTER_LIBRARY, ./clause_library, bundled), a resolution in it,
its source file; and `drafter new` arguments that forgive and warn.

The installed case (a wheel in a fresh venv, bundled library in site-packages) is tests/test_install.py;
here the package runs from the clone, where the bundled library is the top-level clause_library/.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from conftest import ROOT, SEED_BY_NUMBER, corpus_or_skip

from drafter.errors import LibraryError, UsageError
from drafter.library import locate, store
from drafter.library.model import Library, SourceEntry

LIBRARY = ROOT / "clause_library"


def drafter(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k != locate.ENVIRONMENT} | env
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, stdin=subprocess.DEVNULL, env=environ, check=False)


def where(cwd: Path, *args: str, **env: str) -> dict:
    result = drafter("library", "where", "--json", *args, cwd=cwd, **env)
    return json.loads(result.stdout) | {"rc": result.returncode}


# --- the order ------------------------------------------------------------------------------------

def test_the_order_option_variable_current_folder_bundled(tmp_path):
    mine = tmp_path / "mine"
    shutil.copytree(LIBRARY, tmp_path / "clause_library")
    bundled = where(tmp_path / "clause_library" / "families")
    assert bundled["chosen_by"] == "bundled" and Path(bundled["path"]) == LIBRARY   # the clone's
    assert where(tmp_path)["chosen_by"] == "./clause_library"
    assert where(tmp_path, DRAFTER_LIBRARY=str(mine))["chosen_by"] == "$DRAFTER_LIBRARY"
    chosen = where(tmp_path, "--library", str(LIBRARY), DRAFTER_LIBRARY=str(mine))
    assert chosen["chosen_by"] == "--library" and chosen["exists"] and chosen["rc"] == 0


def test_where_says_why_and_what_it_holds(tmp_path):
    result = drafter("library", "where", cwd=tmp_path)
    manifest = store.load(LIBRARY)
    assert result.returncode == 0
    assert result.stdout.splitlines()[0] == str(LIBRARY)
    assert "bundled with drafter" in result.stdout and "never mined into" in result.stdout
    assert f"{len(manifest.sources)} resolutions, {len(manifest.families)} families" in result.stdout


def test_where_a_library_is_missing_is_exit_1_naming_the_folder(tmp_path):
    report = where(tmp_path, DRAFTER_LIBRARY=str(tmp_path / "nowhere"))
    assert report["rc"] == 1 and not report["exists"] and report["path"] == str(tmp_path / "nowhere")
    listing = drafter("clauses", "list", cwd=tmp_path, DRAFTER_LIBRARY=str(tmp_path / "nowhere"))
    assert listing.returncode == 1 and len(listing.stderr.splitlines()) == 1
    assert listing.stderr.startswith(f"drafter: error: {tmp_path / 'nowhere'}: no clause library here")
    assert "set by $DRAFTER_LIBRARY" in listing.stderr
    # A command that needs no library (render of a file) does not trip over it.
    rendered = drafter("render", str(SEED_BY_NUMBER["58/208"]), "--format", "text", "-o", "-", cwd=tmp_path,
                       DRAFTER_LIBRARY=str(tmp_path / "nowhere"))
    assert rendered.returncode == 0 and rendered.stdout.startswith("A/RES/58/208")


def test_every_library_command_reads_the_library_it_is_given(tmp_path):
    # A library of one resolution (2006/2), given by $DRAFTER_LIBRARY: every read command sees it.
    mined = drafter("mine", str(SEED_BY_NUMBER["2006/2"]), cwd=tmp_path, DRAFTER_LIBRARY=str(tmp_path / "lib"))
    assert mined.returncode == 0, mined.stderr
    env = {"DRAFTER_LIBRARY": str(tmp_path / "lib")}
    listed = drafter("clauses", "list", "--json", cwd=tmp_path, **env)
    assert {s["id"] for s in json.loads(listed.stdout)} == {f.id for f in store.load(tmp_path / "lib").families}
    assert drafter("library", "check", cwd=tmp_path, **env).stdout.startswith(str(tmp_path / "lib"))
    refused = drafter("new", "--session", "60", "--base", "58/208", "--no-input", cwd=tmp_path, **env)
    assert refused.returncode == 2 and "no resolution 58/208 in the library" in refused.stderr


def test_mine_into_the_bundled_library_is_refused(tmp_path):
    before = {p: p.read_bytes() for p in LIBRARY.rglob("*") if p.is_file()}
    result = drafter("mine", str(ROOT / "seeds"), cwd=tmp_path)
    assert result.returncode == 1 and len(result.stderr.splitlines()) == 1
    assert "bundled library" in result.stderr and "--library DIR" in result.stderr
    assert {p: p.read_bytes() for p in LIBRARY.rglob("*") if p.is_file()} == before
    assert list(tmp_path.iterdir()) == []


def test_cache_dir_is_per_library_under_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = locate.cache_dir(LIBRARY)
    assert first.parent == tmp_path / "cache" / "drafter" and first.name.startswith("clause_library-")
    assert locate.cache_dir(LIBRARY / "families" / "..") == first       # one library, one cache
    assert locate.cache_dir(tmp_path / "clause_library") != first


def test_a_missing_bundled_library_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(locate.shipped, "path", lambda name: tmp_path / "lost" / name)
    with pytest.raises(LibraryError) as error:
        locate.find(None, {})
    assert "lost its bundled clause library" in str(error.value) and "--library" in str(error.value)


# --- a resolution in the library --------------------------------------------------------------------

def test_source_by_number_or_symbol_with_suggestions():
    library = store.load(LIBRARY)
    assert locate.source(library, "A/RES/58/208").number == "58/208"
    assert locate.source(library, "a/res/54/212").number == "54/212"
    with pytest.raises(UsageError, match=r"no resolution 58/280 in the library; did you mean 58/208\?"):
        locate.source(library, "58/280")
    with pytest.raises(UsageError, match="no resolution 77/1 in the library \\(it holds 52/189, 54/212"):
        locate.source(library, "A/RES/77/1")


def test_parts_of_one_resolution_are_told_apart_by_their_symbol():
    # 77/292 was adopted in two parts, two files; the reader gives both the number 77/292 today, and
    # their symbols tell them apart (the entries below hold what it reads from the corpus files).
    corpus = corpus_or_skip()
    from drafter.ingest import read_resolution

    parts = [read_resolution(corpus / "77" / name) for name in ("A_RES_77_292-E.xml", "A_RES_77_292B_2313025E.xml")]
    entries = tuple(SourceEntry(number=r.number, path=f"{i}.xml", sha256="", body=r.body, session=r.session,
                                title=r.title, symbol=r.symbol, adopted=None, format="akn")
                    for i, r in enumerate(parts))
    library = Library(version="1.0.0", sources=entries, families=())
    assert locate.source(library, "77/292").path == "0.xml"
    assert locate.source(library, "A/RES/77/292").path == "0.xml"
    assert locate.source(library, "77/292 B").path == "1.xml"
    assert locate.source(library, "a/res/77/292b").path == "1.xml"
    with pytest.raises(UsageError, match=r"did you mean 77/292 B or 77/292\?"):
        locate.source(library, "77/292 C")


def test_render_a_number_from_anywhere(tmp_path):
    result = drafter("render", "A/RES/58/208", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    direct = drafter("render", str(SEED_BY_NUMBER["58/208"]), "-o", str(tmp_path / "direct.docx"), cwd=tmp_path)
    assert direct.returncode == 0
    assert (tmp_path / "58-208.docx").read_bytes() == (tmp_path / "direct.docx").read_bytes()


def test_render_of_a_source_changed_or_moved_names_it(tmp_path):
    seed = tmp_path / "seed.txt"
    shutil.copy(SEED_BY_NUMBER["2006/2"], seed)
    assert drafter("mine", str(seed), "--library", str(tmp_path / "lib"), cwd=tmp_path).returncode == 0
    render = ["render", "2006/2", "--library", str(tmp_path / "lib"), "--format", "text", "-o", "-"]
    assert drafter(*render, cwd=tmp_path).returncode == 0
    seed.write_text(seed.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    changed = drafter(*render, cwd=tmp_path)
    assert changed.returncode == 1 and "seed.txt, which has changed since" in changed.stderr
    seed.unlink()
    gone = drafter(*render, cwd=tmp_path)
    assert gone.returncode == 1 and "seed.txt, which is not there" in gone.stderr


def test_render_of_neither_file_nor_number(tmp_path):
    result = drafter("render", "missing.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == ("drafter: error: missing.txt: no such file, and not a resolution number (58/208) "
                             "or symbol (A/RES/58/208)\n")


# --- drafter new: --base and --session ----------------------------------------------------------------

def new(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return drafter("new", *args, "--no-input", "--format", "text", "-o", str(tmp_path / "d.txt"), cwd=tmp_path)


def test_base_as_symbol_gives_the_same_draft_as_the_number(tmp_path):
    assert new(tmp_path, "--session", "60", "--base", "A/RES/58/208").returncode == 0
    by_symbol = (tmp_path / "d.txt").read_text(encoding="utf-8")
    assert new(tmp_path, "--session", "60", "--base", "58/208", "--force").returncode == 0
    assert (tmp_path / "d.txt").read_text(encoding="utf-8") == by_symbol


def test_a_file_path_wins_over_a_number(tmp_path):
    # A file that happens to be called 58/208 is what the user pointed at.
    (tmp_path / "58").mkdir()
    shutil.copy(SEED_BY_NUMBER["2006/2"], tmp_path / "58" / "208")
    assert new(tmp_path, "--session", "40", "--base", "58/208").returncode == 0
    assert "Commission on Population and Development" in (tmp_path / "d.txt").read_text(encoding="utf-8")


def test_unknown_base_suggests_the_nearest(tmp_path):
    result = new(tmp_path, "--session", "60", "--base", "58/280")
    assert result.returncode == 2
    assert result.stderr == "drafter: error: no resolution 58/280 in the library; did you mean 58/208?\n"


@pytest.mark.parametrize("session, fits", [(57, False), (58, False), (59, True), (68, True), (69, False)])
def test_sessions_that_do_not_follow_the_base_are_refused_without_force(tmp_path, session, fits):
    result = new(tmp_path, "--session", str(session), "--base", "58/208")
    assert (result.returncode == 0) == fits, result.stderr
    if not fits:
        assert len(result.stderr.splitlines()) == 1 and "--force" in result.stderr
        assert f"session {session}" in result.stderr and not (tmp_path / "d.txt").exists()
        forced = new(tmp_path, "--session", str(session), "--base", "58/208", "--force")
        assert forced.returncode == 0 and "warning: session" in forced.stderr


def test_a_session_that_does_not_follow_is_asked_at_the_terminal(tmp_path):
    def spawn() -> pexpect.spawn:
        return pexpect.spawn(sys.executable, ["-m", "drafter", "new", "--session", "58", "--base", "58/208",
                                              "--format", "text", "-o", str(tmp_path / "d.txt")],
                             cwd=str(tmp_path), encoding="utf-8", timeout=60, dimensions=(40, 200))

    child = spawn()
    child.expect(r"the base's own session .*Draft it anyway\?")
    child.sendline("")                              # the default is no
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1 and not (tmp_path / "d.txt").exists()
    child = spawn()
    child.expect("Draft it anyway")
    child.send("y")                                 # answered on the key, no Enter
    child.expect("Draft symbol")                    # on to the questions
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

