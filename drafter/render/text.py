"""The plain-text rendering of a resolution or draft: the document as a reader meets it.

Heading lines, title, enacting formula, one paragraph per block (no wrapping, so a draft diffs well
line by line), operative paragraphs opening with their number, sub-paragraphs beneath, footnote
markers as superscript numbers where they stand, footnotes at the end under a rule, and for an
adopted resolution the meeting and date.
"""

from __future__ import annotations

from drafter.library.templates import un_date
from drafter.model import FootnoteRef, Paragraph, Resolution, SubParagraph

_SUPERSCRIPT = str.maketrans("0123456789*", "⁰¹²³⁴⁵⁶⁷⁸⁹*")


def render_text(resolution: Resolution) -> str:
    blocks = _heading(resolution)
    blocks.append(f"The {resolution.body},")
    blocks += [_marked(p.text, p.footnotes) for p in resolution.preamble]
    for paragraph in resolution.operative:
        blocks.append(_operative(paragraph))
    if resolution.adopted:
        date = un_date(resolution.adopted.date) if resolution.adopted.date else ""
        blocks.append("\n".join(x for x in (resolution.adopted.meeting, date) if x))
    if resolution.footnotes:
        notes = [f"{marker.translate(_SUPERSCRIPT)} {text}" for marker, text in resolution.footnotes.items()]
        blocks.append("_______________\n" + "\n".join(notes))
    return "\n\n".join(blocks) + "\n"


def _heading(resolution: Resolution) -> list[str]:
    masthead = resolution.masthead
    draft = resolution.adopted is None and masthead is not None and "/L." in (masthead.symbol or "")
    if draft:
        lines = [masthead.symbol, masthead.distribution or "Distr.: Limited", masthead.session,
                 masthead.agenda_item]
        blocks = ["\n".join(x for x in lines if x)]
        if masthead.sponsor:
            blocks.append(masthead.sponsor)
        blocks.append(resolution.title or "")
        return blocks
    symbol = resolution.symbol or (masthead.symbol if masthead else None)
    blocks = [symbol] if symbol else []
    blocks.append(f"{resolution.number}. {resolution.title or ''}".rstrip())
    return blocks


def _operative(paragraph: Paragraph) -> str:
    text = _marked(paragraph.text, paragraph.footnotes)
    lines = [f"{paragraph.number}. {text}" if paragraph.number is not None else text]
    lines += _subs(paragraph.subparagraphs, "    ")
    return "\n".join(lines)


def _subs(subs: tuple[SubParagraph, ...], indent: str) -> list[str]:
    lines = []
    for sub in subs:
        lines.append(f"{indent}({sub.label}) {_marked(sub.text, sub.footnotes)}")
        lines += _subs(sub.subparagraphs, indent + "    ")
    return lines


def _marked(text: str, refs: tuple[FootnoteRef, ...]) -> str:
    for ref in sorted(refs, key=lambda r: r.at, reverse=True):
        text = text[:ref.at] + ref.marker.translate(_SUPERSCRIPT) + text[ref.at:]
    return text
