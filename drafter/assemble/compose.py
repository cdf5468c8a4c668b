"""Draft -> Resolution: fill every clause for the new session and rebuild the base's shape around them.

The result is an ordinary `drafter.model.Resolution`, so the text, DOCX and Akoma Ntoso renderers
draw a draft exactly as they draw an adopted resolution. Stages, in order:

1. settle: every clause gets its place (part, sections); a clause added or moved takes the place
   of the clause before it (or after it, when it comes first), so the document order is the order
   of `Draft.clauses`;
2. fill: each clause's templates for the new session, with what the base paragraph had beyond its
   template (closing words after sub-paragraphs, a table, italics, a heading style) carried over;
3. number: operative paragraphs as the base numbers them (through the document, or again from 1
   in each section where the base restarts; unnumbered ones stay unnumbered; a single operative
   paragraph is not numbered, as the Editorial Manual has it);
4. the text edits (drafter.assemble.edits): the series recall, terminology, cross-references,
   lead adverbs; then "resolution" made "resolutions" wherever it now leads a list of several;
5. build: parts, sections with their headings, annexes, titles, as the base has them; footnotes
   numbered through the document in reading order (notes marked "*" keep their mark);
6. punctuation by position (drafter.assemble.punctuation), now that every clause is where it stays.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import field, replace

from drafter.assemble.base import Where
from drafter.assemble.draft import VALUE_EDITS, Draft, DraftClause
from drafter.assemble.edits import (
    Edit,
    crossrefs,
    plurals,
    report,
    sequence,
    series,
    sessions,
    terminology,
    years,
)
from drafter.assemble.edits.rewrite import follow_spans, rewrite_text
from drafter.assemble.punctuation import punctuate_with
from drafter.library.fill import fill
from drafter.model import (
    Annex,
    FootnoteRef,
    Masthead,
    Paragraph,
    Part,
    Resolution,
    Section,
    Source,
    SubParagraph,
    Table,
    paragraphs_of,
    refs_in,
)
from drafter.records import dataclass

TEXT_EDITS = (series, terminology, crossrefs, sequence)


@dataclass
class Piece:
    """One clause, filled: its paragraph with footnote markers "1", "2", ... that index `notes`."""

    paragraph: Paragraph
    notes: list[str]
    where: Where
    carried_notes: set[int] = field(default_factory=set)   # footnotes given as the base has them


@dataclass
class Composed:
    """A draft put together: the resolution it prints, each clause's piece and number, the edits made."""

    resolution: Resolution
    pieces: list[Piece]                  # by index in Draft.clauses
    numbers: list[int | str | None]      # the number each clause is given
    edits: list[Edit] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)   # each clause as it stands in `resolution`


def to_resolution(draft: Draft) -> Resolution:
    return compose(draft).resolution


def edits(draft: Draft) -> list[Edit]:
    """Every automatic edit of the draft as it stands, in clause order."""
    return compose(draft).edits


def compose(draft: Draft) -> Composed:
    places = settle(draft)
    session = sessions.fill_session(draft)
    pieces, made = [], []
    for index, (clause, where) in enumerate(zip(draft.clauses, places)):
        pieces.append(_piece(draft, clause, where, session))
        if sessions.KIND not in draft.refused:
            made += sessions.listed(clause, index, draft.base.session, draft.session, pieces[-1].carried_notes)
    made += _value_edits(draft)
    numbers = numbering(draft, places)
    for index, number in enumerate(numbers):
        pieces[index].paragraph = replace(pieces[index].paragraph, number=number)
    for edit in TEXT_EDITS:
        if edit.KIND not in draft.refused:
            made += edit.apply(draft, pieces, numbers)
    for piece in pieces:
        piece.paragraph, piece.notes = plurals.agree(piece.paragraph, piece.notes)
    made.sort(key=lambda e: (e.clause if e.clause is not None else -1))
    builder = _Builder(draft, pieces)
    origins = [_in_the_same_wording(draft, clause) for clause in draft.clauses]
    resolution, final = punctuate_with(builder.resolution(), builder.final, base=draft.base.resolution,
                                       origins=origins)
    return Composed(resolution, pieces, numbers, builder.edits + made, final)


# --- 1. places -------------------------------------------------------------------------------

def settle(draft: Draft) -> list[Where]:
    """The place of every clause, in document order. Places must never go back: the clauses that
    keep their places are the longest run that does not (a clause moved without a new place, or
    added without one, is not among them) and every other clause takes the place of the clause
    before it, or after it when it comes first."""
    rank = {where: r for r, where in enumerate(holder_places(draft))}
    ranks = [rank.get(clause.where) for clause in draft.clauses]
    kept = _longest_rising(ranks)
    places: list[Where | None] = [draft.clauses[i].where if i in kept else None for i in range(len(ranks))]
    current = next((w for w in places if w is not None), Where())
    for index, where in enumerate(places):
        current = where if where is not None else current
        places[index] = current
    return places


def _longest_rising(ranks: list[int | None]) -> set[int]:
    """Indexes of a longest non-decreasing run of the ranks that are not None (patience sorting)."""
    tails: list[int] = []             # tails[k]: index ending the best run of length k + 1
    before: dict[int, int | None] = {}
    for index, rank in enumerate(ranks):
        if rank is None:
            continue
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if ranks[tails[middle]] <= rank:
                low = middle + 1
            else:
                high = middle
        before[index] = tails[low - 1] if low else None
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    out, at = set(), tails[-1] if tails else None
    while at is not None:
        out.add(at)
        at = before[at]
    return out


def holder_places(draft: Draft) -> list[Where]:
    """Every place a clause can stand, in document order."""
    resolution = draft.base.resolution
    out = [Where()]
    if resolution is None:
        return out
    _section_places(resolution.sections, Where(), out)
    for index, part in enumerate(resolution.parts):
        out.append(Where(index))
        _section_places(part.sections, Where(index), out)
    return out


def _section_places(sections, where: Where, out: list[Where]) -> None:
    for index, section in enumerate(sections):
        inner = replace(where, sections=(*where.sections, index))
        out.append(inner)
        _section_places(section.sections, inner, out)


# --- 2. fill ---------------------------------------------------------------------------------

def _piece(draft: Draft, clause: DraftClause, where: Where, session: int | None) -> Piece:
    filled = fill(clause.variant, clause.values, session)
    piece = Piece(filled.paragraph, list(filled.notes), where)
    original = draft.carried_from(clause)
    if original is not None and original.paragraph is not None:
        same = original.variant.id == clause.variant.id
        if same:
            piece.notes, piece.carried_notes = _notes(draft, clause, piece.notes)
        notes = _base_notes(draft, clause.where or where)
        piece.paragraph = _carried(draft, piece, original.paragraph, notes, session, same)
    piece.paragraph, piece.notes = report.whole_symbols(piece.paragraph, piece.notes)
    return piece


def _in_the_same_wording(draft: Draft, clause: DraftClause) -> Paragraph | None:
    """The paragraph of the base a draft clause was carried from, when the clause keeps its wording
    (its ending tells punctuation what the base meant); None for a clause the base did not have or
    one given another wording (whose words bring their own ending)."""
    original = draft.carried_from(clause)
    if original is None or original.variant.id != clause.variant.id:
        return None
    return original.paragraph


def _notes(draft: Draft, clause: DraftClause, filled: list[str]) -> tuple[list[str], set[int]]:
    """A clause's footnotes: as the base has them, but for those citing the report of the new
    session (edits.report), which are filled for it; and which were carried as they are."""
    base = draft.base.clauses[clause.base_index]
    updated = report.updated_notes(clause, base.values, clause.values) if report.KIND not in draft.refused else set()
    carried = set(range(len(filled))) - updated
    if not carried:
        return filled, carried
    as_adopted = fill(clause.variant, base.values, draft.base.session).notes
    return [as_adopted[k] if k in carried else filled[k] for k in range(len(filled))], carried


def _base_notes(draft: Draft, where: Where) -> dict[str, str]:
    resolution = draft.base.resolution
    if resolution is None:
        return {}
    if where.part is not None and where.part < len(resolution.parts):
        return resolution.parts[where.part].footnotes or resolution.footnotes
    return resolution.footnotes


def _carried(draft: Draft, piece: Piece, original: Paragraph, notes: dict[str, str],
             session: int | None, same_wording: bool) -> Paragraph:
    """The filled paragraph with what its template does not hold, taken from the base paragraph:
    its table and style whatever the wording; its italics and closing words only in its own
    wording (another wording chosen from the library brings its own words)."""
    paragraph = piece.paragraph
    carry = _Carrier(draft, piece, notes, session)
    table = carry.table(original.table) if original.table is not None else None
    if not same_wording:
        return replace(paragraph, table=table, style=original.style)
    subs = tuple(carry.sub(new, old) for new, old in _pairs(paragraph.subparagraphs, original.subparagraphs))
    wrap_up, wrap_refs = carry.closing(original.wrap_up, original.wrap_up_footnotes)
    return replace(paragraph, subparagraphs=subs, italics=follow_spans(original.text, paragraph.text, original.italics),
                   wrap_up=wrap_up, wrap_up_footnotes=wrap_refs, table=table, style=original.style)


def _pairs(new_subs, old_subs):
    """Filled sub-paragraphs with the base's, by position while their labels agree."""
    for position, new in enumerate(new_subs):
        old = old_subs[position] if position < len(old_subs) else None
        yield new, (old if old is not None and old.label == new.label else None)


@dataclass
class _Carrier:
    """Carrying the base's text of a clause (sub-paragraphs, closing words) into the draft, notes and all."""

    draft: Draft
    piece: Piece
    notes: dict[str, str]
    session: int | None

    def local(self, refs: tuple[FootnoteRef, ...]) -> tuple[FootnoteRef, ...]:
        """Base notes cited by carried text, added to the clause's own notes."""
        out = []
        for ref in refs:
            self.piece.notes.append(self.notes.get(ref.marker, ""))
            out.append(FootnoteRef(str(len(self.piece.notes)), ref.at))
        return tuple(out)

    def closing(self, text: str | None, refs: tuple[FootnoteRef, ...]):
        if text is None:
            return None, ()
        cuts = [] if self.session is None else sessions.move(text, self.draft.base.session, self.session,
                                                               self.draft.base.body)
        moved_text, moved = rewrite_text(text, cuts)
        return moved_text, tuple(FootnoteRef(r.marker, moved(r.at)) for r in self.local(refs))

    def sub(self, new: SubParagraph, old: SubParagraph | None) -> SubParagraph:
        if old is None:
            return new
        subs = tuple(self.sub(n, o) for n, o in _pairs(new.subparagraphs, old.subparagraphs))
        wrap_up, refs = self.closing(old.wrap_up, old.wrap_up_footnotes)
        return replace(new, subparagraphs=subs, italics=follow_spans(old.text, new.text, old.italics),
                       wrap_up=wrap_up, wrap_up_footnotes=refs)

    def table(self, table: Table) -> Table:
        rows = tuple(tuple(replace(cell, footnotes=self.local(cell.footnotes)) for cell in row)
                     for row in table.rows)
        return replace(table, rows=rows)


def _value_edits(draft: Draft) -> list[Edit]:
    """The value edits made when the clauses were carried: a value as the edit would make it,
    different from the base's, is listed (one someone has changed since is theirs, not drafter's)."""
    out = []
    for index, clause in enumerate(draft.clauses):
        original = draft.carried_from(clause)
        if original is None or original.variant.id != clause.variant.id:
            continue
        for edit in VALUE_EDITS:
            if edit.KIND not in draft.refused:
                made = edit.carry(draft.base, original, original.values, draft.session)
                out += [edit.listed(index, name, original.values[name], value, clause)
                        for name, value in made.items()
                        if value != original.values.get(name) and clause.values.get(name) == value]
    return out


# --- 3. numbers ------------------------------------------------------------------------------

def numbering(draft: Draft, places: list[Where]) -> list[int | str | None]:
    """The number of each clause: None for preambular paragraphs, for a single operative paragraph
    and for one the base leaves unnumbered among numbered ones; a number the base writes its own
    way ("1 bis") as written; the others counted through, again from 1 where the base restarts."""
    out: list[int | str | None] = [None] * len(draft.clauses)
    operative = [i for i, c in enumerate(draft.clauses) if c.kind == "operative"]
    if len(operative) <= 1:
        return out
    numbers_some = any(c.number is not None for c in draft.base.clauses if c.kind == "operative")
    restarts = _restarts(draft)
    count, holder = 0, None
    for index in operative:
        if places[index] != holder:
            holder = places[index]
            count = 0 if holder in restarts else count
        original = draft.carried_from(draft.clauses[index])
        number = original.number if original is not None else None
        if original is not None and number is None and numbers_some:
            continue
        if isinstance(number, str) and not number.isdigit():
            out[index] = number
            continue
        count += 1
        out[index] = count
    return out


def _restarts(draft: Draft) -> set[Where]:
    """The places where the base numbers its operative paragraphs again from 1."""
    firsts: dict[Where, int] = {}
    for clause in draft.base.clauses:
        if clause.kind == "operative" and isinstance(clause.number, int):
            firsts.setdefault(clause.where, clause.number)
    seen, out = False, set()
    for where in holder_places(draft):
        if where in firsts:
            if seen and firsts[where] == 1:
                out.add(where)
            seen = True
    return out


# --- 5. build --------------------------------------------------------------------------------

class _Notes:
    """Footnotes numbered through the document in reading order; a mark that is no number ("*")
    is kept. A note's italics come with it when it is the base's note, word for word. A note the
    base cites again (its number printed a second time, 78/11's Geneva Convention) is cited again
    in the draft, under the number the draft gives it: the clauses carry their notes' texts, and
    two notes of one text are one note here only when the base made them one."""

    def __init__(self, base: Resolution | None) -> None:
        self.count = 0
        self.italics_by_text: dict[str, tuple] = {}
        self.cited_again: set[str] = set()
        for holder in ([base, *base.parts] if base is not None else []):
            for marker, spans in holder.note_italics.items():
                if marker in holder.footnotes:
                    self.italics_by_text.setdefault(holder.footnotes[marker], spans)
            self.cited_again |= _cited_again(holder)

    def cite(self, refs, texts, into: dict[str, str], italics: dict, local: dict[str, str]):
        out = []
        for ref in refs:
            if ref.marker not in local:
                text = texts(ref.marker)
                earlier = next((m for m, t in into.items() if t == text), None) if text in self.cited_again else None
                if earlier is not None:
                    local[ref.marker] = earlier
                elif ref.marker.isdigit():
                    self.count += 1
                    local[ref.marker] = str(self.count)
                else:
                    local[ref.marker] = ref.marker
                into[local[ref.marker]] = text
                if text in self.italics_by_text:
                    italics[local[ref.marker]] = self.italics_by_text[text]
            out.append(FootnoteRef(local[ref.marker], ref.at))
        return tuple(out)


def _cited_again(holder: Resolution | Part) -> set[str]:
    """The texts of the notes a resolution (or a part) cites more than once under one number."""
    cited = Counter(ref.marker for _, paragraph in paragraphs_of(holder) for ref in refs_in(paragraph))
    return {holder.footnotes[marker] for marker, count in cited.items() if count > 1 and marker in holder.footnotes}


@dataclass
class _Holder:
    """Where footnotes cited in one part of the document go: the resolution's, or a part's own."""

    footnotes: dict[str, str] = field(default_factory=dict)
    italics: dict = field(default_factory=dict)


class _Builder:
    """The base's shape, filled with the draft's clauses."""

    def __init__(self, draft: Draft, pieces: list[Piece]) -> None:
        self.draft = draft
        self.base = draft.base.resolution
        self.pieces = pieces
        self.notes = _Notes(self.base)
        self.final: list[Paragraph] = [piece.paragraph for piece in pieces]
        self.edits: list[Edit] = []        # the edits made to what is no clause: section headings

    def resolution(self) -> Resolution:
        draft, base = self.draft, self.base
        top = _Holder()
        title_notes = ()
        if base is not None:
            title_notes = self.cite(base.title_footnotes, self._texts(Where()), top)
        preamble, operative, sections = self.holder(Where(), base, top)
        parts = tuple(self.part(index, part) for index, part in enumerate(base.parts)) if base else ()
        annexes = tuple(self.annex(base.annexes[i], top) for i in draft.kept_annexes())
        heading = draft.heading
        masthead = Masthead(symbol=heading.symbol, organ=heading.organ, distribution="Distr.: Limited",
                            session=heading.session_title, agenda_item=heading.agenda_item,
                            sponsor=heading.sponsor)
        return Resolution(number=heading.symbol, symbol=heading.symbol, title=draft.base.title,
                          body=draft.base.body, session=draft.session, preamble=preamble, operative=operative,
                          footnotes=top.footnotes, adopted=None, sections=sections, parts=parts, annexes=annexes,
                          source=Source(path=f"draft based on {draft.base.number}", format="draft"),
                          masthead=masthead, title_footnotes=title_notes, note_italics=top.italics)

    def cite(self, refs, texts, holder: _Holder, local: dict[str, str] | None = None):
        return self.notes.cite(refs, texts, holder.footnotes, holder.italics, {} if local is None else local)

    def holder(self, where: Where, holder, notes: _Holder):
        preamble, operative = [], []
        for index, (clause, piece) in enumerate(zip(self.draft.clauses, self.pieces)):
            if piece.where == where:
                paragraph = self.renumbered(piece.paragraph, lambda m, p=piece: p.notes[int(m) - 1], notes)
                (operative if clause.kind == "operative" else preamble).append(paragraph)
                self.final[index] = paragraph
        sections = ()
        if holder is not None:
            sections = tuple(self.section(replace(where, sections=(*where.sections, i)), s, notes)
                             for i, s in enumerate(holder.sections))
        return tuple(preamble), tuple(operative), sections

    def section(self, where: Where, section: Section, notes: _Holder) -> Section:
        heading_notes = self.cite(section.heading_footnotes, self._texts(where), notes)
        preamble, operative, sections = self.holder(where, section, notes)
        heading = section.heading
        if heading and years.KIND not in self.draft.refused:
            heading = years.in_heading(heading, self.draft.base, self.draft.session)
            if heading != section.heading:
                self.edits.append(years.listed_heading(section.heading, heading))
        return Section(label=section.label, heading=heading, preamble=preamble, operative=operative,
                       sections=sections, heading_footnotes=heading_notes)

    def part(self, index: int, part: Part) -> Part:
        notes = _Holder()
        title_notes = self.cite(part.title_footnotes, self._texts(Where(index)), notes)
        preamble, operative, sections = self.holder(Where(index), part, notes)
        return Part(label=part.label, title=part.title, preamble=preamble, operative=operative, sections=sections,
                    footnotes=notes.footnotes, adopted=None, title_footnotes=title_notes, note_italics=notes.italics)

    def annex(self, annex: Annex, notes: _Holder) -> Annex:
        texts = self._texts(Where())
        title_notes = self.cite(annex.title_footnotes, texts, notes)
        paragraphs = tuple(self.renumbered(p, texts, notes) for p in annex.paragraphs)
        return replace(annex, paragraphs=paragraphs, title_footnotes=title_notes)

    def _texts(self, where: Where):
        notes = _base_notes(self.draft, where)
        return lambda marker: notes.get(marker, "")

    def renumbered(self, paragraph: Paragraph, texts, notes: _Holder) -> Paragraph:
        """A paragraph with its notes (text, sub-paragraphs, closing words, table) renumbered."""
        local: dict[str, str] = {}

        def cite(refs):
            return self.cite(refs, texts, notes, local)

        def sub(item: SubParagraph) -> SubParagraph:
            return replace(item, footnotes=cite(item.footnotes), subparagraphs=tuple(sub(s) for s in item.subparagraphs),
                           wrap_up_footnotes=cite(item.wrap_up_footnotes))

        own = cite(paragraph.footnotes)
        subs = tuple(sub(s) for s in paragraph.subparagraphs)
        wrap_up = cite(paragraph.wrap_up_footnotes)
        table = paragraph.table
        if table is not None:
            table = replace(table, rows=tuple(tuple(replace(c, footnotes=cite(c.footnotes)) for c in row)
                                              for row in table.rows))
        return replace(paragraph, footnotes=own, subparagraphs=subs, wrap_up_footnotes=wrap_up, table=table)
