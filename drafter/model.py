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
where the marker stood, so a renderer can put it back. The same holds for the notes on a title, a
section heading and an annex title (`title_footnotes`, `heading_footnotes`).

What the printed page shows beyond the words, each key present in the JSON only when used:
    italics     [[start, end]]  italic runs inside a text other than its lead (titles of publications,
                                Latin), as offsets in that text; `note_italics` does the same for notes
    wrap_up     the closing words of a paragraph after its sub-paragraphs ("..., and to report thereon")
    table       a table standing after the paragraph's text (a paragraph with empty text is a table alone)
    style       "heading" for a line of free text set as a heading (annex headings, centred titles)
    more_titles, part_title   further titles under the first, and the title of its own a part
                published alone prints under its letter (75/290 A)
    language    "en" unless the text is in another language ("fr": 75/274 in French)
    supplied, corrected   what the reader printed that the source's text lacks or mistypes

Text is kept as the source spells it: no-break spaces (U+00A0) and non-breaking hyphens (U+2011)
stay, so a date never breaks across lines; code that compares words splits on any whitespace.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from drafter.records import dataclass


@dataclass(frozen=True)
class FootnoteRef:
    """A footnote's mark in a text: its marker, at offset `at`."""

    marker: str
    at: int

    def to_dict(self) -> dict[str, Any]:
        return {"marker": self.marker, "at": self.at}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FootnoteRef:
        return cls(marker=str(data["marker"]), at=int(data["at"]))


@dataclass(frozen=True)
class Span:
    """A run of italics inside a text: `text[start:end]`."""

    start: int
    end: int

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_list(cls, data: list[int]) -> Span:
        return cls(int(data[0]), int(data[1]))


def _refs_from(items) -> tuple[FootnoteRef, ...]:
    return tuple(FootnoteRef.from_dict(f) for f in items or ())


def _spans_from(items) -> tuple[Span, ...]:
    return tuple(Span.from_list(s) for s in items or ())


def _note_italics_from(data) -> dict[str, tuple[Span, ...]]:
    return {str(marker): _spans_from(spans) for marker, spans in (data or {}).items()}


def _note_italics_to(note_italics: dict[str, tuple[Span, ...]]) -> dict[str, list[list[int]]]:
    return {marker: [s.to_list() for s in spans] for marker, spans in note_italics.items() if spans}


@dataclass(frozen=True)
class SubParagraph:
    """A lettered (a), (b) ... or roman (i), (ii) ... item under an operative paragraph."""

    label: str
    text: str
    footnotes: tuple[FootnoteRef, ...] = ()
    subparagraphs: tuple[SubParagraph, ...] = ()
    italics: tuple[Span, ...] = ()
    wrap_up: str | None = None                   # words after its own sub-paragraphs
    wrap_up_footnotes: tuple[FootnoteRef, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "text": self.text,
            "footnotes": [f.to_dict() for f in self.footnotes],
        }
        if self.subparagraphs:
            data["subparagraphs"] = [s.to_dict() for s in self.subparagraphs]
        _extras_to(self, data)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SubParagraph:
        return cls(
            label=data["label"],
            text=data["text"],
            footnotes=_refs_from(data.get("footnotes")),
            subparagraphs=tuple(cls.from_dict(s) for s in data.get("subparagraphs", ())),
            italics=_spans_from(data.get("italics")),
            wrap_up=data.get("wrap_up"),
            wrap_up_footnotes=_refs_from(data.get("wrap_up_footnotes")),
        )


def _extras_to(item, data: dict[str, Any]) -> None:
    """The keys a paragraph or sub-paragraph has only when it uses them."""
    if item.italics:
        data["italics"] = [s.to_list() for s in item.italics]
    if item.wrap_up is not None:
        data["wrap_up"] = item.wrap_up
        data["wrap_up_footnotes"] = [f.to_dict() for f in item.wrap_up_footnotes]


@dataclass(frozen=True)
class Cell:
    """One cell of a table: its text as one clean line, with notes and italics like a paragraph's."""

    text: str
    footnotes: tuple[FootnoteRef, ...] = ()
    italics: tuple[Span, ...] = ()
    header: bool = False                         # a heading cell (AKN <th>, Word's repeated header row)
    bold: bool = False
    colspan: int = 1
    rowspan: int = 1
    align: str | None = None                     # "left" | "center" | "right", when the source says

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text}
        if self.footnotes:
            data["footnotes"] = [f.to_dict() for f in self.footnotes]
        if self.italics:
            data["italics"] = [s.to_list() for s in self.italics]
        for key, default in (("header", False), ("bold", False), ("colspan", 1), ("rowspan", 1), ("align", None)):
            if getattr(self, key) != default:
                data[key] = getattr(self, key)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cell:
        return cls(text=data["text"], footnotes=_refs_from(data.get("footnotes")),
                   italics=_spans_from(data.get("italics")), header=bool(data.get("header", False)),
                   bold=bool(data.get("bold", False)), colspan=int(data.get("colspan", 1)),
                   rowspan=int(data.get("rowspan", 1)), align=data.get("align"))


@dataclass(frozen=True)
class TableNote:
    """A note printed under a table, marked in its cells by a letter ("a Including ...")."""

    marker: str
    text: str
    italics: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"marker": self.marker, "text": self.text}
        if self.italics:
            data["italics"] = [s.to_list() for s in self.italics]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TableNote:
        return cls(str(data["marker"]), data["text"], _spans_from(data.get("italics")))


@dataclass(frozen=True)
class Table:
    """Rows of cells, in reading order; a cell spanning columns or rows appears once, where it starts.

    Footnote refs in cells point at the document's footnotes; refs to `notes` use their markers.
    """

    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[TableNote, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"rows": [[c.to_dict() for c in row] for row in self.rows]}
        if self.notes:
            data["notes"] = [n.to_dict() for n in self.notes]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Table:
        return cls(rows=tuple(tuple(Cell.from_dict(c) for c in row) for row in data.get("rows", ())),
                   notes=tuple(TableNote.from_dict(n) for n in data.get("notes", ())))

    def words(self) -> list[str]:
        """Every word of the table, cells then notes: what a reader must not lose."""
        out: list[str] = []
        for row in self.rows:
            for cell in row:
                out.extend(cell.text.split())
        for note in self.notes:
            out.extend(note.text.split())
        return out


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
    italics: tuple[Span, ...] = ()
    wrap_up: str | None = None                   # closing words after the sub-paragraphs
    wrap_up_footnotes: tuple[FootnoteRef, ...] = ()
    table: Table | None = None
    style: str | None = None                     # None: body text; "heading": a heading in free text

    def to_dict(self, operative: bool) -> dict[str, Any]:
        data: dict[str, Any] = {}
        if operative:
            data["number"] = self.number
        data["lead"] = self.lead
        data["text"] = self.text
        data["footnotes"] = [f.to_dict() for f in self.footnotes]
        if operative or self.subparagraphs:
            data["subparagraphs"] = [s.to_dict() for s in self.subparagraphs]
        _extras_to(self, data)
        if self.table is not None:
            data["table"] = self.table.to_dict()
        if self.style is not None:
            data["style"] = self.style
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Paragraph:
        table = data.get("table")
        return cls(
            text=data["text"],
            lead=data.get("lead"),
            number=data.get("number"),
            footnotes=_refs_from(data.get("footnotes")),
            subparagraphs=tuple(SubParagraph.from_dict(s) for s in data.get("subparagraphs", ())),
            italics=_spans_from(data.get("italics")),
            wrap_up=data.get("wrap_up"),
            wrap_up_footnotes=_refs_from(data.get("wrap_up_footnotes")),
            table=Table.from_dict(table) if table is not None else None,
            style=data.get("style"),
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
    heading_footnotes: tuple[FootnoteRef, ...] = ()     # offsets in `heading`

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "heading": self.heading,
            "preamble": _paragraphs_to_dict(self.preamble, operative=False),
            "operative": _paragraphs_to_dict(self.operative, operative=True),
        }
        if self.sections:
            data["sections"] = [s.to_dict() for s in self.sections]
        if self.heading_footnotes:
            data["heading_footnotes"] = [f.to_dict() for f in self.heading_footnotes]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        return cls(
            label=data.get("label"),
            heading=data.get("heading"),
            preamble=_paragraphs_from_dict(data.get("preamble")),
            operative=_paragraphs_from_dict(data.get("operative")),
            sections=tuple(cls.from_dict(s) for s in data.get("sections", ())),
            heading_footnotes=_refs_from(data.get("heading_footnotes")),
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
    title_footnotes: tuple[FootnoteRef, ...] = ()       # offsets in `title`
    note_italics: dict[str, tuple[Span, ...]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "title": self.title,
            "preamble": _paragraphs_to_dict(self.preamble, operative=False),
            "operative": _paragraphs_to_dict(self.operative, operative=True),
        }
        if self.sections:
            data["sections"] = [s.to_dict() for s in self.sections]
        if self.title_footnotes:
            data["title_footnotes"] = [f.to_dict() for f in self.title_footnotes]
        data["footnotes"] = dict(self.footnotes)
        if _note_italics_to(self.note_italics):
            data["note_italics"] = _note_italics_to(self.note_italics)
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
            title_footnotes=_refs_from(data.get("title_footnotes")),
            note_italics=_note_italics_from(data.get("note_italics")),
        )


@dataclass(frozen=True)
class Annex:
    """Text annexed to a resolution: a title and its blocks, kept in order.

    Annex paragraphs are free text (declarations, rules of procedure, headings with `style`
    "heading", tables as `table`); `number` holds whatever numbering the block had ("1.", "(a)",
    "I.") as a string.
    """

    label: str | None
    title: str | None
    paragraphs: tuple[Paragraph, ...] = ()
    title_footnotes: tuple[FootnoteRef, ...] = ()       # offsets in `title`

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "label": self.label,
            "title": self.title,
            "paragraphs": [_annex_paragraph_to_dict(p) for p in self.paragraphs],
        }
        if self.title_footnotes:
            data["title_footnotes"] = [f.to_dict() for f in self.title_footnotes]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Annex:
        return cls(
            label=data.get("label"),
            title=data.get("title"),
            paragraphs=_paragraphs_from_dict(data.get("paragraphs")),
            title_footnotes=_refs_from(data.get("title_footnotes")),
        )


def _annex_paragraph_to_dict(paragraph: Paragraph) -> dict[str, Any]:
    """An annex paragraph: its number, text and notes, and the rest only when it has it."""
    full = paragraph.to_dict(operative=True)
    data = {"number": full["number"], "text": full["text"], "footnotes": full["footnotes"]}
    if paragraph.lead is not None:
        data["lead"] = paragraph.lead
    if paragraph.subparagraphs:
        data["subparagraphs"] = full["subparagraphs"]
    for key in ("italics", "wrap_up", "wrap_up_footnotes", "table", "style"):
        if key in full:
            data[key] = full[key]
    return data


@dataclass(frozen=True)
class Masthead:
    """What the first page says about the document, when the source has it."""

    symbol: str | None = None
    organ: str | None = None
    distribution: str | None = None
    issued: str | None = None
    session: str | None = None
    agenda_item: str | None = None
    agenda_title: str | None = None      # the agenda item's title, printed under its number
    origin: str | None = None
    sponsor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Masthead | None:
        return None if data is None else cls(**data)


@dataclass(frozen=True)
class Source:
    """The file a resolution was read from, and its format."""

    path: str
    format: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format}


@dataclass(frozen=True)
class Resolution:
    """A resolution as drafter reads and writes it: masthead, preamble, operative part, annexes."""

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
    title_footnotes: tuple[FootnoteRef, ...] = ()       # offsets in `title` (2006/2's "*")
    note_italics: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    # Titles printed under the first, when the number covers several texts under several titles
    # (75/290 A and B: the review of the Council's resolution and that of the forum's).
    more_titles: tuple[str, ...] = ()
    # The title of its own a part published alone prints under its letter (75/290 A: "Economic
    # and Social Council", under "A").
    part_title: str | None = None
    # The language of the text, as ISO 639-1 ("en", "fr"): which words the renderers print.
    language: str = "en"
    # What the reader printed that the source's text does not say (not part of comparisons): words
    # it supplied, as the UN prints them ("Annex" over an annex the markup left unlabelled), and
    # words it corrected, as (typed, read) ("l.", "1."): a check of the words against the source
    # counts these as the source's.
    supplied: tuple[str, ...] = field(default=(), compare=False)
    corrected: tuple[tuple[str, str], ...] = field(default=(), compare=False)
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
        if self.title_footnotes:
            data["title_footnotes"] = [f.to_dict() for f in self.title_footnotes]
        if self.more_titles:
            data["more_titles"] = list(self.more_titles)
        if self.part_title is not None:
            data["part_title"] = self.part_title
        if self.language != "en":
            data["language"] = self.language
        if self.supplied:
            data["supplied"] = list(self.supplied)
        if self.corrected:
            data["corrected"] = [list(pair) for pair in self.corrected]
        data["footnotes"] = dict(self.footnotes)
        if _note_italics_to(self.note_italics):
            data["note_italics"] = _note_italics_to(self.note_italics)
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
            title_footnotes=_refs_from(data.get("title_footnotes")),
            note_italics=_note_italics_from(data.get("note_italics")),
            more_titles=tuple(data.get("more_titles", ())),
            part_title=data.get("part_title"),
            language=data.get("language", "en"),
            supplied=tuple(data.get("supplied", ())),
            corrected=tuple((str(typed), str(read)) for typed, read in data.get("corrected", ())),
        )

    def all_paragraphs(self) -> list[tuple[str, Paragraph]]:
        """Every preambular and operative paragraph, in document order, as (kind, paragraph).

        Walks parts and sections too, so a consumer that only wants clauses need not know the shape.
        """
        out = paragraphs_of(self)
        for part in self.parts:
            out += paragraphs_of(part)
        return out


def refs_in(paragraph: Paragraph | SubParagraph) -> list[FootnoteRef]:
    """Every note a paragraph cites, in reading order: in its text, its sub-paragraphs, its closing
    words and its table's cells."""
    refs = list(paragraph.footnotes)
    for sub in paragraph.subparagraphs:
        refs += refs_in(sub)
    refs += paragraph.wrap_up_footnotes
    table = getattr(paragraph, "table", None)
    if table is not None:
        refs += [ref for row in table.rows for cell in row for ref in cell.footnotes]
    return refs


def paragraphs_of(holder: Any) -> list[tuple[str, Paragraph]]:
    """(kind, paragraph) of a resolution, a part or a section, in document order, its sections'
    included but not its parts' (a part numbers its own notes)."""
    out = [("preambular", p) for p in holder.preamble] + [("operative", p) for p in holder.operative]
    for section in holder.sections:
        out += paragraphs_of(section)
    return out
