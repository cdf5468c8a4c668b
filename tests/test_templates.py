"""Clause templates: a closed grammar, rendered the way jinja2 would render it, and nothing else."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, corpus_or_skip

from drafter.library import store, templates
from drafter.library.api import mine_sources


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory, monkeypatch):
    """Libraries' indexes go to the user's cache: here one of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))

def _all_templates(variant):
    yield variant.template
    yield from variant.footnotes
    stack = list(variant.subparagraphs)
    while stack:
        sub = stack.pop()
        yield sub.template
        stack += sub.subparagraphs


def _in_the_grammar(library, limit=None):
    """Every template mining wrote is in the grammar, and renders with each source's values."""
    checked = 0
    for family in library.families:
        for variant, source in family.sources()[:limit]:
            for template in _all_templates(variant):
                assert templates.check(template) is None, template
                templates.render(template, source.values, library.session_of(source.ref.resolution))
                checked += 1
    return checked


def test_every_seed_template_is_in_the_grammar():
    assert _in_the_grammar(store.load(ROOT / "clause_library")) > 200


def test_corpus_templates_are_in_the_grammar(tmp_path):
    corpus = corpus_or_skip()
    mine_sources([str(p) for p in sorted((corpus / "80").glob("*.xml"))[:40]], tmp_path / "lib")
    assert _in_the_grammar(store.load(tmp_path / "lib"), limit=2) > 500


@pytest.mark.parametrize("template", [
    "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}",
    "{{ range(99999999) | list }}",
    "{{ ''.__class__.__mro__ }}",
    "{{ symbol.upper() }}",
    "{{ symbol | upper }}",
    "{# a comment #}",
    "{{ 7 * 7 }}",
    "text with a lone { brace",
    "{{ (session + session_offset) | ordinal(3) }}",
    "{{ date | un_date('tight') }}",                 # not a spacing
    "{{ date | un_date('un') }}",                    # the UN's way is written without an argument
    "{{ citations | citations('plain') }}",          # a list's items carry their own spacing
    "{{ date | un_date(plain) }}",
])
def test_anything_outside_the_grammar_is_refused(template):
    assert templates.check(template) is not None
    with pytest.raises(templates.TemplateRenderError):
        templates.render(template, {"symbol": "A/58/98", "session_offset": 1}, 58)


def test_what_mining_writes_is_in_the_grammar():
    template = ("Recalling {{ citations | citations }} and {{ '{' }}braces}, at its "
                "{{ (session + session_offset) | ordinal }} session ({{ symbol }}) on {{ date | un_date }}"
                "{{ footnote(1) }}.")
    assert templates.check(template) is None
    assert templates.names(template) == {"citations", "session_offset", "symbol", "date"}
    rendered = templates.render(template, {"citations": [{"number": "77/292 B", "date": "2023-06-30"}],
                                           "session_offset": 1, "symbol": "A/58/98", "date": "2003-12-23"}, 58)
    # Dates written anew, the UN's way: the day held to its month by a no-break space.
    assert rendered.text == ("Recalling 77/292 B of 30\u00a0June 2023 and {braces}, at its fifty-ninth session "
                             "(A/58/98) on 23\u00a0December 2003.")
    assert rendered.notes == ((1, len(rendered.text) - 1),)


def test_a_missing_value_is_an_error_not_an_empty_string():
    with pytest.raises(templates.TemplateRenderError, match="symbol"):
        templates.render("Takes note of {{ symbol }};", {}, 58)


def _edit_first_template(library_dir, new_template):
    path = library_dir / "families" / "op-takes-note-report-secretary-general.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  template:"))
    lines[at] = f"  template: '{new_template}'"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, at + 1


def test_a_loop_in_a_library_file_is_refused_with_file_and_line(tmp_path, monkeypatch):
    # The template: `library check` passed it and `drafter new` ran for 30 s and 5 GB.
    monkeypatch.chdir(ROOT)
    mine_sources(["seeds/"], tmp_path / "lib")
    loop = "{% for i in range(99999) %}{% for j in range(99999) %}x{% endfor %}{% endfor %}"
    path, line = _edit_first_template(tmp_path / "lib", loop)
    check = subprocess.run([sys.executable, "-m", "drafter", "library", "check", str(tmp_path / "lib")],
                           capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert check.returncode == 1
    assert f"{path}:{line}: variants/0/template: '{{% for i in range(99999)" in check.stdout
    new = subprocess.run([sys.executable, "-m", "drafter", "new", "--session", "60", "--base", "58/208",
                          "--library", str(tmp_path / "lib"), "--no-input", "--format", "text", "-o",
                          str(tmp_path / "d.txt")], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert new.returncode == 1 and f"{path}:{line}:" in new.stderr
    assert "Traceback" not in new.stderr and not (tmp_path / "d.txt").exists()


def test_a_template_naming_an_undeclared_parameter_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    mine_sources(["seeds/"], tmp_path / "lib")
    path, line = _edit_first_template(tmp_path / "lib", "Takes note of {{ secret }};")
    problems = store.check(tmp_path / "lib")
    assert [str(p) for p in problems] == [
        f"{path}:{line}: variants/0/template: uses secret, not among the variant's parameters"]


def test_a_template_is_compiled_once_and_kept_a_damaged_entry_made_again(tmp_path, monkeypatch):
    """A template compiled by the sandbox is kept in drafter's cache: the next run renders it from
    there without compiling; an entry that is not code is compiled again and replaced."""
    import marshal
    from types import CodeType

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    template = "Recalling its resolution {{ symbol }} of {{ date | un_date }},{{ footnote(1) }} at its {{ (session + offset) | ordinal }} session"
    values = {"symbol": "58/208", "date": "2003-12-23", "offset": 1}
    expected = templates.Rendered("Recalling its resolution 58/208 of 23\u00a0December 2003, at its sixty-first session",
                                  ((1, 52),))

    templates._compiled.cache_clear()
    assert templates.render(template, values, 60) == expected
    [entry] = (tmp_path / "drafter" / "templates").glob("*.marshal")
    assert isinstance(marshal.loads(entry.read_bytes()), CodeType)

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    templates._compiled.cache_clear()
    monkeypatch.setattr(templates._environment(), "compile", no_compiling)
    assert templates.render(template, values, 60) == expected          # from the cache
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    entry.write_bytes(b"not code")
    templates._compiled.cache_clear()
    assert templates.render(template, values, 60) == expected
    assert isinstance(marshal.loads(entry.read_bytes()), CodeType)     # replaced
    templates._compiled.cache_clear()
