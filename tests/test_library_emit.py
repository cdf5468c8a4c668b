"""drafter.library.emit writes libyaml's bytes for the library's shape, or leaves the data to it;
and reads back what it writes, and only that.

The proof is libyaml itself: every file compared with what `yaml.dump` (CSafeDumper, as
store.dump_yaml calls it) writes, on the families mined from the seeds and on generated data built
from the characters that decide libyaml's choices (indicators, quotes, spaces where lines fold,
strings that read back as numbers, dates, booleans or null). The UN corpus check is in
tests/test_mine.py (test_corpus_family_files_are_libyamls_bytes).

Reading back (`emit.undump`) is checked the same way: whatever it returns is what
`yaml.safe_load` reads from the same text, on every file written here and on text edited by hand
or damaged, which it leaves to PyYAML (None).
"""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.library import emit, store


def libyaml(data) -> str:
    return yaml.dump(data, Dumper=store._dumper(), sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def same_or_unusual(data) -> bool:
    """True when emit wrote libyaml's bytes, False when it left the data to libyaml."""
    try:
        written = emit.dump(data)
    except emit.Unusual:
        return False
    assert written == libyaml(data)
    assert yaml.safe_load(written) == data
    assert emit.undump(written) == data
    return True


def test_the_shipped_library_is_written_as_libyaml_writes_it():
    from conftest import ROOT

    folder = ROOT / "clause_library"
    for path in [folder / "library.yaml", *sorted((folder / "families").glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8")
        assert emit.dump(yaml.safe_load(text)) == text, path.name
        assert emit.undump(text) == yaml.safe_load(text), path.name


# The characters that decide how libyaml writes a string, and words that read as other types.
_USUAL = st.sampled_from([
    " ", "  ", "'", '"', ":", ": ", " #", "#", "-", "- ", "?", ",", "[", "]", "{", "}", "!", "&", "*",
    "|", ">", "%", "@", "`", "---", "...", "~", "=", "<<", ".", "a", "word", "Recalling", "1", "0.5",
    "12", "1e3", "0x1F", "2020-09-21", "null", "Null", "yes", "No", "on", "OFF", "true", "é", "\u00a0",
    "\u2011", "“", "”", "’",
])
_ESCAPED = st.sampled_from(["\t", "\n", "\u2028", "\ufeff", "\U0001f600", "\x85"])   # libyaml escapes them
_TEXT = st.lists(_USUAL, max_size=12).map("".join)
# Long wordings, to fold: words of every length joined by one space, sometimes two, quotes inside.
_WORDS = st.lists(st.text("abcdefghij'’:#", min_size=1, max_size=30), min_size=1, max_size=40)
_LONG = st.builds(lambda words, sep: sep.join(words), _WORDS, st.sampled_from([" ", "  ", " ' ", ": "]))
_SCALARS = st.one_of(_TEXT, _LONG, st.integers(-10, 10**6), st.none(), st.booleans())
_KEYS = st.one_of(st.sampled_from(["id", "template", "x-kind", "$schema", "citations_2", "number"]), _TEXT)


# The library's shape: lists hold scalars or mappings, mappings hold anything.
_DATA = st.recursive(
    st.dictionaries(_KEYS, _SCALARS, min_size=1, max_size=4),
    lambda inner: st.dictionaries(_KEYS, st.one_of(_SCALARS, inner, st.lists(st.one_of(_SCALARS, inner), max_size=4)),
                                  min_size=1, max_size=5),
    max_leaves=25)

# Strings on each edge of libyaml's rules, in a value and as a key; some long enough to fold.
_EDGES = ["? x", "?x", "- x", "-x", "-", ": x", "a: b", "a:b", "a:", "a #b", "a#b", "#a", "'quoted'", "it's",
          " lead", "trail ", "x  y", "---x", "...", "[1]", "a, b", "{a}", "@x", "`x", "%x", "!x", "&x", "*x",
          "|x", ">x", '"x"', "", "~", "null", "NO", "y", "2020-09-21", "12", "1_000", ".5", "+1", "<<", "=",
          "word " * 30, " word" * 30, "'word' " * 20 + "x", "x " + "'" * 120 + " y", ("w" * 99 + " ") * 3 + "z",
          "x" * 110 + " "]


def test_strings_on_the_edges_of_libyamls_rules():
    for text in _EDGES:
        assert same_or_unusual({"template": text, "sources": [text], (text if len(text) < 100 else "long") or "k": {"values": {"v": text}}}), text


@settings(max_examples=400, deadline=None)
@given(_DATA)
def test_generated_data_is_written_as_libyaml_writes_it_or_left_to_it(data):
    same_or_unusual(data)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LONG, min_size=1, max_size=3), st.integers(0, 6))
def test_long_wordings_fold_where_libyaml_folds_them(texts, depth):
    data: dict = {"template": texts[0], "sources": [{"values": {"title": t}} for t in texts]}
    for _ in range(depth):                   # deeper keys start further right
        data = {"schema": data, "variants": [data]}
    assert same_or_unusual(data)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_USUAL, _ESCAPED), max_size=12).map("".join))
def test_the_library_writes_libyamls_bytes_whoever_writes_them(text):
    data = {"template": text, "sources": [{"values": {"title": text}}]}
    assert store.dump_yaml(data) == libyaml(data)


def test_what_libyaml_would_escape_is_left_to_it():
    for text in ["a\tb", "line\nbreak", "emoji \U0001f600", "\ufeffbom", "next\x85line"]:
        assert not same_or_unusual({"template": text})
    assert not same_or_unusual({"values": {"share": 0.5}})
    assert not same_or_unusual({"rows": [["a", "b"]]})
    assert not same_or_unusual({"k" * 129: 1})             # libyaml writes such a key "? k..."
    assert store.dump_yaml({"template": "a\tb"}) == libyaml({"template": "a\tb"})


def test_the_resolvers_are_pyyamls_own():
    """emit keeps a copy of PyYAML's implicit resolvers (to write YAML without importing PyYAML)."""
    from yaml.resolver import Resolver

    def table(resolvers):
        return {first: [(tag, pattern.pattern, pattern.flags) for tag, pattern in found]
                for first, found in resolvers.items()}

    assert table(emit._RESOLVERS) == table(Resolver.yaml_implicit_resolvers)


def test_an_answers_file_drafter_wrote_reads_back_without_pyyaml(tmp_path):
    """The answers of a real draft (58/208 for session 60), as `new` writes them, read back as PyYAML
    reads them; `new --answers` then never imports PyYAML (a fresh process, its modules listed)."""
    import json
    import subprocess
    import sys

    from conftest import ROOT

    out = tmp_path / "draft.docx"
    library = str(ROOT / "clause_library")
    new = [sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208", "--library", library,
           "--no-input", "--force"]
    subprocess.run([*new, "-o", str(out)], check=True, capture_output=True, cwd=tmp_path)
    text = (tmp_path / "draft.docx.answers.yaml").read_text(encoding="utf-8")
    assert emit.undump(text) == yaml.safe_load(text)
    listing = ("import sys, runpy, json, atexit; atexit.register(lambda: print(json.dumps(sorted(sys.modules)))); "
               "sys.argv = ['drafter', *sys.argv[1:]]; runpy.run_module('drafter', run_name='__main__')")
    again = subprocess.run([sys.executable, "-c", listing, *new[3:], "--answers", str(tmp_path / "draft.docx.answers.yaml"),
                            "-o", str(tmp_path / "again.docx")], capture_output=True, text=True, cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    modules = json.loads(again.stdout.strip().splitlines()[-1])
    assert "drafter.assemble.answers" in modules and "yaml" not in modules


# Hand edits that keep the data but not dump's writing, and damage: all left to PyYAML.
_EDITED = [
    ("base: 58/208\n", "base: 58/208  # the base\n"),
    ("session: 60\n", "session:   60\n"),
    ("- 52/189\n", "- '52/189'\n"),
    ("- 52/189\n", '- "52/189"\n'),
    ("library_sources:\n- 52/189\n", "library_sources: [52/189,\n"),
    ("sponsor: null\n", "sponsor: ~\n"),
    ("sponsor: null\n", "sponsor:\n"),
    ("added: false\n", "added: no\n"),
    ("session: 60\n", "session: 60\nsession: 61\n"),
    ("heading:\n  symbol", "heading:\n    symbol"),
    ("session: 60\n", "session: 60\n---\n"),
]


def test_text_not_written_by_dump_is_left_to_pyyaml():
    text = emit.dump({"drafter": "0.1.0", "library_sources": ["52/189", "54/212"], "base": "58/208", "session": 60,
                      "heading": {"symbol": "A/C.2/60/L.…", "sponsor": None},
                      "clauses": [{"kind": "preambular", "values": {"date": "1994-09-13"}, "added": False}]})
    assert emit.undump(text) == yaml.safe_load(text)
    for old, new in _EDITED:
        assert old in text, old
        assert emit.undump(text.replace(old, new, 1)) is None, new
    assert emit.undump(text[:-1]) is None and emit.undump("") is None and emit.undump("- a\n") is None


@settings(max_examples=300, deadline=None)
@given(_DATA, st.data())
def test_damaged_text_reads_as_pyyaml_reads_it_or_is_left_to_it(data, draw):
    """Whatever undump makes of a file with a character taken out, changed or put in, PyYAML makes too."""
    try:
        text = emit.dump(data)
    except emit.Unusual:
        return
    at = draw.draw(st.integers(0, len(text) - 1))
    put = draw.draw(st.sampled_from(["", " ", "\n", "-", ":", "'", "#", "a", "1", "{"]))
    cut = draw.draw(st.integers(0, 1))
    damaged = text[:at] + put + text[at + cut:]
    read = emit.undump(damaged)
    if read is not None:
        assert read == yaml.safe_load(damaged)
