"""One paragraph of a resolution as a clause: its template, its parameter values, where it came from.

A clause is the unit of the library. Its template covers the paragraph text, its sub-paragraphs and
its footnotes (footnotes belong to the clause: the Secretariat reproduces repeated elements "footnotes
included"). Parameters are named by kind in order of appearance across text, sub-paragraphs and
footnotes (`session_offset`, `session_offset_2`, `symbol`, `citations`, `fact_3`, ...), so two wordings of one
clause name the same role the same way when they share their shape.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import field
from typing import Any

from drafter.library import templates
from drafter.model import Paragraph, Resolution, SubParagraph
from drafter.records import dataclass


@dataclass(frozen=True)
class SourceRef:
    """Where a wording was read: the resolution and the paragraph in it."""

    resolution: str
    part: str                    # "preambular" | "operative"
    number: int | str            # operative number, or position among preambular paragraphs
    section: str | None = None   # the section or part (A, B) the paragraph stands in, when numbering restarts

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"resolution": self.resolution, "part": self.part, "number": self.number}
        if self.section:
            data["section"] = self.section
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceRef:
        return cls(data["resolution"], data["part"], data["number"], data.get("section"))


@dataclass(frozen=True)
class SubTemplate:
    """A sub-paragraph's template, under its label, with its own sub-paragraphs."""

    label: str
    template: str
    subparagraphs: tuple[SubTemplate, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"label": self.label, "template": self.template}
        if self.subparagraphs:
            data["subparagraphs"] = [s.to_dict() for s in self.subparagraphs]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SubTemplate:
        return cls(data["label"], data["template"],
                   tuple(cls.from_dict(s) for s in data.get("subparagraphs", ())))


@dataclass(frozen=True)
class Wording:
    """What makes two clauses the same variant: every template of the clause."""

    template: str
    subparagraphs: tuple[SubTemplate, ...] = ()
    footnotes: tuple[str, ...] = ()
    lead: str | None = None


def variant_id(wording: Wording) -> str:
    """A variant is named by its content, so the same wording has the same id in every library."""
    canonical = json.dumps([wording.template, [s.to_dict() for s in wording.subparagraphs],
                            list(wording.footnotes), wording.lead], ensure_ascii=False)
    return "v" + hashlib.sha256(canonical.encode()).hexdigest()[:10]


@dataclass
class Clause:
    """One paragraph of a resolution read as a wording with its values, ready to mine."""

    source: SourceRef
    kind: str
    session: int | None
    wording: Wording
    values: dict[str, Any]
    kinds: dict[str, str]          # parameter name -> slot kind
    styles: dict[str, str] = field(default_factory=dict)
    text: str = ""                 # the paragraph as read, for scoring similarity


class _Namer:
    """Hands out parameter names per kind: session, session_2, ..."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    # A session parameter is a distance; its name must not shadow `session`, the adopting session
    # every template is rendered with.
    PREFIX = {"session": "session_offset"}

    def name(self, kind: str) -> str:
        self.counts[kind] += 1
        count = self.counts[kind]
        prefix = self.PREFIX.get(kind, kind)
        return prefix if count == 1 else f"{prefix}_{count}"


def clauses_of(resolution: Resolution) -> list[Clause]:
    return [make_clause(*site) for site in sites_of(resolution)]


def sites_of(resolution: Resolution) -> list[tuple]:
    """Where each clause of `clauses_of` stands, in its order, as the arguments `make_clause`
    takes (paragraph, kind, ref, session, body, notes): a caller that knows a clause by its ref
    (the library recorded it) need not work out its template."""
    out: list[tuple] = []
    _collect(resolution, resolution.number, None, resolution.footnotes, out)
    for part in resolution.parts:
        _collect(part, f"{resolution.number} {part.label}", None, part.footnotes or resolution.footnotes,
                 out, resolution)
    return out


def _collect(holder, number: str, section: str | None, notes: dict[str, str], out: list[tuple],
             resolution: Resolution | None = None) -> None:
    resolution = resolution or holder
    for position, paragraph in enumerate(holder.preamble, start=1):
        ref = SourceRef(number, "preambular", position, section)
        out.append((paragraph, "preambular", ref, resolution.session, resolution.body, notes))
    for position, paragraph in enumerate(holder.operative, start=1):
        ref = SourceRef(number, "operative", paragraph.number if paragraph.number is not None else position,
                        section)
        out.append((paragraph, "operative", ref, resolution.session, resolution.body, notes))
    for index, sub in enumerate(holder.sections, start=1):
        label = " ".join(x for x in (section, sub.label or str(index)) if x)
        _collect(sub, number, label, notes, out, resolution)


def make_clause(paragraph: Paragraph, kind: str, ref: SourceRef, session: int | None, body: str,
                notes: dict[str, str]) -> Clause:
    from drafter.library.slots import (
        find_slots,  # only when reading paragraphs: it compiles a lot
    )

    namer = _Namer()
    values: dict[str, Any] = {}
    kinds: dict[str, str] = {}
    markers: list[str] = []          # the clause's own footnote numbering: 1, 2, ... in order of citation

    def template_of(text: str, refs, facts: bool = True) -> str:
        # A slot cannot hold a footnote mark: "resolutions 2004/16 of 16 April 2004[1] and 2005/5 of
        # 14 April 2005[2]" stays text, or the list would be written once by the slot and again
        # after the mark (78/190 -> 79 wrote "... and 2005/5 of 14 April 2005 and 2005/5 of ...").
        inside = [note.at for note in refs]
        slots = [s for s in find_slots(text, session, body, facts)
                 if templates.renders_back(s, text, session) and not any(s.start < at < s.end for at in inside)]
        names = []
        for slot in slots:
            name = namer.name(slot.kind)
            names.append(name)
            values[name] = slot.value
            kinds[name] = slot.kind
        note_marks = []
        for note in refs:
            if note.marker not in markers:
                markers.append(note.marker)
            note_marks.append((markers.index(note.marker) + 1, note.at))
        return templates.build(text, slots, names, note_marks)

    template = template_of(paragraph.text, paragraph.footnotes)
    subs = tuple(_sub_template(sub, template_of) for sub in paragraph.subparagraphs)
    footnotes = tuple(template_of(notes.get(marker, ""), (), facts=False) for marker in markers)
    wording = Wording(template, subs, footnotes, paragraph.lead)
    return Clause(ref, kind, session, wording, values, kinds, text=paragraph.text)


def _sub_template(sub: SubParagraph, template_of) -> SubTemplate:
    template = template_of(sub.text, sub.footnotes)
    return SubTemplate(sub.label, template, tuple(_sub_template(s, template_of) for s in sub.subparagraphs))
