"""The structured model of a resolution: what every reader produces and every later stage consumes.

The model is a tree of frozen dataclasses. `Resolution.to_dict()` gives the JSON interface of
`drafter parse --json`; `Resolution.from_dict()` reads it back, so the JSON round-trips exactly.

Shape, for a single resolution (the common case):

    number, symbol, title, body, session,
    preamble   [Paragraph]  unnumbered, each with its italic `lead`
    operative  [Paragraph]  numbered 1, 2, ... (a single operative paragraph has number None)
    footnotes  {marker: text}
    adopted    {meeting, date} or None

What real resolutions add, each key present only when the document has it:
    sections   [Section]  a body divided under headings (budget resolutions: "I", "II", ...)
    parts      [Part]     resolutions adopted together as A, B, ... each with its own preamble
    annexes    [Annex]    text annexed to the resolution

Footnote markers are taken out of paragraph text; `FootnoteRef.at` is the character offset in `text`
where the marker stood, so a renderer can put it back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FootnoteRef:
    marker: str
    at: int

    def to_dict(self) -> dict[str, Any]:
        return {"marker": self.marker, "at": self.at}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FootnoteRef:
        return cls(marker=str(data["marker"]), at=int(data["at"]))


@dataclass(frozen=True)
class SubParagraph:
    """A lettered (a), (b) ... or roman (i), (ii) ... item under an operative paragraph."""

    label: str
    text: str
    footnotes: tuple[FootnoteRef, ...] = ()
    subparagraphs: tuple[SubParagraph, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "text": self.text,
            "footnotes": [f.to_dict() for f in self.footnotes],
        }
        if self.subparagraphs:
            data["subparagraphs"] = [s.to_dict() for s in self.subparagraphs]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SubParagraph:
        return cls(
            label=data["label"],
            text=data["text"],
            footnotes=tuple(FootnoteRef.from_dict(f) for f in data.get("footnotes", ())),
            subparagraphs=tuple(cls.from_dict(s) for s in data.get("subparagraphs", ())),
        )


@dataclass(frozen=True)
class Paragraph:
    """A preambular paragraph (number None) or an operative paragraph.

    `text` is the whole paragraph as one clean line, lead included ("Takes note of ...").
    `lead` is the italic opening phrase, a prefix of `text`, or None when there is none.
    `line` is the 1-based source line where the paragraph starts (not part of the JSON).
    """

    text: str
    lead: str | None = None
    number: int | str | None = None
    footnotes: tuple[FootnoteRef, ...] = ()
    subparagraphs: tuple[SubParagraph, ...] = ()
    line: int | None = field(default=None, compare=False)

    def to_dict(self, operative: bool) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if operative:
            data["number"] = self.number
        data["lead"] = self.lead
        data["text"] = self.text
        data["footnotes"] = [f.to_dict() for f in self.footnotes]
        if operative or self.subparagraphs:
            data["subparagraphs"] = [s.to_dict() for s in self.subparagraphs]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Paragraph:
        return cls(
            text=data["text"],
            lead=data.get("lead"),
            number=data.get("number"),
            footnotes=tuple(FootnoteRef.from_dict(f) for f in data.get("footnotes", ())),
            subparagraphs=tuple(SubParagraph.from_dict(s) for s in data.get("subparagraphs", ())),
        )


def _paragraphs_to_dict(paragraphs: tuple[Paragraph, ...], operative: bool) -> list[dict[str, Any]]:
    return [p.to_dict(operative) for p in paragraphs]


def _paragraphs_from_dict(items: list[dict[str, Any]] | None) -> tuple[Paragraph, ...]:
    return tuple(Paragraph.from_dict(p) for p in items or ())


@dataclass(frozen=True)
class Section:
    """A heading in the body and what stands under it, e.g. "I" / "Programme budget ..."."""

    label: str | None
    heading: str | None
    preamble: tuple[Paragraph, ...] = ()
    operative: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "heading": self.heading,
            "preamble": _paragraphs_to_dict(self.preamble, operative=False),
            "operative": _paragraphs_to_dict(self.operative, operative=True),
        }
        if self.sections:
            data["sections"] = [s.to_dict() for s in self.sections]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        return cls(
            label=data.get("label"),
            heading=data.get("heading"),
            preamble=_paragraphs_from_dict(data.get("preamble")),
            operative=_paragraphs_from_dict(data.get("operative")),
            sections=tuple(cls.from_dict(s) for s in data.get("sections", ())),
        )


@dataclass(frozen=True)
class Adoption:
    """Where and when the resolution was adopted: "78th plenary meeting", ISO date."""

    meeting: str | None
    date: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"meeting": self.meeting, "date": self.date}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Adoption | None:
        if data is None:
            return None
        return cls(meeting=data.get("meeting"), date=data.get("date"))


@dataclass(frozen=True)
class Part:
    """One of several resolutions adopted under one number: 75/101 A, 75/101 B."""

    label: str
    title: str | None
    preamble: tuple[Paragraph, ...] = ()
    operative: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    footnotes: dict[str, str] = field(default_factory=dict)
    adopted: Adoption | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "title": self.title,
            "preamble": _paragraphs_to_dict(self.preamble, operative=False),
            "operative": _paragraphs_to_dict(self.operative, operative=True),
        }
        if self.sections:
            data["sections"] = [s.to_dict() for s in self.sections]
        data["footnotes"] = dict(self.footnotes)
        data["adopted"] = self.adopted.to_dict() if self.adopted else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Part:
        return cls(
            label=data["label"],
            title=data.get("title"),
            preamble=_paragraphs_from_dict(data.get("preamble")),
            operative=_paragraphs_from_dict(data.get("operative")),
            sections=tuple(Section.from_dict(s) for s in data.get("sections", ())),
            footnotes=dict(data.get("footnotes", {})),
            adopted=Adoption.from_dict(data.get("adopted")),
        )


@dataclass(frozen=True)
class Annex:
    """Text annexed to a resolution: a title and its blocks, kept in order.

    Annex paragraphs are free text (declarations, rules of procedure, tables flattened to text);
    `number` holds whatever numbering the block had ("1.", "(a)", "I.") as a string.
    """

    label: str | None
    title: str | None
    paragraphs: tuple[Paragraph, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "title": self.title,
            "paragraphs": [
                {"number": p.number, "text": p.text, "footnotes": [f.to_dict() for f in p.footnotes]}
                for p in self.paragraphs
            ],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Annex:
        return cls(
            label=data.get("label"),
            title=data.get("title"),
            paragraphs=_paragraphs_from_dict(data.get("paragraphs")),
        )


@dataclass(frozen=True)
class Masthead:
    """What the first page says about the document, when the source has it."""

    symbol: str | None = None
    organ: str | None = None
    distribution: str | None = None
    issued: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    origin: str | None = None
    sponsor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Masthead | None:
        return None if data is None else cls(**data)


@dataclass(frozen=True)
class Source:
    path: str
    format: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format}


@dataclass(frozen=True)
class Resolution:
    number: str
    symbol: str | None
    title: str | None
    body: str
    session: int | None
    preamble: tuple[Paragraph, ...] = ()
    operative: tuple[Paragraph, ...] = ()
    footnotes: dict[str, str] = field(default_factory=dict)
    adopted: Adoption | None = None
    source: Source | None = field(default=None, compare=False)
    sections: tuple[Section, ...] = ()
    parts: tuple[Part, ...] = ()
    annexes: tuple[Annex, ...] = ()
    masthead: Masthead | None = field(default=None, compare=False)
    # Things the reader had to guess or could not recover; printed on stderr by the CLI.
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "number": self.number,
            "symbol": self.symbol,
            "title": self.title,
            "body": self.body,
            "session": self.session,
            "preamble": _paragraphs_to_dict(self.preamble, operative=False),
            "operative": _paragraphs_to_dict(self.operative, operative=True),
        }
        if self.sections:
            data["sections"] = [s.to_dict() for s in self.sections]
        if self.parts:
            data["parts"] = [p.to_dict() for p in self.parts]
        if self.annexes:
            data["annexes"] = [a.to_dict() for a in self.annexes]
        data["footnotes"] = dict(self.footnotes)
        data["adopted"] = self.adopted.to_dict() if self.adopted else None
        if self.masthead:
            data["masthead"] = self.masthead.to_dict()
        data["source"] = self.source.to_dict() if self.source else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Resolution:
        source = data.get("source")
        return cls(
            number=data["number"],
            symbol=data.get("symbol"),
            title=data.get("title"),
            body=data["body"],
            session=data.get("session"),
            preamble=_paragraphs_from_dict(data.get("preamble")),
            operative=_paragraphs_from_dict(data.get("operative")),
            footnotes=dict(data.get("footnotes", {})),
            adopted=Adoption.from_dict(data.get("adopted")),
            source=Source(**source) if source else None,
            sections=tuple(Section.from_dict(s) for s in data.get("sections", ())),
            parts=tuple(Part.from_dict(p) for p in data.get("parts", ())),
            annexes=tuple(Annex.from_dict(a) for a in data.get("annexes", ())),
            masthead=Masthead.from_dict(data.get("masthead")),
        )

    def all_paragraphs(self) -> list[tuple[str, Paragraph]]:
        """Every preambular and operative paragraph, in document order, as (kind, paragraph).

        Walks parts and sections too, so a consumer that only wants clauses need not know the shape.
        """
        out: list[tuple[str, Paragraph]] = []
        _collect(self, out)
        for part in self.parts:
            _collect(part, out)
        return out


def _collect(holder: Any, out: list[tuple[str, Paragraph]]) -> None:
    out.extend(("preambular", p) for p in holder.preamble)
    out.extend(("operative", p) for p in holder.operative)
    for section in holder.sections:
        _collect(section, out)
