"""Stage 4 of the text reader: running-text lines -> preambular and operative paragraphs.

Line breaks in a text layer say nothing about paragraphs (a PDF wraps every line; a page break can
fall mid-sentence), so a paragraph starts only where two things agree: the text before it is
finished (ends with , ; : or . — footnote markers aside) and the line opens the way a paragraph of
that kind opens (a lead from the lexicon, an expected operative number, an expected sub-paragraph
label). Numbers must come in sequence, which keeps "2 July 1999, in particular ..." a wrapped line.

A number printed on a line of its own (one PDF layout puts operative numbers 1-9 after the first line
of their paragraph) belongs to the paragraph that has just started if that paragraph is one line
long and still unnumbered, otherwise to the paragraph that starts on the next line.

Promises: every body line lands in exactly one `Block`, in order; a Block records its kind, number,
sub-paragraph label and depth, and its lines with their source line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.ingest.leads import is_lead_start
from drafter.ingest.lines import Line

_NUMBERED = re.compile(r"^(?P<number>\d{1,3})\.\s*(?P<rest>\S.*)$")
_BARE_NUMBER = re.compile(r"^(?P<number>\d{1,3})\.$")
_LABELLED = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivxl]{1,6})\)\s*(?P<rest>\S.*)$")
_BARE_LABEL = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivxl]{1,6})\)$")
# A finished piece of text ends with , ; : or . (maybe inside a closing quote), footnote marker aside.
_FINISHED = re.compile(r"[,;:.][”’\"')]*\s*(?:\d{1,3}|\*)?$")
_OPENS_LIST = re.compile(r":[”’\"')]*\s*(?:\d{1,3})?$")

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
           "xv", "xvi", "xvii", "xviii", "xix", "xx"]


@dataclass
class Block:
    kind: str                       # "preambular" | "operative" | "sub"
    lines: list[Line] = field(default_factory=list)
    number: int | None = None
    label: str | None = None        # sub-paragraph label without parentheses
    depth: int = 0                  # 1 for (a), 2 for (i) under (a)

    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass
class _Segmenter:
    blocks: list[Block] = field(default_factory=list)
    operative_seen: bool = False
    last_number: int = 0
    pending_number: int | None = None
    pending_label: str | None = None    # "(a)" printed on a line of its own, its text on the next

    @property
    def current(self) -> Block | None:
        return self.blocks[-1] if self.blocks else None

    def finished(self) -> bool:
        block = self.current
        return block is None or bool(_FINISHED.search(block.lines[-1].text if block.lines else ""))

    def start(self, kind: str, line: Line, text: str, **attrs) -> None:
        if kind == "operative":
            self.operative_seen = True
            if attrs.get("number") is None and self.pending_number is not None:
                attrs["number"] = self.pending_number
            if attrs.get("number") is not None:
                self.last_number = attrs["number"]
            self.pending_number = None
        self.blocks.append(Block(kind, [Line(line.number, text, line.indented)], **attrs))

    def add(self, line: Line) -> None:
        if self.current is None:
            self.start("preambular", line, line.text)
        else:
            self.current.lines.append(line)


def segment(lines: list[Line]) -> list[Block]:
    seg = _Segmenter()
    for line in lines:
        _take(seg, line)
    return seg.blocks


def _take(seg: _Segmenter, line: Line) -> None:
    text = line.text
    bare = _BARE_NUMBER.match(text)
    if bare and int(bare["number"]) == seg.last_number + 1:
        _place_bare_number(seg, int(bare["number"]))
        return
    numbered = _NUMBERED.match(text)
    if numbered and int(numbered["number"]) == seg.last_number + 1 and (
            seg.finished() or is_lead_start(numbered["rest"], "operative")):
        seg.start("operative", line, numbered["rest"], number=int(numbered["number"]))
        return
    bare_label = _BARE_LABEL.match(text)
    if bare_label and _label_candidates(seg).get(bare_label["label"]):
        seg.pending_label = bare_label["label"]
        return
    if seg.pending_label is not None:
        text, line = f"({seg.pending_label}) {text}", Line(line.number, f"({seg.pending_label}) {text}", line.indented)
        seg.pending_label = None
    labelled = _LABELLED.match(text)
    if labelled:
        depth = _label_candidates(seg).get(labelled["label"])
        if depth:
            seg.start("sub", line, labelled["rest"], label=labelled["label"], depth=depth)
            return
    if seg.finished():
        kind = _paragraph_kind(seg, text)
        if kind:
            seg.start(kind, line, text)
            return
    seg.add(line)


def _place_bare_number(seg: _Segmenter, number: int) -> None:
    block = seg.current
    if (block is not None and block.kind == "operative" and block.number is None
            and len(block.lines) == 1):
        block.number = number
        seg.last_number = number
    else:
        seg.pending_number = number


def _paragraph_kind(seg: _Segmenter, text: str) -> str | None:
    if seg.pending_number is not None:
        return "operative"
    if seg.operative_seen:
        return "operative" if is_lead_start(text, "operative") else None
    if is_lead_start(text, "preambular"):
        return "preambular"
    if is_lead_start(text, "operative"):
        return "operative"
    return None


def _label_candidates(seg: _Segmenter) -> dict[str, int]:
    """The labels that may come next, each with the depth it would have.

    Depth 1 is lettered (a), (b) ...; depth 2 roman (i), (ii) ... under a letter; deeper levels
    alternate. A colon opens a nested list, which wins when a label could be read both ways
    ("(i)" after "(h) ... :" is the first roman item, not the ninth letter).
    """
    block = seg.current
    if block is None:
        return {}
    opens_list = bool(_OPENS_LIST.search(block.lines[-1].text))
    if block.kind != "sub":
        return {"a": 1} if opens_list else {}
    candidates: dict[str, int] = {}
    if opens_list:
        candidates[first_label(block.depth + 1)] = block.depth + 1
    for sub in _open_subs(seg):
        candidates.setdefault(successor(sub.label, sub.depth), sub.depth)
    return candidates


def _open_subs(seg: _Segmenter) -> list[Block]:
    """The current sub-paragraph and its ancestors, innermost first."""
    chain: list[Block] = []
    depth = None
    for block in reversed(seg.blocks):
        if block.kind != "sub":
            break
        if depth is None or block.depth < depth:
            chain.append(block)
            depth = block.depth
    return chain


def first_label(depth: int) -> str:
    return "i" if depth % 2 == 0 else "a"


def successor(label: str | None, depth: int) -> str:
    if not label:
        return ""
    if depth % 2 == 0:
        index = _ROMANS.index(label) if label in _ROMANS else -1
        return _ROMANS[index + 1] if 0 <= index < len(_ROMANS) - 1 else ""
    if len(label) == 1:
        return "aa" if label == "z" else _LETTERS[_LETTERS.index(label) + 1]
    if len(label) == 2 and label[0] == label[1]:   # (aa), (bb): the UN doubles letters after (z)
        return _LETTERS[_LETTERS.index(label[0]) + 1] * 2 if label[0] != "z" else ""
    return ""
