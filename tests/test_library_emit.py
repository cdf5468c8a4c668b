"""drafter.library.emit writes libyaml's bytes for the library's shape, or leaves the data to it.

The proof is libyaml itself: every file compared with what `yaml.dump` (CSafeDumper, as
store.dump_yaml calls it) writes, on the families mined from the seeds and on generated data built
from the characters that decide libyaml's choices (indicators, quotes, spaces where lines fold,
strings that read back as numbers, dates, booleans or null). The UN corpus check is in
tests/test_mine.py (test_corpus_family_files_are_libyamls_bytes).
"""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from drafter.library import emit, store


def libyaml(data) -> str:
    return yaml.dump(data, Dumper=store._Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)


def same_or_unusual(data) -> bool:
    """True when emit wrote libyaml's bytes, False when it left the data to libyaml."""
    try:
        written = emit.dump(data)
    except emit.Unusual:
        return False
    assert written == libyaml(data)
    assert yaml.safe_load(written) == data
    return True


def test_the_shipped_library_is_written_as_libyaml_writes_it():
    from conftest import ROOT

    folder = ROOT / "clause_library"
    for path in [folder / "library.yaml", *sorted((folder / "families").glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8")
        assert emit.dump(yaml.safe_load(text)) == text, path.name


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
