"""The report the base asked for becomes the report the draft takes note of.

"Takes note of the report of the Secretary-General¹" (¹ A/75/222) in a resolution of the 75th
session cites, a session later, the new report, whose symbol nobody knows yet: the symbol becomes
a placeholder to fill. Where the symbol is one the UN gives every session the same way (the Official
Records supplements: the Human Rights Council's report is A/75/53, then A/76/53) it becomes the new
session's symbol, and the footnote's "Seventy-fifth Session" moves with it.

Which paragraphs cite the report of the session is learned from the corpus, per lead
(drafter/data/reports.json, tools/build_reports.py): "Having considered", "Takes note" and the like
replace their base-session symbols in nearly every re-tabled text; "Recalling" keeps them (the same
report, a year later), and so does every other footnote here: a footnote without the report is
carried exactly as the base has it, its sessions unmoved.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.assemble.edits import Edit, place_of
from drafter.assemble.edits.learned import Learned
from drafter.assemble.edits.rewrite import edit_notes, edit_texts
from drafter.library.patterns import SPACE
from drafter.library.templates import Placeholder, text_after

KIND = "report"
WHY = "the report of the new session, whose symbol is not known yet"
WHY_MOVED = "the same report of the new session (the UN numbers it the same way every session)"
LEARNED = Learned("reports.json")
# Words of a lead that say which of a run of paragraphs it is, not what it does (English).
ADVERBS = frozenset({"also", "further", "again", "moreover"})
ANNEXED = "(annexed)"          # the lead key under which documents annexed to others are learned
# A symbol's value is its head ("A/78/6"); what follows in the wording may still be part of it:
# "A/78/6 (Sect. 3)/Add.1", the addendum to section 3 of the budget. Once the head is to fill,
# so is the whole symbol.
_REST_OF_SYMBOL = re.compile(re.escape(Placeholder.named("symbol"))
                             + rf"(?P<rest>(?:{SPACE}\(Sect\.{SPACE}[^)]*\))?(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])*)")


def annexed(after: str) -> bool:
    """"A/77/651, annex": a document sent in the annex of another (a letter), not a report."""
    return after.startswith(", annex")


def lead_key(lead: str | None) -> str:
    """"Takes note with appreciation" -> "takes note"; "Having also considered" -> "having considered"."""
    words = [w for w in re.findall(r"[\w’'-]+", (lead or "").lower()) if w not in ADVERBS]
    return " ".join(words[:2])


def symbol_pattern(symbol: str, session: int | None, year: str | None) -> str | None:
    """"A/75/53/Add.1" of the 75th session -> "A/{session}/53"; None if not of the base's session."""
    parts = symbol.split("/")
    for index, part in enumerate(parts):
        if session is not None and part == str(session):
            mark = "{session}"
        elif year is not None and part == year:
            mark = "{year}"
        else:
            continue
        return "/".join([*parts[:index], mark, *parts[index + 1:index + 2]])
    return None


def family_of(pattern: str) -> str:
    """"A/AC.109/{year}/5" -> "A/AC.109/{year}/#": the working papers on every territory."""
    return re.sub(r"(\{(?:session|year)\}/)[^/]+$", r"\1#", pattern)


def moves(pattern: str, session: int) -> bool:
    """Is this a symbol the UN gives the next session's document the same way?"""
    moving = set(LEARNED.as_of(session).get("moving_symbols", ()))
    return pattern in moving or family_of(pattern) in moving


def moved_symbol(pattern: str, session: int, year: str | None) -> str:
    return pattern.replace("{session}", str(session)).replace("{year}", str(year))


def is_report_lead(lead: str | None, session: int) -> bool:
    key = lead if lead == ANNEXED else lead_key(lead)
    return key in set(LEARNED.as_of(session).get("report_leads", ()))


def carry(base, clause, values: dict[str, Any], session: int | None = None) -> dict[str, Any]:
    if session is None or not is_report_lead(clause.variant.lead, session):
        return values
    year = base.adopted[:4] if base.adopted else None
    out = dict(values)
    for name, value in values.items():
        if clause.kinds.get(name) != "symbol" or isinstance(value, Placeholder):
            continue
        pattern = symbol_pattern(str(value), base.session, year)
        if pattern is None or (annexed(_after(clause.variant, name)) and not is_report_lead(ANNEXED, session)):
            continue
        if moves(pattern, session) and base.session is not None:
            new_year = str(int(year) + session - base.session) if year else None
            head = moved_symbol(pattern, session, new_year)
            out[name] = head + str(value)[len(moved_symbol(pattern, base.session, year)):]
        else:
            out[name] = Placeholder.named(name)
    return out


def _after(variant, name: str) -> str:
    """The literal text after parameter `name`, wherever in the wording it stands."""
    for template in (variant.template, *variant.footnotes):
        found = text_after(template, name)
        if found or "{{ " + name + " " in template:
            return found
    return ""


def whole_symbols(paragraph, notes: list[str]):
    """The paragraph and notes with "[to fill: symbol] (Sect. 3)/Add.1" written "[to fill: symbol]"."""
    paragraph, _ = edit_texts(paragraph, _symbol_cuts)
    return paragraph, edit_notes(notes, _symbol_cuts)


def _symbol_cuts(text: str) -> list[tuple[int, int, str]]:
    return [(m.start("rest"), m.end("rest"), "") for m in _REST_OF_SYMBOL.finditer(text) if m["rest"]]


def listed(index: int, name: str, before, after, clause) -> Edit:
    why = WHY if isinstance(after, Placeholder) else WHY_MOVED
    return Edit(KIND, index, str(before), str(after), why, place_of(clause.variant, name))


def updated_notes(clause, base_values: dict[str, Any], values: dict[str, Any]) -> set[int]:
    """The clause's footnotes (0-based) whose report changed: the ones to fill for the new session."""
    changed = {name for name, value in values.items()
               if clause.kinds.get(name) == "symbol" and value != base_values.get(name)}
    return {k for k, note in enumerate(clause.variant.footnotes)
            if any(re.search(r"\{\{ " + re.escape(name) + r"\b", note) for name in changed)}
