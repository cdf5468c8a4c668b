"""The Akoma Ntoso reader on the UN's own files (sessions 75-80; source: the United Nations)."""

from __future__ import annotations

import collections
import re

import pytest
from lxml import etree

from conftest import corpus_or_skip
from drafter.errors import ParseError
from drafter.ingest import parse_bytes, read_resolution

_WORD = re.compile(r"[^\W_]+")
# Elements that run inside a line of text: their text joins the words around them.
_INLINE = {"authorialNote", "span", "sup", "sub", "i", "b", "u", "a", "inline", "term", "ref", "def",
           "abbr", "docDate", "date", "mref", "rref", "em", "strong", "noteRef", "marker", "img", "br"}


@pytest.fixture(scope="module")
def corpus():
    return corpus_or_skip()


@pytest.fixture(scope="module")
def parsed(corpus):
    """Every file of the corpus, parsed once; a file that fails is a test failure."""
    return {path: read_resolution(path) for path in sorted(corpus.glob("*/*.xml"))}


def test_every_file_parses(parsed):
    assert len(parsed) > 1900


def test_no_word_of_the_source_is_lost(parsed):
    """The multiset of words of preamble, body, annexes and notes in the XML is the multiset of
    words in the model. The only words the model adds are the ones it must (the "The" of the
    enacting formula becomes the body's name), so the check is exact in one direction."""
    losses = {}
    for path, resolution in parsed.items():
        lost = _source_words(path) - _model_words(resolution)
        if lost:
            losses[path.name] = dict(lost.most_common(8))
    assert losses == {}


def _source_words(path) -> collections.Counter:
    root = etree.parse(str(path)).getroot()
    texts = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        name = etree.QName(element).localname
        if name in ("preamble", "mainBody", "attachments") and not any(
                isinstance(a.tag, str) and etree.QName(a).localname in ("preamble", "mainBody", "attachments")
                for a in element.iterancestors()):
            texts.append(_flat(element))
    return collections.Counter(w for text in texts for w in _WORD.findall(text))


def _flat(element) -> str:
    out, notes = [], []

    def walk(node) -> None:
        if not isinstance(node.tag, str):
            return
        name = etree.QName(node).localname
        if name == "meta":
            return
        if name == "authorialNote":
            notes.append(" " + "".join(node.itertext()) + " ")
            return
        block = name not in _INLINE
        out.append(" " if block else "")
        out.append(node.text or "")
        for child in node:
            walk(child)
            out.append(child.tail or "")
        out.append(" " if block else "")

    walk(element)
    return "".join(out) + "".join(notes)


def _model_words(resolution) -> collections.Counter:
    texts = [f"The {resolution.body}"]

    def subs(items):
        for sub in items:
            texts.extend([sub.label, sub.text])
            subs(sub.subparagraphs)

    def holder(h):
        for p in h.preamble:
            texts.append(p.text)
            subs(p.subparagraphs)
        for p in h.operative:
            texts.extend([p.text, str(p.number or "")])
            subs(p.subparagraphs)
        for s in h.sections:
            texts.extend([s.label or "", s.heading or ""])
            holder(s)

    holder(resolution)
    for part in resolution.parts:
        texts.extend([f"The {resolution.body}", part.label, part.title or ""])
        texts.extend(part.footnotes.values())
        holder(part)
    for annex in resolution.annexes:
        texts.extend([annex.label or "", annex.title or ""] + [p.text for p in annex.paragraphs])
    texts.extend(resolution.footnotes.values())
    return collections.Counter(w for text in texts for w in _WORD.findall(text))


def test_a_plain_resolution(corpus):
    r = read_resolution(corpus / "75" / "75_100_E.xml")
    assert (r.number, r.symbol, r.session, r.body) == ("75/100", "A/RES/75/100", 75, "General Assembly")
    assert r.title == "Comprehensive review of special political missions"
    assert r.adopted.meeting == "41st plenary meeting" and r.adopted.date == "2020-12-10"
    assert r.preamble[0].lead == "Guided" and r.preamble[0].text.startswith("Guided by the purposes")
    first = r.operative[0]
    assert (first.number, first.lead) == (1, "Takes note")
    assert first.text.startswith("Takes note of the report of the Secretary-General")
    # A footnote's offset is where its marker stood in the clean line.
    noted = next(p for p in r.preamble if p.footnotes)
    ref = noted.footnotes[0]
    assert noted.text[:ref.at].endswith("special political missions,")
    assert r.footnotes[ref.marker].startswith("A/66/340")
    assert r.source.format == "akn"


def test_parts(corpus):
    r = read_resolution(corpus / "75" / "75_101A-B_E.xml")
    assert [p.label for p in r.parts] == ["A", "B"]
    a, b = r.parts
    assert a.title == "Information in the service of humanity"
    # Flat "(a)\t..." paragraphs hang from the paragraph before them, "(i)" under the letter.
    urges = a.operative[0]
    assert urges.lead == "Urges" and [s.label for s in urges.subparagraphs][:3] == ["a", "b", "c"]
    assert any(s.subparagraphs and s.subparagraphs[0].label == "i" for s in urges.subparagraphs)
    # B's body is under headings ("I", "Introduction"): its paragraphs live in sections, numbered on.
    assert not b.operative and b.sections
    assert b.sections[-1].operative[-1].number == 135


def test_sections_of_a_budget_resolution(corpus):
    r = read_resolution(corpus / "80" / "A_RES_80_243-2521248E.xml")
    assert len(r.sections) > 10
    # Each section has a preamble of its own and numbering that starts again.
    section = next(s for s in r.sections if s.preamble and s.operative)
    assert section.operative[0].number == 1
    assert section.preamble[0].lead.startswith(("Recalling", "Having considered"))


def test_list_and_point_subparagraphs(corpus):
    r = read_resolution(corpus / "76" / "A_RES_76_177-2119213E.xml")
    nested = [s for p in r.operative for s in p.subparagraphs if s.subparagraphs]
    assert nested and nested[0].subparagraphs[0].label == "i"


def test_annex(corpus):
    r = read_resolution(corpus / "75" / "75_325_E.xml")
    assert r.annexes and any("solemnly swear" in p.text for p in r.annexes[0].paragraphs)


@pytest.mark.parametrize("data, message", [
    (b"<?xml version='1.0'?>\n<akomaNtoso>\n<statement>\n</akoma>", "invalid XML"),
    (b"<?xml version='1.0'?><html><body/></html>", "not Akoma Ntoso"),
    (b"<akomaNtoso xmlns='http://docs.oasis-open.org/legaldocml/ns/akn/3.0'><statement name='resolution'>"
     b"<meta/></statement></akomaNtoso>", "without a preamble or a body"),
])
def test_bad_xml(data, message):
    with pytest.raises(ParseError) as error:
        parse_bytes(data, "bad.xml")
    assert message in str(error.value) and str(error.value).startswith("bad.xml")


def test_entities_are_not_expanded():
    # An XML bomb or an external entity must not be followed.
    data = (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a SYSTEM 'file:///etc/passwd'>]>"
            b"<akomaNtoso><statement><preamble><container><p>&a;</p></container></preamble></statement></akomaNtoso>")
    try:
        resolution = parse_bytes(data, "bomb.xml")
    except ParseError:
        return
    assert "root:" not in " ".join(p.text for p in resolution.preamble)


def test_every_adoption_meeting_is_read(parsed):
    # The markup changed at session 78 (<location refersTo="#adoptionMeeting">): both are read.
    missing = [p.name for p, r in parsed.items()
               if "plenary meeting" in p.read_text(encoding="utf-8").split("<conclusions", 1)[-1]
               and not (r.adopted and r.adopted.meeting or any(part.adopted and part.adopted.meeting for part in r.parts))]
    assert missing == []


def test_no_direction_marks_in_text(parsed):
    for path, resolution in parsed.items():
        for _, paragraph in resolution.all_paragraphs():
            assert "\u200e" not in paragraph.text and "\u200f" not in paragraph.text, path.name


def test_numbers_typed_into_the_text_are_numbers(parsed):
    # Some files type "26\tCondemns" instead of <num>26.</num>; the number is not part of the text.
    import re

    typed = [(p.name, x.text[:30]) for p, r in parsed.items() for kind, x in r.all_paragraphs()
             if kind == "operative" and re.match(r"^\d{1,3}\.?\s+[A-Z]", x.text)]
    assert typed == []
