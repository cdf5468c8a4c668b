"""Clause templates: a paragraph with its slots turned into jinja2 expressions, and back.

A template is ordinary jinja2 rendered in a `SandboxedEnvironment` with `StrictUndefined`: a missing
value is an error, never an empty string. Literal text is escaped on the way in, so a mined clause
that happens to contain "{{" or "{%" stays text and is never run as code.

The context of every render holds `session` (the adopting session of the text being rendered) and
the clause's parameter values. Footnotes stay in the clause: `{{ footnote(1) }}` marks where the
clause's first footnote is cited; rendering returns the text without the marks plus their offsets.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from jinja2 import StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from drafter.errors import DrafterError
from drafter.library.slots import Slot
from drafter.ordinals import ordinal_words

_NOTE_OPEN, _NOTE_CLOSE = "\ue000", "\ue001"       # private-use marks for footnote positions
_NOTE_MARK = re.compile(f"{_NOTE_OPEN}(\\d+){_NOTE_CLOSE}")
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


class TemplateRenderError(DrafterError):
    """A template that cannot be rendered with the values given."""


class Placeholder(str):
    """A value nobody knows yet, rendered as a visible mark ("[to fill: symbol]") by every filter."""

    @classmethod
    def named(cls, name: str) -> Placeholder:
        return cls(f"[to fill: {name}]")


def un_date(iso: str) -> str:
    """"2003-12-23" -> "23 December 2003", as the UN writes dates."""
    if isinstance(iso, Placeholder):
        return iso
    day = dt.date.fromisoformat(str(iso))
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def citations(items: list[dict[str, Any]]) -> str:
    """[{number, date}, ...] -> "49/127 of 19 December 1994, 50/123 of 20 December 1995 and 52/189 of ..."."""
    if isinstance(items, Placeholder):
        return items
    parts = [f"{item['number']} of {un_date(item['date'])}" if item.get("date") else str(item["number"])
             for item in items]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _ordinal(n: int) -> str:
    return ordinal_words(int(n))


def _capital_ordinal(n: int) -> str:
    words = ordinal_words(int(n))
    return words[:1].upper() + words[1:]


def _footnote(n: int) -> str:
    return f"{_NOTE_OPEN}{int(n)}{_NOTE_CLOSE}"


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    env.filters.update(ordinal=_ordinal, Ordinal=_capital_ordinal, un_date=un_date, citations=citations)
    env.globals["footnote"] = _footnote
    return env


ENV = _environment()


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
        return f"{{{{ {name} | un_date }}}}"
    return f"{{{{ {name} }}}}"


@dataclass(frozen=True)
class Rendered:
    text: str
    notes: tuple[tuple[int, int], ...]      # (footnote number in the clause, offset in text)


@lru_cache(maxsize=16384)
def _compiled(template: str):
    """Compiling is most of the cost of a render; a library repeats its templates endlessly."""
    return ENV.from_string(template)


def render(template: str, values: dict[str, Any], session: int | None) -> Rendered:
    try:
        raw = _compiled(template).render(session=session, **values)
    except TemplateError as error:
        raise TemplateRenderError(f"cannot render clause: {error}") from None
    except (TypeError, ValueError, KeyError) as error:
        raise TemplateRenderError(f"cannot render clause: bad value ({error})") from None
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


def renders_back(slot: Slot, text: str, session: int | None) -> bool:
    """Does this slot's value, rendered, give back exactly the text it was read from?"""
    try:
        got = render(expression(slot, "value"), {"value": slot.value}, session).text
    except (TemplateRenderError, ValueError):
        return False
    return got == text[slot.start:slot.end]
