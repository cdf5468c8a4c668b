"""The six official languages of the United Nations and their codes: ISO 639-1 in the model
(`Resolution.language`: "en", "fr"), ISO 639-2 in Akoma Ntoso's FRBRlanguage ("eng", "fra")."""

from __future__ import annotations

# ISO 639-2 -> ISO 639-1; the bibliographic codes (fre, chi) as well as the terminological ones.
_FROM_639_2 = {"ara": "ar", "chi": "zh", "zho": "zh", "eng": "en", "fra": "fr", "fre": "fr",
               "rus": "ru", "spa": "es"}
_TO_639_2 = {"ar": "ara", "zh": "zho", "en": "eng", "fr": "fra", "ru": "rus", "es": "spa"}


# The months as the UN prints them in each language's texts (French: 75/274 F itself and the UN's
# French press pages; see render/phrases.py for where each was found).
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
}


def from_639_2(code: str | None) -> str | None:
    """"fra" -> "fr"; None for a code that names none of the six."""
    return _FROM_639_2.get((code or "").strip().lower())


def to_639_2(language: str) -> str:
    """"fr" -> "fra"; English for a language that is none of the six."""
    return _TO_639_2.get(language, "eng")
