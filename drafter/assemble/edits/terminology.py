"""The UN's current terminology: spellings its editors changed, learned per session from the corpus.

`drafter/data/terminology.json` (tools/build_terminology.py) lists, per session, the rules that
held in it: FROM -> TO where the next session's real texts rewrote FROM as TO at least 90% of the
time and the session's own texts write TO at least 90% of the time ("indigenous peoples" ->
"Indigenous Peoples" from session 77, "non-governmental" with a non-breaking hyphen from 78). A
draft for session N takes the rules of the latest session before N in the data: what the UN was
writing when the draft is made. A term is matched as a whole run of words, case and hyphens as
written, in the paragraph's text, sub-paragraphs and closing words; footnotes cite titles as they
were published and are left alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafter.assemble.edits import Edit
from drafter.assemble.edits.learned import Learned
from drafter.assemble.edits.rewrite import edit_texts

KIND = "terminology"
LEARNED = Learned("terminology.json")


def rules_for(session: int) -> list[dict]:
    """The rules of the latest session before `session` that the data has."""
    return LEARNED.as_of(session).get("rules", [])


@lru_cache(maxsize=64)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<![\w\-\u2011])(?:{alternatives})(?![\w\-\u2011])")


def apply(draft, pieces, numbers) -> list[Edit]:
    rules = {rule["from"]: rule for rule in rules_for(draft.session)}
    if not rules:
        return []
    finder = _pattern(tuple(rules))

    def cuts(text: str):
        return [(m.start(), m.end(), rules[m.group()]["to"]) for m in finder.finditer(text)]

    out = []
    for index, piece in enumerate(pieces):
        piece.paragraph, made = edit_texts(piece.paragraph, cuts)
        out += [Edit(KIND, index, before, after, _why(rules[before]), place) for place, before, after in made]
    return out


def _why(rule: dict) -> str:
    total = rule["changed"] + rule["kept"]
    return (f"the UN writes it so since session {rule['evidence_session']} "
            f"({rule['changed']} of {total} re-tabled paragraphs changed it)")
