"""Draft -> Resolution: fill every clause for the new session and number what the document numbers.

The result is an ordinary `drafter.model.Resolution`, so the text, DOCX and Akoma Ntoso renderers
draw a draft exactly as they draw an adopted resolution. Operative paragraphs are numbered 1, 2, ...
(a single one is not numbered, as the Editorial Manual has it); footnotes, numbered inside each
clause by the library, are numbered through the document in reading order.
"""

from __future__ import annotations

from drafter.assemble.draft import Draft
from drafter.assemble.punctuation import punctuate
from drafter.library.fill import fill
from drafter.model import FootnoteRef, Masthead, Paragraph, Resolution, Source, SubParagraph


def to_resolution(draft: Draft) -> Resolution:
    footnotes: dict[str, str] = {}
    preamble: list[Paragraph] = []
    operative: list[Paragraph] = []
    operative_count = sum(1 for c in draft.clauses if c.kind == "operative")
    for clause in draft.clauses:
        number = None
        if clause.kind == "operative" and operative_count > 1:
            number = len(operative) + 1
        filled = fill(clause.variant, clause.values, draft.session, number)
        paragraph = _renumber(filled.paragraph, filled.notes, footnotes)
        (operative if clause.kind == "operative" else preamble).append(paragraph)
    heading = draft.heading
    masthead = Masthead(symbol=heading.symbol, organ=heading.organ, distribution="Distr.: Limited",
                        session=heading.session_title, agenda_item=heading.agenda_item,
                        sponsor=heading.sponsor)
    resolution = Resolution(number=heading.symbol, symbol=heading.symbol, title=draft.base.title,
                            body=draft.base.body, session=draft.session, preamble=tuple(preamble),
                            operative=tuple(operative), footnotes=footnotes, adopted=None,
                            source=Source(path=f"draft based on {draft.base.number}", format="draft"),
                            masthead=masthead)
    return punctuate(resolution)        # by position, now that every clause is where it will stay


def _renumber(paragraph: Paragraph, notes: tuple[str, ...], footnotes: dict[str, str]) -> Paragraph:
    local: dict[str, str] = {}

    def refs(items: tuple[FootnoteRef, ...]) -> tuple[FootnoteRef, ...]:
        out = []
        for ref in items:
            if ref.marker not in local:
                marker = str(len(footnotes) + 1)
                footnotes[marker] = notes[int(ref.marker) - 1]
                local[ref.marker] = marker
            out.append(FootnoteRef(local[ref.marker], ref.at))
        return tuple(out)

    def subs(items: tuple[SubParagraph, ...]) -> tuple[SubParagraph, ...]:
        return tuple(SubParagraph(s.label, s.text, refs(s.footnotes), subs(s.subparagraphs)) for s in items)

    own = refs(paragraph.footnotes)
    return Paragraph(text=paragraph.text, lead=paragraph.lead, number=paragraph.number,
                     footnotes=own, subparagraphs=subs(paragraph.subparagraphs))
