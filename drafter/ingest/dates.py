"""A date as a resolution prints it ("23 December 2003") read as an ISO date.

In a module of its own, so that what reads dates on every draft (the library's slots) does not
import the text reader's layout with it.
"""

from __future__ import annotations

import datetime as dt
import re

from drafter.languages import MONTHS

_DATE = re.compile(r"^(?P<day>\d{1,2})\s(?P<month>[^\W\d_]+)\s(?P<year>\d{4})$")   # \s: no-break too
# The months of every language drafter knows (the corpus's 75/274 F closes "28 avril 2021").
_MONTHS = {name: i for names in MONTHS.values() for i, name in enumerate(names, start=1)}


def parse_date(text: str) -> str | None:
    """"23 December 2003" -> "2003-12-23"; None if it is not such a date."""
    match = _DATE.match(text.strip())
    if not match or match["month"] not in _MONTHS:
        return None
    try:
        return dt.date(int(match["year"]), _MONTHS[match["month"]], int(match["day"])).isoformat()
    except ValueError:
        return None
