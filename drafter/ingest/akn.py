"""The Akoma Ntoso reader: the UN's AKN4UN XML -> `drafter.model.Resolution`.

    parse_akn(data, path) -> Resolution

Stages (each its own module, each with its promises written at its top):
1. `akn_inline`  running text -> one clean line, footnotes and italics lifted out with their offsets;
2. `akn_blocks`  preamble and mainBody, however nested -> a flat stream of headings, paragraphs
                 and lettered items, in document order;
3. `akn_outline` the stream -> preamble, operative paragraphs, sub-paragraphs, closing words,
                 sections, tables with their notes (`akn_table` reads a table);
4. `akn_annex`   attachments -> annexes, every block kept.
This module reads the document around them: which kind of document it is, the masthead, number,
title, enacting body, adoption, and the parts of a `documentCollection` (75/101 A and B).

Shapes met in the UN's files (sessions 75-80) and where they go:
- one `statement` with `preamble` + `mainBody`: the common case;
- several `preamble`/`mainBody` pairs in one statement: one stream, read in order (77/118's
  preamble is cut by a stray mainBody; 80/243's sections each have a preamble);
- a `documentCollection` whose components are resolutions A, B, ...: `parts`;
- a part published in a file of its own (preface "79/245." then the letter "B", symbol
  "A/RES/79/245 B"): the resolution "79/245 B", never taken for 79/245;
- `attachments`: `annexes`.

Notes in the preface stand on the title (`title_footnotes`): at their place inside the title, at
its start when on the number, at its end when on a part's letter ("B" + "Resolution 79/245 ...
becomes resolution 79/245 A.").

Errors: XML that does not parse, or that is not an Akoma Ntoso resolution, raises ParseError
naming the file (and the line, where lxml gives one). Nothing else escapes for bad input. The
metadata after `<identification>` is never read, so it is not parsed either
(`without_unread_metadata`): a fault inside it goes unreported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from drafter.errors import ParseError
from drafter.ingest.akn_annex import read_annexes
from drafter.ingest.akn_blocks import BODY, PREAMBLE, Block, BlockReader
from drafter.ingest.akn_inline import (
    EMPTY,
    SENTINELS,
    Inline,
    Notes,
    children,
    elements_only,
    inline,
    local_name,
    note_marker,
    plain,
    prepare,
)
from drafter.ingest.akn_outline import Outline, paragraphs, sections
from drafter.languages import from_639_2
from drafter.model import (
    Adoption,
    Annex,
    FootnoteRef,
    Masthead,
    Paragraph,
    Part,
    Resolution,
    Section,
    Source,
    Span,
)

_ARTICLE = re.compile(r"^(?:The|the|L[’']|La|Le)\s*")
_RESOLUTION_NUMBER = re.compile(r"(\d+/\d+(?: [A-Z]$)?)")
_PART_LETTER = re.compile(r"^[A-Z]$")


def parse_akn(data: bytes, path: str) -> Resolution:
    """Read one AKN4UN resolution (a statement or a collection of resolutions A, B, ...)."""
    # The inline reader's own marks never come from the source. (Their first byte is looked for
    # first: a one-byte search runs at memory speed, a two-byte one a tenth of it.)
    if b"\xee" in data and b"\xee\x80" in data:
        for sentinel in SENTINELS:
            data = data.replace(sentinel.encode(), b"")
    root = _xml(data, path)
    document = _document(root, path)
    try:
        return _resolution(root, document, path)
    except ParseError:
        raise
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, RecursionError,
            etree.LxmlError) as error:
        # A shape no rule foresaw: say which file, never a traceback for bad input.
        raise ParseError(f"cannot read this Akoma Ntoso file ({error.__class__.__name__}: {error})",
                         path, hint="a shape the reader does not know; please report the file") from error


# --- the document ---------------------------------------------------------------------------

def without_unread_metadata(data: bytes) -> bytes:
    """The document without the metadata the reader never reads, so that it is not parsed.

    An Akoma Ntoso `<meta>` opens with its `<identification>` (the FRBR work, expression and
    manifestation, where the language is) and goes on with classification, analysis, references,
    workflow ...: in the UN's files that rest is 28% of the bytes, and parsing it was a third of
    lxml's time. Everything from `</identification>` to `</meta>` becomes its own line breaks, so
    every later element keeps its source line. A `<meta>` that a comment or CDATA section before
    it may hold is not cut. A "</meta>" written inside a comment of the metadata would end the
    cut too early and leave the real one unmatched, which no parser accepts: `_xml` then parses
    the document whole. A fault inside what is cut goes unreported: those elements are never read."""
    pieces = []
    position = looked = 0
    while (start := data.find(b"<meta>", looked)) >= 0:
        end = data.find(b"</meta>", start)
        if (end < 0 or data.find(b"<![CDATA[", looked, start) >= 0
                or data.count(b"<!--", 0, start) != data.count(b"-->", 0, start)):
            break
        kept = data.find(b"</identification>", start, end)
        if kept >= 0:                  # (a collection's own <meta> may be empty: 80/236 A and B)
            kept += len(b"</identification>")
            pieces += [data[position:kept], b"\n" * data.count(b"\n", kept, end)]
            position = end
        looked = end
        # A statement has one <meta>; only a collection (which opens before its own) holds more,
        # one a part. (Looking through the rest for another costs as much as the cut saves.)
        if data.find(b"<documentCollection", 0, start) < 0:
            break
    if not pieces:
        return data
    pieces.append(data[position:])
    return b"".join(pieces)


def _xml(data: bytes, path: str):
    cut = without_unread_metadata(data)
    try:
        root = _tree(cut, path)
    except ParseError:
        if cut is data:
            raise
        root = _tree(data, path)        # cut wrong, or the fault is the document's: it says which
    if root.getroottree().docinfo.internalDTD is not None:
        elements_only(root)
    if local_name(root) != "akomaNtoso":
        raise ParseError(f"not an Akoma Ntoso document (root element <{local_name(root)}>)", path,
                         line=root.sourceline)
    return root


def _tree(data: bytes, path: str):
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                             remove_comments=True, remove_pis=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line = error.lineno if error.lineno else None
        raise ParseError(f"not well-formed XML: {error.msg}", path, line=line) from error
    except (ValueError, TypeError) as error:
        raise ParseError(f"cannot read as XML: {error}", path) from error


def _document(root, path: str):
    document = next(iter(children(root)), None)
    if document is None or local_name(document) not in ("statement", "documentCollection"):
        found = local_name(document) if document is not None else "nothing"
        raise ParseError(f"not an Akoma Ntoso resolution: <akomaNtoso> holds <{found}>, "
                         "not a <statement> or <documentCollection>", path, line=root.sourceline)
    return document


@dataclass
class _Body:
    """What one resolution (or one part A, B ...) says, read from its statement."""

    preamble: tuple[Paragraph, ...] = ()
    operative: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = ()
    annexes: tuple[Annex, ...] = ()
    footnotes: dict[str, str] = field(default_factory=dict)
    note_italics: dict[str, tuple[Span, ...]] = field(default_factory=dict)
    adopted: Adoption | None = None
    formula: str | None = None
    number: str | None = None
    title: Inline = EMPTY
    more_titles: tuple[str, ...] = ()
    part_title: str | None = None
    supplied: tuple[str, ...] = ()
    corrected: tuple[tuple[str, str], ...] = ()


def _resolution(root, document, path: str) -> Resolution:
    warnings: list[str] = []
    cover = _child(document, "coverPage")
    masthead = _masthead(cover)
    if local_name(document) == "documentCollection":
        head = _statement(document, path, warnings, needs_body=False)
        read = _parts(root, path, warnings)
        body = _collection_body(head, [part_body for _, part_body in read], warnings)
        parts = tuple(part for part, _ in read)
    else:
        if document.get("name") not in (None, "resolution"):
            warnings.append(f"statement named {document.get('name')!r}, read as a resolution")
        body, parts = _statement(document, path, warnings), ()
    number = body.number or _number_from_symbol(masthead.symbol if masthead else None)
    if not number:
        raise ParseError("no resolution number (preface docNumber or coverPage symbol)", path)
    return Resolution(
        number=number, symbol=masthead.symbol if masthead else None, title=body.title.text or None,
        body=_body_name(body.formula, masthead, warnings), session=_session(cover, number, warnings),
        preamble=body.preamble, operative=body.operative, footnotes=body.footnotes, adopted=body.adopted,
        source=Source(path, "akn"), sections=body.sections, parts=tuple(parts), annexes=body.annexes,
        masthead=masthead, title_footnotes=body.title.footnotes, note_italics=body.note_italics,
        more_titles=body.more_titles, part_title=body.part_title, language=_language(document),
        supplied=body.supplied, corrected=body.corrected, warnings=tuple(warnings))


def _statement(statement, path: str, warnings: list[str], needs_body: bool = True) -> _Body:
    """Preface, body, conclusions and attachments of one statement (or a collection's head, whose
    components are read apart: only its own preface and attachments are prepared here)."""
    notes = Notes()
    # The metadata (a third of the elements) holds no running text: not walked.
    pieces = ([c for c in children(statement) if local_name(c) != "meta"] if needs_body
              else [_child(statement, "preface"), _child(statement, "attachments")])
    for piece in pieces:
        if piece is not None:
            prepare(piece, notes)
    reader = BlockReader(notes, warnings)
    number, title = _preface(_child(statement, "preface"))
    more_titles, part_title = _more_titles(_child(statement, "preface"))
    body = _Body(number=number, title=title, formula=_formula(statement), adopted=_adoption(statement),
                 more_titles=more_titles, part_title=part_title)
    if needs_body:
        blocks = _stream(statement, reader, path)
        outline = Outline(warnings).add_all(blocks)
        body.preamble = paragraphs(outline.root.preamble)
        body.operative = paragraphs(outline.root.operative)
        body.sections = sections(outline.root.sections)
        body.corrected = tuple(outline.corrected)
    attachments = _child(statement, "attachments")
    if attachments is not None:
        body.annexes = tuple(read_annexes(attachments, reader))
    body.supplied, body.corrected = tuple(reader.supplied), tuple(reader.corrected) + body.corrected
    body.footnotes = notes.texts
    body.note_italics = notes.italics
    return body


def _stream(statement, reader: BlockReader, path: str) -> list[Block]:
    """Every preamble and mainBody of the statement, in document order, as one stream."""
    pieces = [c for c in children(statement) if local_name(c) in ("preamble", "mainBody")]
    if not any(local_name(p) == "preamble" for p in pieces):
        raise ParseError("not an Akoma Ntoso resolution: the statement has no <preamble>", path,
                         line=statement.sourceline)
    blocks: list[Block] = []
    for piece in pieces:
        blocks.extend(reader.read(piece, PREAMBLE if local_name(piece) == "preamble" else BODY))
    return blocks


# --- collections: resolutions A, B, ... adopted under one number ----------------------------------

def _parts(root, path: str, warnings: list[str]) -> list[tuple[Part, _Body]]:
    # The UN's files put the statements in <akomaNtoso><components>; the AKN standard also allows
    # them inline in <collectionBody><component> (drafter's own output does that).
    statements = [s for component in root.iter("{*}component") for s in children(component)
                  if local_name(s) == "statement"]
    if not statements:
        raise ParseError("a documentCollection with no component resolutions", path)
    parts = []
    for index, statement in enumerate(statements):
        part_warnings: list[str] = []
        body = _statement(statement, path, part_warnings)
        label = body.number or chr(ord("A") + index)
        warnings.extend(f"part {label}: {w}" for w in part_warnings)
        if body.annexes:
            warnings.append(f"part {label}: its annexes are kept with the resolution's")
        parts.append((Part(label=label, title=body.title.text or None, preamble=body.preamble,
                           operative=body.operative, sections=body.sections, footnotes=body.footnotes,
                           adopted=body.adopted, title_footnotes=body.title.footnotes,
                           note_italics=body.note_italics), body))
    return parts


def _collection_body(head: _Body, parts: list[_Body], warnings: list[str]) -> _Body:
    """The collection's own number and title; what all its parts share (adoption, body name)."""
    adoptions = {body.adopted for body in parts}
    adopted = head.adopted
    if adopted is None and len(adoptions) == 1:
        adopted = next(iter(adoptions))
    elif adopted is None:
        warnings.append("parts adopted at different meetings: the resolution's own adoption left empty")
    annexes = head.annexes + tuple(a for body in parts for a in body.annexes)
    formula = head.formula or next((body.formula for body in parts if body.formula), None)
    return _Body(number=head.number, title=head.title, formula=formula, adopted=adopted, annexes=annexes,
                 footnotes=head.footnotes, note_italics=head.note_italics,
                 supplied=head.supplied + tuple(w for body in parts for w in body.supplied),
                 corrected=head.corrected + tuple(c for body in parts for c in body.corrected))


# --- metadata -------------------------------------------------------------------------------------

def _child(element, name: str):
    """The first child named `name` (lxml picks it out in C, making no other child's object)."""
    return next(element.iterchildren(f"{{*}}{name}"), None)


def _first(element, tag: str, **attributes):
    """The first element named `tag` under `element` with the given attribute values."""
    if element is None:
        return None
    for found in element.iter(f"{{*}}{tag}"):
        if not attributes or all(found.get(k) == v for k, v in attributes.items()):
            return found
    return None


def _text(element) -> str | None:
    return (plain(element) or None) if element is not None else None


def _preface(preface) -> tuple[str | None, Inline]:
    """The number, with the letter of a part published on its own ("79/245." and "B": "79/245 B"),
    and the title with every note of the preface at its place: a note on the title where it
    stands, a note on the number before the title (offset 0), one on the letter after it."""
    if preface is None:
        return None, EMPTY
    numbers = [element for element in preface.iter("{*}docNumber")]
    element = next(preface.iter("{*}docTitle"), None)
    title = inline(element) if element is not None else EMPTY
    inside = set(element.iter()) if element is not None else set()
    before, after = [], []
    passed = False
    for node in preface.iter():
        if node is element:
            passed = True
        elif node not in inside and (marker := note_marker(node)) is not None:
            (after if passed else before).append(marker)
    refs = tuple(FootnoteRef(m, 0) for m in before) + title.footnotes + tuple(
        FootnoteRef(m, len(title.text)) for m in after)
    return _number(numbers), Inline(title.text, refs, title.italics)


def _language(document) -> str:
    """The language of the document's own expression (FRBRExpression/FRBRlanguage: "fra" -> "fr",
    75/274 in French); English when it names none."""
    meta = _child(document, "meta")
    found = _first(meta, "FRBRlanguage")
    return from_639_2(found.get("language") if found is not None else None) or "en"


def _more_titles(preface) -> tuple[tuple[str, ...], str | None]:
    """The preface's other titles (75/290 A and B, the only two corpus files that have any): one
    beside the number's is a further title of the resolution, one beside a part's letter is that
    part's own title ("A" / "Economic and Social Council")."""
    titles = list(preface.iter("{*}docTitle")) if preface is not None else []
    more, own = [], None
    for element in titles[1:]:
        beside = [n for n in element.getparent().iterfind("{*}docNumber")]
        if any(n.get("refersTo") == "#letter" or _PART_LETTER.match(_text(n) or "") for n in beside):
            own = _text(element)
        elif _text(element):
            more.append(_text(element))
    return tuple(more), own


def _number(numbers: list) -> str | None:
    texts = [_text(n) for n in numbers]
    if not texts or not texts[0]:
        return None
    number = texts[0].rstrip(". ") or None
    letter = next((t for n, t in zip(numbers[1:], texts[1:])
                   if t and (_PART_LETTER.match(t) or n.get("refersTo") == "#letter")), None)
    if number and letter and not number.endswith(f" {letter}"):
        number = f"{number} {letter}"
    return number


def _formula(statement) -> str | None:
    preamble = _child(statement, "preamble")
    # The formula opens the preamble: look among its children before searching all of it.
    if preamble is None:
        return None
    formula = _child(preamble, "formula")
    return _text(formula if formula is not None else _first(preamble, "formula"))


def _body_name(formula: str | None, masthead: Masthead | None, warnings: list[str]) -> str:
    """ "The General Assembly," -> "General Assembly"; else the masthead's issuing body."""
    name = _ARTICLE.sub("", formula or "").rstrip(" ,:;")
    if name:
        return name
    if masthead and masthead.organ:
        return masthead.organ
    warnings.append("no enacting formula and no issuing body: the body is taken to be the General Assembly")
    return "General Assembly"


def _number_from_symbol(symbol: str | None) -> str | None:
    if symbol and "/L." in symbol:
        return symbol         # a draft (A/79/L.…, A/C.2/79/L.12) is known by its symbol
    match = _RESOLUTION_NUMBER.search(symbol or "")
    return match.group(1) if match else None


def _session(cover, number: str, warnings: list[str]) -> int | None:
    """The session's number: `<session value="75">`, else the number's head ("75/100")."""
    session = _first(cover, "session")
    value = (session.get("value") or "").strip() if session is not None else ""
    if "special" in (_text(session) or ""):
        # ES-11/1, S-32/1: the value counts special sessions, not the regular ones.
        warnings.append(f"{_text(session)}: session {value} is the special session's number")
    if value.isdigit():
        return int(value)
    head = number.split("/")[0]
    return int(head) if head.isdigit() else None


def _adoption(statement) -> Adoption | None:
    conclusions = _child(statement, "conclusions")
    if conclusions is None:
        return None
    meeting = _first(conclusions, "inline", name="adoptionMeeting")
    if meeting is None:
        meeting = _first(conclusions, "location", refersTo="#adoptionMeeting")
    date = _first(conclusions, "docDate")
    when = (date.get("date") or _text(date)) if date is not None else None
    if meeting is None and when is None:
        return None
    return Adoption(meeting=_text(meeting), date=when)


def _masthead(cover) -> Masthead | None:
    if cover is None:
        return None
    found = {
        "symbol": _text(_first(cover, "docNumber", refersTo="#symbol")) or _text(_first(cover, "docNumber")),
        "organ": _text(_first(cover, "docAuthority", refersTo="#issuingBody")),
        "distribution": _text(_first(cover, "docStatus")),
        "issued": _text(_first(cover, "docDate")),
        "session": _text(_first(cover, "session")),
        "agenda_item": _text(_first(cover, "inline", name="agenda item")),
        # One title a line: "Agenda items 139 and 151" has two (75/247).
        "agenda_title": "\n".join(filter(None, (_text(e) for e in cover.iter("{*}inline")
                                                  if e.get("name") == "agenda item name"))) or None,
        "origin": _text(_first(cover, "docProponent")),
    }
    return Masthead(**found) if any(found.values()) else None
