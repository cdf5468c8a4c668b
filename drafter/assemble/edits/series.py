"""The base joins the recall of its own series.

A re-tabled resolution recalls its predecessor, and the next one recalls the base in its place. In
the corpus (sessions 75-78), where the base cites its predecessor X:

- X ends a list of resolutions ("... 73/208 of 20 December 2018 and X of 18 December 2019"): the
  next text appends the base, and the list's punctuation follows ("A and B" -> "A, B and C");
  100 of 101 times. A list in reverse order (the latest first) gets the base first.
- X stands alone ("Recalling its resolution X of 18 December 2019", "the most recent of which was
  resolution X", "paragraph 5 of its resolution X"): the next text cites the base instead, 203 of
  236 times (the others mostly cite both, or keep the resolution that set up a mandate).

The predecessor is the latest resolution of the library's series before the base, when the library
holds the series; else the one the base itself names as such: the most recent of a list ("the most
recent of which was resolution X"), the latest of a list followed by "on <the series title>" or
"entitled “<title>”", or of "its previous resolutions ..., including ...". A list followed by "on
<the series title>" is the series' own even when it lacks the predecessor, and gets the base too.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.assemble.edits import Edit, place_of
from drafter.library.slots import _CITATION_ITEM, _CITATIONS
from drafter.library.templates import citations, text_after

KIND = "series"
WHY = "the base joins the recall of its own series"
GAP = 3           # a series may skip sessions: biennial and triennial items
# How a resolution names its predecessor, in English: the words before or after a citation list.
_MOST_RECENT = re.compile(r"\bthe (?:most recent|latest|last) of (?:which|these) (?:was|is|being|were)\s*$", re.I)
_PREVIOUS = re.compile(r"\b(?:previous|prior|earlier|subsequent|relevant|annual|biennial|related)"
                       r" (?:[\w-]+ ){0,2}resolutions\b.{0,120}\b(?:including|in particular)(?: its)?\s*$", re.I)
_AND_PREVIOUS = re.compile(r"^,? (?:and|as well as) (?:all )?(?:its )?(?:previous|prior|earlier|other|subsequent)"
                           r" (?:relevant )?(?:related )?resolutions", re.I)
# A paragraph that recalls one resolution and nothing else: "Recalling its resolution 75/296 of
# 30 June 2021," (23 of 23 times the predecessor, where the other cues found none, on 75-78).
_ALONE = re.compile(r"^(?:[A-Z]\w+)(?: (?:also|further|in particular))* its $")
RUN = 3           # resolutions of one a session (or one every other session) that make a series' list


def carry(base, clause, values: dict[str, Any], session: int | None = None) -> dict[str, Any]:
    out = dict(values)
    for name, value in values.items():
        if clause.kinds.get(name) == "citations" and isinstance(value, list):
            joined = joined_list(base, clause, name, value)
            if joined is not None:
                out[name] = joined
    return out


def joined_list(base, clause, name: str, items: list[dict]) -> list[dict] | None:
    numbers = [item.get("number") for item in items]
    if base.number in numbers or not base.number:
        return None
    own = {"number": base.number, "date": base.adopted}
    predecessor = getattr(base, "predecessor", None)
    if predecessor in numbers:
        at = numbers.index(predecessor)
        if len(items) == 1:
            # cited as it was: "pursuant to resolution 75/7" stays without a date
            return [own if items[0].get("date") else {"number": base.number, "date": None}]
        if _descending(numbers) and at == 0:
            return [own, *items]
        return [*items[:at + 1], own, *items[at + 1:]]
    if _names_series(clause, name, base):
        return [own, *items] if _descending(numbers) else [*items, own]
    return None


def _names_series(clause, name: str, base) -> bool:
    """A list followed by "on <the series title>", or holding a resolution of the library's series."""
    if any(item.get("number") in base.series for item in clause.values.get(name, [])):
        return True
    if not base.title:
        return False
    after = " ".join(text_after(clause.variant.template, name).split()).lower()
    return after.startswith(f"on {_plain(base.title)}")


def _descending(numbers: list[str]) -> bool:
    sessions = [_session_of(n) for n in numbers]
    known = [s for s in sessions if s is not None]
    return len(known) >= 2 and known == sorted(known, reverse=True) and known[0] != known[-1]


def _session_of(number: str | None) -> int | None:
    match = re.match(r"(\d{1,3})/\d", number or "")
    return int(match.group(1)) if match else None


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2011", "-").replace("\u00a0", " ").split()).lower()


def predecessor(resolution, series: frozenset[str] = frozenset()) -> str | None:
    """The resolution the base names as the one before it in its series, or None."""
    session = resolution.session
    if session is None:
        return None
    earlier = [n for n in series if (s := _session_of(n)) is not None and session - GAP <= s < session]
    if earlier:
        return max(earlier, key=lambda n: (_session_of(n), int(re.match(r"\d+/(\d+)", n).group(1))))
    title = _plain(resolution.title or "")
    found = [named for _, paragraph in resolution.all_paragraphs()
             for match in _CITATIONS.finditer(paragraph.text)
             if (named := _named(paragraph.text, match, session, title)) is not None]
    # The first the base names, in its own order (on sessions 75-78, 178 of 186 times the real one;
    # ranking the cues by how sure they look did no better).
    return found[0] if found else None


def _named(text: str, match: re.Match[str], session: int, title: str) -> str | None:
    """The predecessor, if this citation list names it: "the most recent of which was", "... on
    <title>", a run the base continues, "... and its previous resolutions", or a paragraph that
    recalls it alone."""
    numbers = [m.group("number") for m in _CITATION_ITEM.finditer(match["list"])]
    recent = [n for n in numbers if (s := _session_of(n)) is not None and session - GAP <= s < session]
    if not recent:
        return None
    before = text[max(0, match.start() - 120):match.start()]
    after = _plain(text[match.end():match.end() + len(title) + 16])
    latest = max(recent, key=lambda n: (_session_of(n), numbers.index(n)))
    if _MOST_RECENT.search(before):
        return recent[0] if _descending(numbers) or len(numbers) == 1 else recent[-1]
    if title and (after.startswith(f"on {title}") or after.startswith(f", entitled “{title}")
                  or after.startswith(f"entitled “{title}")):
        return latest
    if _is_run(numbers, latest, session) or _PREVIOUS.search(before) or _AND_PREVIOUS.match(text[match.end():]):
        return latest
    if len(numbers) == 1 and _ALONE.match(text[:match.start()]) and text[match.end():].strip() in (",", ";", ""):
        return latest
    return None


def _is_run(numbers: list[str], latest: str, session: int) -> bool:
    """A run of the Assembly's resolutions, one a session or one every other, ending (or, in reverse
    order, starting) with `latest`, that the base continues: "72/208 of ..., 73/223 of ...,
    74/207 of ... and 75/206 of ..." in a resolution of the 76th session. (A run of the even
    sessions in a resolution of an odd one is another series.)"""
    ordered = numbers if not _descending(numbers) else numbers[::-1]
    if len(ordered) < RUN or ordered[-1] != latest:
        return False
    sessions = [_session_of(n) for n in ordered[-RUN:]]
    if None in sessions:
        return False
    steps = {b - a for a, b in zip(sessions, sessions[1:])}
    return len(steps) == 1 and steps <= {1, 2} and sessions[-1] + steps.pop() == session


def listed(index: int, name: str, before, after, clause) -> Edit:
    return Edit(KIND, index, citations(before), citations(after), WHY, place_of(clause.variant, name))
