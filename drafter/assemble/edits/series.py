"""The base joins the recall of its own series.

A re-tabled resolution recalls its predecessor, and the next one recalls the base in its place. In
the corpus (sessions 75-78), where the base cites its predecessor X:

- X ends a list of resolutions ("... 73/208 of 20 December 2018 and X of 18 December 2019"): the
  next text appends the base, and the list's punctuation follows ("A and B" -> "A, B and C");
  100 of 101 times. A list in reverse order (the latest first) gets the base first.
- X stands alone ("Recalling its resolution X of 18 December 2019", "the most recent of which was
  resolution X", "paragraph 5 of its resolution X"): the next text cites the base instead, 203 of
  236 times (the others mostly cite both, or keep the resolution that set up a mandate).

- X is one of an enumeration whose items each have words of their own ("..., section II of its
  resolution 76/241, section II of its resolution 77/259 and its resolution 77/278"): the next text
  adds the base to the enumeration (80/237), so X keeps its place.

A list is read as the base prints it, misprints and all ("75/247 of 31 December 202" in 78/247).
The edit is made on the words of each clause as the draft has them (so a list the library keeps as
words is joined as well as one it keeps as a value), with the list's own punctuation and spacing.
The predecessor is the latest resolution of the library's series before the base, when the library
holds the series; else the one the base itself names as such: the most recent of a list ("the most
recent of which was resolution X"), the latest of a list followed by "on <the series title>" or
"entitled “<title>”", or of "its previous resolutions ..., including ...". A list followed by "on
<the series title>" is the series' own even when it lacks the predecessor, and gets the base too,
when it holds a number the Assembly can have given (session/serial, from its 31st session on):
another body's resolution on the same subject ("resolution 6/7 on combating sand and dust storms",
the Environment Assembly's) is not joined.
"""

from __future__ import annotations

import re

from drafter.assemble.edits import Edit
from drafter.assemble.edits.rewrite import edit_texts
from drafter.library.patterns import CITATION_ITEM, CITATIONS, DATE
from drafter.library.templates import un_date

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
FIRST_NUMBERED = 31   # the Assembly's first session whose resolutions are numbered session/serial
RUN = 3           # resolutions of one a session (or one every other session) that make a series' list
# A list as the base prints it, misprints and all: "75/247 of 31 December 202," in 78/247 is still
# an item of its list, which goes on to the predecessor (a list cut short there has none).
_MISPRINTED_DATE = DATE.replace(r"\d{4}", r"\d{3,4}")
_LIST = re.compile(CITATIONS.replace(DATE, _MISPRINTED_DATE))
_ITEM = re.compile(CITATION_ITEM.replace(DATE, _MISPRINTED_DATE))
# The words before a citation that follow another citation: "76/241, section II of its resolution".
_AFTER_ANOTHER = re.compile(rf"\d(?: of {_MISPRINTED_DATE})?(?:,| and) (?P<words>[^\d;]{{1,60}})$")


def apply(draft, pieces, numbers) -> list[Edit]:
    """The base joined to the lists of its series in every clause's words (text, sub-paragraphs,
    closing words): made on the words, so a list is joined however the library holds it (a value,
    or words: a list whose dates are spaced two ways stays words in the library)."""
    base = draft.base
    if not base.number:
        return []
    out = []
    for index, piece in enumerate(pieces):
        piece.paragraph, made = edit_texts(piece.paragraph, lambda text: _cuts(text, base))
        out += [Edit(KIND, index, before, after, WHY, place) for place, before, after in made]
    return out


def _cuts(text: str, base) -> list[tuple[int, int, str]]:
    out = []
    for match in _LIST.finditer(text):
        items = list(_ITEM.finditer(match["list"]))
        joined = _joined(text, match, items, base)
        if joined is not None:
            out.append((match.start("list"), match.end("list"), joined))
    return out


def _joined(text: str, match: re.Match[str], items: list[re.Match[str]], base) -> str | None:
    """The list's words with the base in it, or None when it is not the series' list."""
    numbers = [item["number"] for item in items]
    if base.number in numbers:
        return None
    written = [item.group() for item in items]
    predecessor = getattr(base, "predecessor", None)
    if predecessor in numbers:
        at = numbers.index(predecessor)
        own = _written(base, items[at])
        if len(items) == 1:                            # "the most recent of which was resolution X",
            return None if _enumerated(text[:match.start()]) else own     # unless one of many
        if _descending(numbers) and at == 0:
            return _listed([own, *written])
        return _listed([*written[:at + 1], own, *written[at + 1:]])
    if _names_series(text[match.end():], base) and any(map(_assemblys, numbers)):
        own = _written(base, items[-1])
        return _listed([own, *written] if _descending(numbers) else [*written, own])
    return None


def _enumerated(before: str) -> bool:
    """Is the citation one of an enumeration, each item with the same words: "section II of its
    resolution 76/241, section II of its resolution 77/259 and its resolution 77/278" (78/247)? The
    next text adds the base to it (80/237), it does not put the base in the predecessor's place."""
    found = _AFTER_ANOTHER.search(before)
    if found is None:
        return False
    previous = _plain(before[:found.start() + 1])
    return re.search(re.escape(_plain(found["words"])) + r"[\w/ ]+$", previous) is not None


def _written(base, like: re.Match[str]) -> str:
    """The base cited as `like` is: with its date if that has one, written as the UN writes a date
    (what the list held keeps its own spacing)."""
    if not like["date"] or not base.adopted:
        return base.number
    return f"{base.number} of {un_date(base.adopted)}"


def _listed(items: list[str]) -> str:
    """"A, B and C", the way the UN punctuates a list."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _names_series(after: str, base) -> bool:
    """A list followed by "on <the series title>"."""
    title = _plain(base.title or "")
    return bool(title) and _plain(after[:len(title) + 8]).startswith(f"on {title}")


def _assemblys(number: str) -> bool:
    """Can `number` be one of the Assembly's own resolutions? They are numbered session/serial since
    its 31st session (DOMAIN.md); "6/7" on combating sand and dust storms is the Environment
    Assembly's (80/143), which a list of the Assembly's series never holds alone."""
    session = _session_of(number)
    return session is not None and session >= FIRST_NUMBERED


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
             for match in _LIST.finditer(paragraph.text)
             if (named := _named(paragraph.text, match, session, title)) is not None]
    # The first the base names, in its own order (on sessions 75-78, 178 of 186 times the real one;
    # ranking the cues by how sure they look did no better).
    return found[0] if found else None


def _named(text: str, match: re.Match[str], session: int, title: str) -> str | None:
    """The predecessor, if this citation list names it: "the most recent of which was", "... on
    <title>", a run the base continues, "... and its previous resolutions", or a paragraph that
    recalls it alone."""
    numbers = [m.group("number") for m in _ITEM.finditer(match["list"])]
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
