"""The automatic edits of a re-tabled resolution, one module per kind, each learned from the corpus.

Every edit drafter makes by itself is listed as an `Edit`: its kind, the clause it is in, the words
before and after, and why. Each kind can be refused (`drafter new --no-edit KIND`, or at the
prompt), and then it is not made at all. Kinds, in the order they are made:

    series           the base joins the recall of its own series (edits/series.py)
    report           the report the base asked for becomes the new session's (a placeholder,
                     or the symbol the UN gives it every session) (value edit, edits/report.py)
    year             years and dates of the session keep their distance ("for 2021", "from 1 July
                     2021"), in clauses and section headings (value edit, edits/years.py)
    session          the body's own sessions keep their distance to the adopting session
                     (made by filling the templates for the new session, edits/sessions.py)
    terminology      the UN's current usage, learned per session from the corpus
                     (drafter/data/terminology.json, edits/terminology.py)
    cross-reference  "paragraph 16 above" follows its paragraph when paragraphs come and go
                     (edits/crossrefs.py)
    lead             lead adverbs back in sequence (Recalling / Recalling also / Recalling further)
                     after the order of the clauses changed (edits/sequence.py)

Not a kind, and never refused: "resolution" leading a list of several becomes "resolutions"
(edits/plurals.py), the grammar of whatever list the draft ends up with.
"""

from __future__ import annotations

from drafter.records import dataclass

KINDS = ("series", "report", "year", "session", "terminology", "cross-reference", "lead")


@dataclass(frozen=True)
class Edit:
    """One automatic change drafter made to the base's words, and why."""

    kind: str                     # one of KINDS
    clause: int | None            # position in Draft.clauses; None: outside the clauses (a heading)
    before: str
    after: str
    why: str
    place: str = "text"           # "text", "footnote", "sub-paragraph (a)", "closing words"

    def line(self) -> str:
        where = f"clause {self.clause + 1}" if self.clause is not None else "heading"
        return f"{self.kind}: {where} ({self.place}): {self.before!r} -> {self.after!r} ({self.why})"


def place_of(variant, name: str) -> str:
    """Where a parameter of a wording stands: its text, a sub-paragraph or a footnote."""
    mark = "{{ " + name + " "
    mark_closed = "{{ " + name + " }}"
    if mark in variant.template or mark_closed in variant.template or f"(session + {name})" in variant.template:
        return "text"
    for sub in _walk(variant.subparagraphs):
        if mark in sub.template or f"(session + {name})" in sub.template:
            return f"sub-paragraph ({sub.label})"
    return "footnote"


def _walk(subs):
    for sub in subs:
        yield sub
        yield from _walk(sub.subparagraphs)
