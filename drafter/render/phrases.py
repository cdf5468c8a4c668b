"""The words a renderer prints that the model does not hold: masthead lines, the enacting formula,
the committee a draft symbol names, dates. English today; another language is another table.

Dates are written as the UN writes them, day and month joined by a no-break space (U+00A0), so a
date never breaks across lines.
"""

from __future__ import annotations

import datetime as dt
import re

ENGLISH = {
    "organization": "United Nations",
    "general": "Distr.: General",
    "limited": "Distr.: Limited",
    "original": "Original: English",
    "formula": "The {body}",
    "adopted": "Resolution adopted by the {body}",
    "adopted_on": "Resolution adopted by the {body} on {date}",
    # Resolutions adopted together (78/80 A and B) share one masthead.
    "adopted_together": "Resolutions adopted by the {body}",
    "adopted_together_on": "Resolutions adopted by the {body} on {date}",
    # The line under a draft's masthead; a revision (".../Rev.1") is a revised draft.
    "sponsor_line": "{sponsor}: draft resolution",
    "revised_sponsor_line": "{sponsor}: revised draft resolution",
    # What a draft's masthead prints where nobody has said yet (listed as "still to fill").
    "sponsor_to_fill": "[to fill: sponsor]",
    "date_to_fill": "[to fill: date]",
    "months": ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"),
}

# The Main Committees, by the number in a draft symbol (A/C.2/78/L.5 is the Second Committee's).
COMMITTEES = {
    "1": "First Committee",
    "2": "Second Committee",
    "3": "Third Committee",
    "4": "Special Political and Decolonization Committee (Fourth Committee)",
    "5": "Fifth Committee",
    "6": "Sixth Committee",
}

_COMMITTEE_SYMBOL = re.compile(r"^A/C\.(\d)/")


def committee_of(symbol: str | None) -> str | None:
    """"A/C.2/60/L.12" -> "Second Committee"; a plenary symbol ("A/60/L.5") names none."""
    found = _COMMITTEE_SYMBOL.match(symbol or "")
    return COMMITTEES.get(found.group(1)) if found else None


def un_date(iso: str, words=ENGLISH) -> str:
    """"2023-12-19" -> "19 December 2023", with a no-break space after the day."""
    day = dt.date.fromisoformat(str(iso)[:10])
    return f"{day.day}\u00a0{words['months'][day.month - 1]} {day.year}"


def sponsor_line(sponsor: str | None, symbol: str | None, words=ENGLISH) -> str:
    """"Qatar (on behalf of the Group of 77 and China): draft resolution"; a line that already says
    what it is ("Qatar*: draft resolution", as a UN draft prints it) stays as it is."""
    sponsor = sponsor or words["sponsor_to_fill"]
    for key in ("revised_sponsor_line", "sponsor_line"):
        if sponsor.endswith(words[key].format(sponsor="")):
            return sponsor
    key = "revised_sponsor_line" if "/Rev." in (symbol or "") else "sponsor_line"
    return words[key].format(sponsor=sponsor)


def is_draft(resolution) -> bool:
    """A draft has no adoption and a symbol with "/L." (A/C.2/60/L.12, A/60/L.5)."""
    masthead = resolution.masthead
    return resolution.adopted is None and bool(masthead and "/L." in (masthead.symbol or ""))
