"""Does a rendered DOCX hold what the UN's Akoma Ntoso file holds? Three checks, each against the
source XML itself (not the model drafter read from it), so the reader and the renderer are judged
together, as a user meets them:

- words: every word of the source (masthead, title, formula, paragraphs, tables, closing, annexes,
  footnotes) is in the document exactly as often as in the source, and nothing else is;
- headings: every heading of the source (section numbers and headings, part labels and titles,
  annex headings) is a paragraph in a heading style;
- numbering: the numbers and labels of paragraphs and sub-paragraphs ("1.", "(a)") come in the
  source's order, as the source writes them;
and python-docx opens the file, every paragraph in a style it knows by name.

What drafter prints that the source's text does not say counts as the source's, each known from
the model, never from a list of files: the words the reader supplied (an annex's label "Annex",
`Resolution.supplied`) and mended (a number typed "l." read "1.", `Resolution.corrected`), and the
enacting formula drafter prints for a source whose markup lost it (78/225).

Used by tests/test_render_corpus.py (every corpus file) and benchmarks/bench_render.py.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import docx
import docx_text
from lxml import etree

from drafter.ingest import read_resolution
from drafter.render.layout import opens_with_preamble
from drafter.render.phrases import words_for
from drafter.render.word import build

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
# Elements that end a line on the page (their text never runs into the next element's).
_BREAKS = {"p", "eol", "br", "num", "heading", "subheading", "crossHeading", "docNumber", "docTitle",
           "docStatus", "docAuthority", "docDate", "session", "docProponent", "td", "th", "tr", "item",
           "listIntroduction", "intro", "wrapUp", "formula", "container", "paragraph", "point"}
HEADING_STYLES = {"SectionHeading", "SubsectionHeading", "PartHeading", "AnnexHeading", "Heading", "DocTitle"}
_NUMBERED_STYLES = {"SingleTxt", "SubPara", "SubSubPara", "SubSubSubPara"}
# Direction marks and zero-width characters print nothing; readers drop them.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff]")
# A label typed before a tab: "1.", "3" (as 75/68 prints it), "1.1" (76/3), "(a)", "(iv)".
_LABEL = re.compile(r"^(\(?[0-9]{1,3}(?:\.[0-9]{1,3})*[.)]?|\([a-z]{1,3}\)|\([ivxlc]+\))\t")


@dataclass
class Result:
    path: Path
    problems: list[str]
    paragraphs: int = 0


def source(path: Path) -> tuple[Counter, list[str], list[str]]:
    """The source's words, its headings and its paragraph numbers, from the XML."""
    root = etree.parse(str(path)).getroot()
    _drop_notes_cited_again(root)
    notes: list[str] = []
    words = Counter(_INVISIBLE.sub("", _text(root, notes)).split())
    for note in notes:
        words.update(_INVISIBLE.sub("", note).split())
    headings = [_plain(h) for h in root.iter(f"{AKN}heading", f"{AKN}subheading")]
    headings += [_plain(n) for n in root.iter(f"{AKN}num")
                 if n.getparent().tag == f"{AKN}section" or (n.getparent().tag in _NUMBERED_BLOCKS
                                                              and _is_heading(n.getparent()))]
    headings += [_plain(n) for component in root.iter(f"{AKN}component") for n in
                 component.iterfind(f"{AKN}statement/{AKN}preface//{AKN}docNumber")]
    return words, [h for h in headings if h], [n for n in _numbers(root) if n]


def _drop_notes_cited_again(root) -> None:
    """A note cited a second time is printed as its raised marker, <sup>2</sup> (78/11): a
    reference to the note (a NOTEREF in Word), not a word of the text."""
    markers = {(n.get("marker") or "").strip() for n in root.iter(f"{AKN}authorialNote")} - {""}
    for sup in root.iter(f"{AKN}sup"):
        if len(sup) == 0 and (sup.text or "").strip() in markers:
            sup.text = None


def _numbers(root) -> list[str]:
    """Paragraph numbers and labels in document order: each <num>, and a label typed at the start
    of the text of a block that has none ("\t(a)\tTo formulate ...")."""
    out = []
    for element in root.iter(f"{AKN}num", f"{AKN}p"):
        parent = element.getparent()
        if element.tag == f"{AKN}num":
            if parent.tag in _NUMBERED_BLOCKS and not _is_heading(parent):
                out.append(_plain(element))
            continue
        block = parent.getparent() if parent.tag in (f"{AKN}content", f"{AKN}intro") else None
        if block is not None and block.tag in _NUMBERED_BLOCKS and block.find(f"{AKN}num") is None:
            typed = _TYPED.match(_INVISIBLE.sub("", element.text or ""))      # "6.\u200e\t" (75/248)
            if typed:
                out.append(typed.group(1))
    return out


def _is_heading(block) -> bool:
    """A numbered block that is a heading, not a paragraph: "A." with a heading of its own, a
    label with nothing else, or with text that is bold all through ("A." / "Pension Administration").
    A block with a heading and text of its own numbers the text ("Budget estimates ..." over
    "12. Approves ...": 79/298)."""
    if block.find(f"{AKN}heading") is not None or block.find(f"{AKN}subheading") is not None:
        return not any(_plain(child) for child in block if child.tag in (f"{AKN}content", f"{AKN}list"))
    if all(etree.QName(child).localname == "num" for child in block if isinstance(child.tag, str)):
        return True                     # a label alone ("I"), its heading in the next block (76/226)
    paragraphs = block.findall(f"{AKN}content/{AKN}p")
    return len(paragraphs) == 1 and _all_bold(paragraphs[0])


def _all_bold(p) -> bool:
    if (p.text or "").strip() or len(p) != 1:
        return False
    span = p[0]
    return span.tag == f"{AKN}span" and span.get("class") == "bold" and not (span.tail or "").strip() \
        and len(span) == 0


_NUMBERED_BLOCKS = {f"{AKN}paragraph", f"{AKN}point", f"{AKN}item"}
# A label typed at the start of a block's text: "1.", "(a)", "(iv)", or a number printed without
# its full stop, which a tab then follows ("\t3\tCalls upon", 75/68).
_TYPED = re.compile(r"^\s*(\(?[0-9]{1,3}[.)](?=\s)|[0-9]{1,3}(?=\t)|\([a-z]{1,3}\)(?=\s)|\([ivxlc]+\)(?=\s))")


def _text(element, notes: list[str]) -> str:
    out = [element.text or ""] if isinstance(element.tag, str) else []
    for child in element:
        if not isinstance(child.tag, str) or child.tag in (f"{AKN}meta", f"{AKN}img"):
            out.append(child.tail or "")
            continue
        if child.tag == f"{AKN}authorialNote":
            notes.append(_text(child, notes))
            out.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        own = name == "sup" and _raised_word(child, "".join(out))
        if own:
            out.append(" ")        # a raised letter is a word of its own (see docx_text.read)
        out.append(_text(child, notes))
        if name in _BREAKS or own:
            out.append(" ")
        out.append(child.tail or "")
    return "".join(out)


def _raised_word(sup, before: str) -> bool:
    """A raised letter a table cites ("Fifth Committee" + "c") is a word of its own; outside a
    table, raised letters run into the word they are typed against, as the reader reads them:
    "th" + <sup>e</sup> (78/97, the corpus's one such case) is "the"."""
    if not before or before[-1].isspace():
        return True
    return any(etree.QName(a).localname == "table" for a in sup.iterancestors())


def _plain(element) -> str:
    return " ".join(_text(element, []).split())


def check(path: Path, resolution=None) -> Result:
    """The checks on the file at `path`, as drafter reads it (or as `resolution` has it)."""
    resolution = resolution or read_resolution(path)
    data, _ = build(resolution)
    document = docx_text.read(data)
    words, headings, numbers = source(path)
    _add_what_drafter_supplies(path, resolution, words, numbers)
    problems = _python_docx(data)
    ours = Counter(w for p in document.paragraphs for w in p.text.split())
    for note in document.notes.values():
        ours.update(note.split())
    if ours != words:
        missing, extra = words - ours, ours - words
        problems.append(f"words: {sum(missing.values())} missing {_few(missing)}, "
                        f"{sum(extra.values())} extra {_few(extra)}")
    shown = [" ".join(p.text.split()) for p in document.paragraphs if p.style in HEADING_STYLES]
    lost = [h for h in headings if not any(h in line for line in shown)]
    if lost:
        problems.append(f"headings not set as headings: {lost[:3]}")
    ours_numbers = [m.group(1) for p in document.paragraphs if p.style in _NUMBERED_STYLES
                    for m in [_LABEL.match(p.text)] if m]
    if ours_numbers != numbers:
        at = next((i for i, (a, b) in enumerate(zip(numbers, ours_numbers)) if a != b),
                  min(len(numbers), len(ours_numbers)))
        problems.append(f"numbering differs at {at}: source {numbers[at:at + 4]}, ours {ours_numbers[at:at + 4]}")
    return Result(path, problems, len(document.paragraphs))


def _add_what_drafter_supplies(path: Path, resolution, words: Counter, numbers: list[str]) -> None:
    """Count as the source's what drafter prints in its stead (see the module's docstring)."""
    for supplied in resolution.supplied:
        words.update(supplied.split())
    for typed, read in resolution.corrected:
        words.subtract(typed.split())
        words.update(read.split())
        if typed.split()[0] in numbers:          # the number as typed, in the numbering too
            numbers[numbers.index(typed.split()[0])] = read.split()[0]
    if not resolution.parts and not any(True for _ in etree.parse(str(path)).getroot().iter(f"{AKN}formula")):
        formula = words_for(resolution.language)["formula"].format(body=resolution.body)
        words.update((formula + ("," if opens_with_preamble(resolution) else "")).split())
    for word in [w for w, n in words.items() if n <= 0]:
        del words[word]


def _python_docx(data: bytes) -> list[str]:
    """python-docx opens the file, and every body paragraph has a style it knows by name."""
    try:
        opened = docx.Document(io.BytesIO(data))
        unnamed = [p.text[:40] for p in opened.paragraphs if not (p.style and p.style.name)]
    except Exception as error:  # noqa: BLE001 - whatever python-docx raises is the finding
        return [f"python-docx: {error.__class__.__name__}: {error}"]
    return [f"python-docx: paragraphs without a style: {unnamed[:3]}"] if unnamed else []


def _few(counter: Counter) -> list[str]:
    return [word for word, _ in counter.most_common(4)]
