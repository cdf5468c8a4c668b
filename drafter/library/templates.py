"""Clause templates: a paragraph with its slots turned into expressions, and back.

A template is a small, closed language, exactly what mining writes and nothing more:

    text                       any characters but "{" (a literal "{" is written {{ '{' }})
    {{ name }}                 a parameter's value, as written
    {{ name | FILTER }}        a value through one of the filters: un_date, citations
    {{ name | un_date('plain') }}   a date spaced as its source wrote it, where that is not the
                               UN's way (the names are in SPACINGS)
    {{ (session + name) | ordinal }}   a session at a distance from the adopting one (or Ordinal)
    {{ footnote(n) }}          where the clause's n-th footnote is cited

It is a subset of jinja2's syntax, rendered by jinja2 in its sandbox with undefined values as
errors. A library is data that people share, so `check` refuses anything outside the grammar (a
loop, a call, an attribute, an unknown filter) with file:line when a library is checked or loaded,
and `render` refuses it again before jinja2 compiles anything: the issue's nested `range(99999)`
loops never run. Templates are compiled when first rendered, once each.

A missing value is an error, never an empty string. The context of every render holds `session`
(the adopting session of the text being rendered) and the clause's parameter values. Rendering
returns the text without the footnote marks, plus where they stood.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from drafter.errors import DrafterError
from drafter.languages import MONTHS
from drafter.ordinals import ordinal_words
from drafter.records import dataclass

if TYPE_CHECKING:
    from drafter.library.slots import Slot

_MONTHS = MONTHS["en"]


class TemplateRenderError(DrafterError):
    """A template that cannot be rendered with the values given."""


class TemplateSyntaxError(DrafterError):
    """A template outside the grammar of clause templates."""


_NUMBERED = re.compile(r"_\d+$")            # "symbol_15": the 15th symbol of a wording


class Placeholder(str):
    """A value nobody knows yet, rendered as a visible mark ("[to fill: symbol]") by every filter."""

    @classmethod
    def named(cls, name: str) -> Placeholder:
        """"symbol_15" -> "[to fill: symbol]": named by what the value is; the number that tells a
        wording's parameters apart means nothing to the reader of the draft."""
        return cls(f"[to fill: {_NUMBERED.sub('', name)}]")


# How a date's spaces are written: the UN holds the day to its month ("19\u00a0December 2023", four
# dates in five in the corpus, tests/test_no_break_spaces.py), so that is how drafter writes a date
# anew; a source written otherwise keeps its own spacing, named here. A date spaced in any other way
# is no slot: it stays text, as written.
SPACINGS = {"un": ("\u00a0", " "), "plain": (" ", " "), "held": ("\u00a0", "\u00a0")}
UN_SPACING = "un"


def spacing_of(written: str) -> str | None:
    """The name of the spacing of a date as written ("19 December 2023" -> "plain"), or None."""
    spaces = tuple(ch for ch in written if ch in " \u00a0")
    return next((name for name, pair in SPACINGS.items() if pair == spaces), None)


def un_date(iso: str, spacing: str = UN_SPACING) -> str:
    """"2003-12-23" -> "23\u00a0December 2003", as the UN writes a date; with spacing="plain",
    "23 December 2003"."""
    if isinstance(iso, Placeholder):
        return iso
    day = dt.date.fromisoformat(str(iso))
    first, second = SPACINGS[spacing]
    return f"{day.day}{first}{_MONTHS[day.month - 1]}{second}{day.year}"


def citations(items: list[dict[str, Any]], spacing: str | None = None) -> str:
    """[{number, date}, ...] -> "49/127 of 19\u00a0December 1994, 50/123 of ... and 52/189 of ...".
    Each item's date is spaced as its source wrote it (its "spacing", when that is not the UN's),
    so a list that grows keeps the characters of what it held and writes what joins it the UN's way;
    `spacing` spaces every date alike (for showing a list to a person)."""
    if isinstance(items, Placeholder):
        return items
    parts = [f"{item['number']} of {un_date(item['date'], spacing or item.get('spacing', UN_SPACING))}"
             if item.get("date") else str(item["number"]) for item in items]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _ordinal(n: int) -> str:
    return ordinal_words(int(n))


def _capital_ordinal(n: int) -> str:
    words = ordinal_words(int(n))
    return words[:1].upper() + words[1:]


FILTERS = {"ordinal": _ordinal, "Ordinal": _capital_ordinal, "un_date": un_date, "citations": citations}
# The one argument a filter may take, from a closed set: a lone date's spacing, where its source
# did not write it the UN's way ({{ date | un_date('plain') }}).
ARGUMENTS = {"un_date": frozenset(SPACINGS) - {UN_SPACING}}


# --- the grammar -------------------------------------------------------------------------------

_NAME = r"[a-z_][a-z0-9_]*"
_PIECE = re.compile(r"(?P<text>[^{]+)|(?P<brace>\{\{\s*'\{'\s*\}\})|\{\{(?P<expression>[^{}]*)\}\}")
_EXPRESSION = re.compile(
    rf"\s*(?:footnote\(\s*(?P<note>\d{{1,3}})\s*\)"
    rf"|(?:(?P<name>{_NAME})|\(\s*session\s*\+\s*(?P<offset>{_NAME})\s*\))"
    rf"(?:\s*\|\s*(?P<filter>\w+)(?:\(\s*'(?P<argument>\w+)'\s*\))?)?)\s*")
GRAMMAR = ("a clause template holds only text, {{ name }}, {{ name | FILTER }}, {{ date | un_date('plain') }}, "
           "{{ (session + name) | ordinal }} and {{ footnote(n) }}")


@dataclass(frozen=True)
class _Piece:
    """One piece of a parsed template: literal text, a value (filtered), or a footnote mark."""

    text: str = ""                     # literal text, or
    name: str | None = None            # a value: the parameter,
    offset: bool = False               # added to the session,
    filter: str | None = None          # through this filter,
    argument: str | None = None        # given this argument,
    note: int | None = None            # or a footnote mark


@lru_cache(maxsize=16384)
def parse(template: str) -> tuple[_Piece, ...]:
    """The pieces of a template; TemplateSyntaxError says where it leaves the grammar."""
    pieces: list[_Piece] = []
    position = 0
    while position < len(template):
        match = _PIECE.match(template, position)
        if match is None:
            raise TemplateSyntaxError(f"{_near(template, position)} is not allowed: {GRAMMAR}")
        if match["text"] is not None:
            pieces.append(_Piece(text=match["text"]))
        elif match["brace"] is not None:
            pieces.append(_Piece(text="{"))
        else:
            pieces.append(_expression(match["expression"], template, position))
        position = match.end()
    return tuple(pieces)


def _expression(source: str, template: str, position: int) -> _Piece:
    found = _EXPRESSION.fullmatch(source)
    if found is None:
        raise TemplateSyntaxError(f"{_near(template, position)} is not allowed: {GRAMMAR}")
    if found["note"]:
        return _Piece(note=int(found["note"]))
    if found["filter"] and found["filter"] not in FILTERS:
        raise TemplateSyntaxError(f"unknown filter {found['filter']!r} in {_near(template, position)}: "
                                  f"the filters are {', '.join(FILTERS)}")
    argument = found["argument"]
    if argument is not None and argument not in ARGUMENTS.get(found["filter"], ()):
        allowed = ", ".join(sorted(ARGUMENTS.get(found["filter"], ()))) or "none"
        raise TemplateSyntaxError(f"{found['filter']} takes no argument {argument!r} in {_near(template, position)}: "
                                  f"its arguments are {allowed}")
    return _Piece(name=found["name"] or found["offset"], offset=bool(found["offset"]), filter=found["filter"],
                  argument=argument)


def _near(template: str, position: int) -> str:
    snippet = template[position:position + 30]
    return repr(snippet + ("…" if len(template) > position + 30 else ""))


def check(template: str) -> str | None:
    """None when the template is in the grammar, else what is wrong with it."""
    try:
        parse(template)
    except TemplateSyntaxError as error:
        return error.message
    return None


def names(template: str) -> set[str]:
    """The parameters a template uses (not `session`, which every render is given)."""
    return {p.name for p in parse(template) if p.name and p.name != "session"}


# --- writing templates ---------------------------------------------------------------------------

def escape(literal: str) -> str:
    """Literal text as template source: every "{" becomes an expression that prints "{"."""
    return literal.replace("{", "{{ '{' }}")


def text_after(template: str, name: str) -> str:
    """The literal text that follows the expression of parameter `name` in `template`."""
    match = re.search(r"\{\{ " + re.escape(name) + r"(?: \|[^}]*)? \}\}", template)
    if not match:
        return ""
    rest = template[match.end():]
    following = re.search(r"\{\{", rest)
    return rest[:following.start()] if following else rest


def expression(slot: Slot, name: str) -> str:
    if slot.kind == "session":
        return f"{{{{ (session + {name}) | {slot.style or 'ordinal'} }}}}"
    if slot.kind == "citations":
        return f"{{{{ {name} | citations }}}}"
    if slot.kind == "date":
        argument = f"('{slot.style}')" if slot.style and slot.style != UN_SPACING else ""
        return f"{{{{ {name} | un_date{argument} }}}}"
    return f"{{{{ {name} }}}}"


def build(text: str, slots: list[Slot], names: list[str], notes: list[tuple[int, int]] = ()) -> str:
    """Template source for `text` with each slot replaced by its expression and `notes`
    ((footnote number, offset)) marked where they stand."""
    cuts = sorted([(s.start, s.end, expression(s, n)) for s, n in zip(slots, names)] +
                  [(at, at, f"{{{{ footnote({number}) }}}}") for number, at in notes],
                  key=lambda cut: (cut[0], cut[1]))
    out: list[str] = []
    position = 0
    for start, end, code in cuts:
        if start < position:
            raise ValueError(f"overlapping cuts at {start} in {text[:60]!r}: a note inside a slot?")
        out.append(escape(text[position:start]))
        out.append(code)
        position = end
    out.append(escape(text[position:]))
    return "".join(out)


# --- rendering -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rendered:
    """A template's text with its values in, and where each footnote mark stood."""

    text: str
    notes: tuple[tuple[int, int], ...]      # (footnote number in the clause, offset in text)


def render(template: str, values: dict[str, Any], session: int | None) -> Rendered:
    """The template filled, in jinja2's sandbox with undefined values as errors; a template
    outside the grammar is refused before jinja2 sees it."""
    try:
        parse(template)
        raw = _compiled(template).render(session=session, **values)
    except TemplateSyntaxError as error:
        raise TemplateRenderError(f"cannot render clause: {error.message}") from None
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise TemplateRenderError(f"cannot render clause: bad value ({error})") from None
    except Exception as error:                       # jinja2's own errors: undefined, security
        if type(error).__module__.startswith("jinja2"):
            raise TemplateRenderError(f"cannot render clause: {error}") from None
        raise
    notes: list[tuple[int, int]] = []
    out: list[str] = []
    position = length = 0
    for match in _NOTE_MARK.finditer(raw):
        out.append(raw[position:match.start()])
        length += match.start() - position
        notes.append((int(match.group(1)), length))
        position = match.end()
    out.append(raw[position:])
    return Rendered("".join(out), tuple(notes))


_NOTE_OPEN, _NOTE_CLOSE = "\ue000", "\ue001"       # private-use marks for footnote positions
_NOTE_MARK = re.compile(f"{_NOTE_OPEN}(\\d+){_NOTE_CLOSE}")


@lru_cache(maxsize=1)
def _environment():
    """jinja2's sandbox, made on the first render (a command that renders nothing never imports it)."""
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters.update(FILTERS)
    env.globals["footnote"] = lambda n: f"{_NOTE_OPEN}{int(n)}{_NOTE_CLOSE}"
    return env


@lru_cache(maxsize=16384)
def _compiled(template: str):
    """Each template compiled by the sandbox once, when it is first used, and kept compiled across
    runs (a draft renders a hundred templates; compiling them is most of what rendering costs).
    The code is kept in drafter's cache as Python keeps a module's bytecode, one entry a template,
    under a hash of the template, jinja2's version and Python's bytecode version (another jinja2 or
    Python compiles again): what jinja2's own bytecode cache does, without its loader's work for
    each template. An entry that is not code is compiled again and replaced."""
    from types import CodeType

    import jinja2

    from drafter import cache

    env = _environment()
    entry = cache.code_entry("templates", f"{template}\n{jinja2.__version__}")
    code = cache.read_code(entry)
    if not isinstance(code, CodeType):
        code = env.compile(template)
        cache.keep_code(entry, code)
    return env.template_class.from_code(env, code, env.make_globals(None))


def words(template: str, values: dict[str, Any], session: int | None) -> str:
    """The words of a filled template, for the search index: its text and its values through
    their filters, footnote marks left out. Not a render (no jinja2, no compile: an index of
    40,000 wordings is built in seconds); a value that cannot be shown is left out."""
    out = []
    for piece in parse(template):
        if piece.note is not None:
            continue
        if piece.name is None:
            out.append(piece.text)
            continue
        value = session if piece.name == "session" else values.get(piece.name)
        try:
            if piece.offset:
                value = session + value
            if piece.filter:
                value = FILTERS[piece.filter](value, *([piece.argument] if piece.argument else []))
            out.append(str(value))
        except (TypeError, ValueError, KeyError, AttributeError):
            continue
    return "".join(out)


def renders_back(slot: Slot, text: str, session: int | None) -> bool:
    """Does this slot's value, rendered, give back exactly the text it was read from?"""
    try:
        got = render(expression(slot, "value"), {"value": slot.value}, session).text
    except (TemplateRenderError, ValueError):
        return False
    return got == text[slot.start:slot.end]
