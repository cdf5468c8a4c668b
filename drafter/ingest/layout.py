"""Stage 2 of the text reader: find the landmarks every resolution has, in order.

    masthead ... number and title ... enacting formula ... body ... closing (meeting, date) ... tail

Promises: `find_layout` either returns indexes into the line list with title < formula <= body start
<= closing, or raises ParseError saying which landmark is missing. The tail (after the closing) is
where word-processor exports put their footnotes and debris, and where annexes start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.errors import ParseError
from drafter.ingest.dates import parse_date
from drafter.ingest.lines import Line
from drafter.model import Adoption, Masthead

# A resolution's number: "58/208", "57/270 B", "2006/2"; of a special or emergency special session
# "S-32/1", "ES-11/4" (the UN's symbols A/RES/S-32/1, A/RES/ES-11/4).
_NUMBER = r"(?:[A-Z]{1,2}-)?\d{1,4}/\d{1,4}(?: [A-Z](?:-[A-Z])?)?"
# "58/208. International migration and development", "57/270 B. Title", "2006/2. Title".
NUMBERED_TITLE = re.compile(rf"^(?P<number>{_NUMBER})\.\s+(?P<title>\S.*)$")
# "75/100." alone, its title on the lines below (a text layer breaks the line at the number's tab).
BARE_NUMBER = re.compile(rf"^(?P<number>{_NUMBER})\.(?P<title>)$")
# "Resolution 2006/2" on a line of its own (commission and ECOSOC style), title on the next lines.
RESOLUTION_LINE = re.compile(r"^Resolution\s+(?P<number>\d{1,4}/\d{1,4}(?: [A-Z])?)\.?(?:\s+(?P<title>\S.*))?$")
# "The General Assembly,", "The Commission on Population and Development,", "The Economic and Social Council,".
FORMULA = re.compile(r"^The (?P<body>[A-Z][A-Za-z’'-]*(?: (?:[A-Z][A-Za-z’'-]*|of|on|and|for|the|in))*)\s*,$")
# "78th plenary meeting"; a meeting resumed on a later day: "50th (resumed) plenary meeting" (161
# corpus files), once without the brackets ("54th resumed plenary meeting", 76/242).
MEETING = re.compile(r"^(?P<meeting>\d{1,4}(?:st|nd|rd|th) (?:\(resumed\) |resumed )?(?:plenary )?meeting)$")

# "A/RES/58/208"; several resolutions adopted under one number add their letters: "A/RES/75/101 A-B".
_MASTHEAD_SYMBOL = re.compile(r"^[A-Z]{1,4}(?:\.\d+)?(?:/[A-Za-z0-9.()…-]+){2,}(?: [A-Z](?:-[A-Z])?)?$")
_SESSION_HEADING = re.compile(r"^[A-Z][a-z-]+(?: [a-z-]+)* session$")
_AGENDA = re.compile(r"^Agenda items? .+$")
_ORIGIN = re.compile(r"^\[.+\]$")
_DISTRIBUTION = re.compile(r"^Distr\.\s*:?\s*(?P<kind>\w+)?$", re.I)


@dataclass(frozen=True)
class Layout:
    number: str
    title: str
    title_lines: tuple[int, int]    # [start, end) indexes of the title lines
    body_name: str
    formula: int                    # index of the enacting formula line
    closing: int | None             # index of the meeting line, None for texts without one
    adopted: Adoption | None
    masthead: Masthead | None


def find_layout(lines: list[Line], path: str) -> Layout:
    title_at, number, first_title = _find_title(lines, path)
    formula_at, body_name = _find_formula(lines, title_at, path)
    title_parts = [first_title] if first_title else []
    title_parts += [line.text for line in lines[title_at + 1:formula_at] if line.text]
    if not title_parts:
        raise ParseError("the resolution has no title", path, lines[title_at].number)
    closing_at, adopted = _find_closing(lines, formula_at)
    return Layout(
        number=number,
        title=" ".join(title_parts),
        title_lines=(title_at, formula_at),
        body_name=body_name,
        formula=formula_at,
        closing=closing_at,
        adopted=adopted,
        masthead=read_masthead(lines[:title_at]),
    )


def _find_title(lines: list[Line], path: str) -> tuple[int, str, str]:
    for index, line in enumerate(lines):
        match = NUMBERED_TITLE.match(line.text) or RESOLUTION_LINE.match(line.text) or BARE_NUMBER.match(line.text)
        if match:
            return index, match["number"], (match["title"] or "").strip()
    draft = _draft_title(lines)
    if draft is not None:
        return draft
    raise ParseError(
        "not a resolution: no number-and-title line such as '58/208. International migration and "
        "development' or 'Resolution 2006/2'", path)


def _draft_title(lines: list[Line]) -> tuple[int, str, str] | None:
    """A draft has no number yet: its title is the run of lines right above the formula, after
    the masthead; its number is the draft's symbol (A/C.2/60/L.12)."""
    formula = next((i for i, line in enumerate(lines) if FORMULA.match(line.text)), None)
    if formula is None:
        return None
    end = formula
    while end > 0 and not lines[end - 1].text:
        end -= 1
    start = end
    while start > 0 and lines[start - 1].text and end - start < 4 and not _in_masthead(lines[start - 1].text):
        start -= 1
    if start == end:
        return None
    masthead = read_masthead(lines[:start])
    symbol = masthead.symbol if masthead and masthead.symbol else "draft"
    return start, symbol, lines[start].text


def _in_masthead(text: str) -> bool:
    return bool(_MASTHEAD_SYMBOL.match(text) or _DISTRIBUTION.match(text) or parse_date(text)
                or _SESSION_HEADING.match(text) or _AGENDA.match(text) or _ORIGIN.match(text)
                or text.endswith("draft resolution"))


def _find_formula(lines: list[Line], title_at: int, path: str) -> tuple[int, str]:
    # The formula follows the title within a few lines (a title can wrap over two or three). With no
    # preambular paragraph after it, it has no comma: "The General Assembly" / "Adopts ...".
    for index in range(title_at + 1, min(title_at + 8, len(lines))):
        match = FORMULA.match(lines[index].text)
        if match:
            return index, match["body"]
        bare = FORMULA.match(lines[index].text + ",")
        following = _next_text(lines, index)
        if bare and following and _opens_operative(following.text):
            return index, bare["body"]
    raise ParseError(
        "no enacting formula such as 'The General Assembly,' after the title",
        path, lines[title_at].number)


def _find_closing(lines: list[Line], formula_at: int) -> tuple[int | None, Adoption | None]:
    # Searched from the end: the closing is the last thing before footnotes and annexes.
    for index in range(len(lines) - 1, formula_at, -1):
        match = MEETING.match(lines[index].text)
        if not match:
            continue
        date = _next_text(lines, index)
        iso = parse_date(date.text) if date else None
        return index, Adoption(meeting=match["meeting"], date=iso)
    return None, None


def _opens_operative(text: str) -> bool:
    from drafter.ingest.leads import is_lead_start
    return bool(re.match(r"^1\.\s", text)) or is_lead_start(text, "operative")


def _next_text(lines: list[Line], index: int) -> Line | None:
    for line in lines[index + 1:index + 4]:
        if line.text:
            return line
    return None


def read_masthead(lines: list[Line]) -> Masthead | None:
    """What a word-processor export keeps of the first page: symbol, Distr., date, session, item."""
    found: dict[str, str] = {}
    texts = [line.text for line in lines if line.text]
    for i, text in enumerate(texts):
        if _MASTHEAD_SYMBOL.match(text):
            found.setdefault("symbol", text)
        elif (match := _DISTRIBUTION.match(text)):
            kind = match["kind"] or (texts[i + 1] if i + 1 < len(texts) else "")
            found.setdefault("distribution", f"Distr.: {kind.capitalize()}")
        elif parse_date(text):
            found.setdefault("issued", text)
        elif _SESSION_HEADING.match(text):
            found.setdefault("session", text)
        elif _AGENDA.match(text):
            found.setdefault("agenda_item", text)
        elif _ORIGIN.match(text):
            found.setdefault("origin", text)
        elif text in ("General Assembly", "Economic and Social Council", "Security Council"):
            found.setdefault("organ", text)
    return Masthead(**found) if found else None
