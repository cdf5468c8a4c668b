"""Fill a variant with values: templates in, a paragraph of the model out.

Footnotes are numbered inside the clause (1, 2, ...); `Filled.notes` holds their texts in that
order, and the paragraph's `FootnoteRef.marker`s are those clause numbers as strings. Whoever puts
clauses together into a document renumbers them through the document.
"""

from __future__ import annotations

from typing import Any

from drafter.library.clauses import SubTemplate
from drafter.library.model import Variant
from drafter.library.templates import render
from drafter.model import FootnoteRef, Paragraph, SubParagraph
from drafter.records import dataclass


@dataclass(frozen=True)
class Filled:
    """A variant filled with values: the paragraph, and the texts of its footnotes."""

    paragraph: Paragraph
    notes: tuple[str, ...]


def fill(variant: Variant, values: dict[str, Any], session: int | None,
         number: int | None = None) -> Filled:
    rendered = render(variant.template, values, session)
    subs = tuple(_sub(s, values, session) for s in variant.subparagraphs)
    notes = tuple(render(note, values, session).text for note in variant.footnotes)
    paragraph = Paragraph(text=rendered.text, lead=variant.lead, number=number,
                          footnotes=_refs(rendered.notes), subparagraphs=subs)
    return Filled(paragraph, notes)


def _sub(sub: SubTemplate, values: dict[str, Any], session: int | None) -> SubParagraph:
    rendered = render(sub.template, values, session)
    return SubParagraph(label=sub.label, text=rendered.text, footnotes=_refs(rendered.notes),
                        subparagraphs=tuple(_sub(s, values, session) for s in sub.subparagraphs))


def _refs(notes: tuple[tuple[int, int], ...]) -> tuple[FootnoteRef, ...]:
    return tuple(FootnoteRef(str(number), at) for number, at in notes)


def search_words(library, variant: Variant) -> str:
    """A wording as in its latest source, a line for each sub-paragraph ("(a) ..."), as `plain`
    gives it but without rendering (no compile): what search indexes and shows."""
    from drafter.library.templates import words

    values, session = _latest_values(library, variant)
    lines = [words(variant.template, values, session)]
    lines += [f"({label}) {words(template, values, session)}" for label, template in _sub_templates(variant.subparagraphs)]
    return "\n".join(lines)


def _latest_values(library, variant: Variant) -> tuple[dict[str, Any], int | None]:
    from drafter.library.templates import Placeholder

    latest = variant.sources[-1] if variant.sources else None
    values = dict(latest.values) if latest else {}
    for name in variant.parameters:
        values.setdefault(name, Placeholder.named(name))
    return values, library.session_of(latest.ref.resolution) if latest else None


def _sub_templates(subs) -> list[tuple[str, str]]:
    return [pair for sub in subs for pair in ((sub.label, sub.template), *_sub_templates(sub.subparagraphs))]


def plain(filled: Filled) -> str:
    """The clause as one string with its sub-paragraphs, for showing and diffing."""
    lines = [filled.paragraph.text]
    lines += [f"({s.label}) {s.text}" for s in _walk(filled.paragraph.subparagraphs)]
    return "\n".join(lines)


def _walk(subs):
    for sub in subs:
        yield sub
        yield from _walk(sub.subparagraphs)
