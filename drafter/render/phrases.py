"""The words a renderer prints that the model does not hold: masthead lines, the enacting formula,
the committee a draft symbol names, dates. One table a language (`WORDS`, by the model's
`Resolution.language`); `words_for(language)` gives a language's table, with English for any word
its table does not have yet. The road to the six official languages is more tables, not more code.

Dates are written as the UN writes them, day and month joined by a no-break space (U+00A0), so a
date never breaks across lines.
"""

from __future__ import annotations

import datetime as dt
import re

from drafter.languages import MONTHS

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
    "months": MONTHS["en"],
    # The language Word checks the text in (BCP 47); an English text takes the reference's.
    "language_tag": "en-GB",
    # The Main Committees, by the number in a draft symbol (A/C.2/78/L.5 is the Second Committee's).
    "committees": {
        "1": "First Committee",
        "2": "Second Committee",
        "3": "Third Committee",
        "4": "Special Political and Decolonization Committee (Fourth Committee)",
        "5": "Fifth Committee",
        "6": "Sixth Committee",
    },
}


# French, as the UN prints it. Where each word comes from:
# - organization, general, adopted_on, formula, and the months avril, juillet, décembre: the UN's
#   own French resolution in the corpus, A/RES/75/274 (75_274_F.xml: "Nations Unies", "Distr.
#   générale", "Résolution adoptée par l’Assemblée générale le 28 avril 2021", "L’Assemblée
#   générale,", "25 juillet 1980", "15 décembre 1998"). The article is elided before the
#   Assembly's name, the body of every corpus resolution; a body whose name wants "Le"/"La" (le
#   Conseil de sécurité) needs a table entry of its own before drafter prints it.
# - the other months: the UN's French press releases (press.un.org/fr: "28 février" and "2 mars"
#   in AG/12410, "8 mai 2024" and "11 avril" in AG/12620, "7 juin 2021" in AG/DSI/3661,
#   "19 septembre" in CPSD/395, "3 octobre au 13 novembre 2018" in AG/J/3564); "janvier" in the
#   UN's A/33/45 ("15-29 janvier ... 1979"), "août" on press.un.org/fr's plenary page ("du 5 au
#   8 août 2025"). Not found: whether the first of a month is printed "1er" (French usage); drafter
#   prints "1" until a UN text shows it.
# - the committees: press.un.org/fr ("Première Commission" on its First Committee pages,
#   "Deuxième Commission", "Troisième Commission", "Sixième Commission" in its meetings coverage,
#   "Cinquième Commission" and "Commission des questions politiques spéciales et de la
#   décolonisation (Quatrième Commission)" in AG/J/3314 and CPSD/395).
# Not here yet, so printed in English until someone finds the UN's French for them: the lines of a
# draft's masthead (limited distribution, "Original", the sponsor line, the to-fill placeholders)
# and "Resolutions adopted by" for resolutions adopted together.
FRENCH = {
    "organization": "Nations Unies",
    "general": "Distr. générale",
    "formula": "L’{body}",
    "adopted": "Résolution adoptée par l’{body}",
    "adopted_on": "Résolution adoptée par l’{body} le {date}",
    "months": MONTHS["fr"],
    "language_tag": "fr-FR",
    "committees": {
        "1": "Première Commission",
        "2": "Deuxième Commission",
        "3": "Troisième Commission",
        "4": "Commission des questions politiques spéciales et de la décolonisation (Quatrième Commission)",
        "5": "Cinquième Commission",
        "6": "Sixième Commission",
    },
}

WORDS = {"en": ENGLISH, "fr": FRENCH}


def words_for(language: str | None) -> dict:
    """The words to print for a language ("en", "fr"), English where its table has none yet."""
    return {**ENGLISH, **WORDS.get(language or "en", {})}


_COMMITTEE_SYMBOL = re.compile(r"^A/C\.(\d)/")


def committee_of(symbol: str | None, words=ENGLISH) -> str | None:
    """"A/C.2/60/L.12" -> "Second Committee"; a plenary symbol ("A/60/L.5") names none."""
    found = _COMMITTEE_SYMBOL.match(symbol or "")
    return words["committees"].get(found.group(1)) if found else None


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
