"""The readable outline `drafter parse` prints: what a drafter checks a parse against.

Leads are shown in [brackets] (the italics of the printed page), footnote markers as ^12 where they
stand, sub-paragraphs indented under their paragraph.
"""

from __future__ import annotations

from drafter.model import FootnoteRef, Paragraph, Resolution, Section, SubParagraph


def outline(resolution: Resolution) -> str:
    lines = [f"{resolution.number}. {resolution.title or '(no title)'}"]
    facts = [resolution.body, f"session {resolution.session}" if resolution.session else "session unknown"]
    if resolution.symbol:
        facts.append(resolution.symbol)
    if resolution.source:
        facts.append(f"{resolution.source.path} ({resolution.source.format})")
    lines.append("  " + " · ".join(facts))
    adopted = resolution.adopted
    lines.append(f"  adopted: {adopted.meeting}, {adopted.date}" if adopted else "  adopted: (not stated)")
    _body(lines, resolution, indent="")
    for part in resolution.parts:
        lines += ["", f"Part {part.label}: {part.title or ''}".rstrip()]
        _body(lines, part, indent="  ")
    for annex in resolution.annexes:
        lines += ["", f"{annex.label or 'Annex'}{': ' + annex.title if annex.title else ''}"]
        lines += [f"  {_marked(p.text, p.footnotes)}" for p in annex.paragraphs]
    if resolution.footnotes:
        lines += ["", f"Footnotes ({len(resolution.footnotes)})"]
        lines += [f"  {marker:>3}  {text}" for marker, text in resolution.footnotes.items()]
    return "\n".join(lines) + "\n"


def _body(lines: list[str], holder, indent: str) -> None:
    if holder.preamble:
        lines += ["", f"{indent}Preamble ({len(holder.preamble)})"]
        lines += [f"{indent}  {_paragraph(p)}" for p in holder.preamble]
    if holder.operative:
        lines += ["", f"{indent}Operative ({len(holder.operative)})"]
        for paragraph in holder.operative:
            number = f"{paragraph.number}." if paragraph.number is not None else "-"
            lines.append(f"{indent}  {number:>4} {_paragraph(paragraph)}")
            _subs(lines, paragraph.subparagraphs, indent + "        ")
    for section in holder.sections:
        _section(lines, section, indent)


def _section(lines: list[str], section: Section, indent: str) -> None:
    title = " ".join(x for x in (section.label, section.heading) if x)
    lines += ["", f"{indent}Section {title}"]
    _body(lines, section, indent + "  ")


def _subs(lines: list[str], subs: tuple[SubParagraph, ...], indent: str) -> None:
    for sub in subs:
        lines.append(f"{indent}({sub.label}) {_marked(sub.text, sub.footnotes)}")
        _subs(lines, sub.subparagraphs, indent + "    ")


def _paragraph(paragraph: Paragraph) -> str:
    text = _marked(paragraph.text, paragraph.footnotes)
    lead = paragraph.lead
    if lead and text.startswith(lead):
        return f"[{lead}]{text[len(lead):]}"
    return text


def _marked(text: str, refs: tuple[FootnoteRef, ...]) -> str:
    for ref in sorted(refs, key=lambda r: r.at, reverse=True):
        text = f"{text[:ref.at]}^{ref.marker}{text[ref.at:]}"
    return text
