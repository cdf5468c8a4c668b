"""A draft written against its base: every difference as a tracked change, word by word.

    write_redline(writer, base_page, draft_page)

Both documents are laid out the same way (layout.py), so everything a page shows can change and
be tracked: the masthead's cells and lines, the title and its number, sponsor, adoption and report
lines, headings, paragraphs and sub-paragraphs, tables, closings, and the text of every footnote.

Blocks are paired in order (a monotone alignment, so rejecting every change gives the base in its
own order and accepting every change the draft in its): equal blocks first, then, between them,
the pairs of the same kind whose words overlap most. A paired block shows its word differences,
and its old setting (style, indents, stops) when it was set otherwise; an unpaired base block is
deleted whole (its paragraph mark too), an unpaired draft block inserted whole. Masthead lines
pair the same way, by style and words. Words changed side by side are one deletion and one
insertion, the spaces between them included. Inside a paragraph footnotes pair by position: a
kept note whose text changed shows the change inside the note (58/208's "A/58/98." becoming the
draft's placeholder).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from drafter.render.layout import Block, Note, Page, Text
from drafter.render.word import BREAK, Line, Writer, masthead_lines

_TOKENS = re.compile(r"\n|[^\S\n]+|[^\s]+")
# Blocks of one kind pair when their words overlap this much (Dice coefficient over words).
_SIMILAR = 0.4
_PAIRS_AT_MOST = 250_000          # 500 blocks against 500: a second or so
# What two masthead lines of one style weigh as a pair before their words are counted: enough to
# pair them, too little to outweigh one shared word elsewhere.
_LINE_PAIRS = 0.01


def write_redline(writer: Writer, base: Page, draft: Page) -> None:
    old_cells, new_cells = masthead_lines(base.masthead), masthead_lines(draft.masthead)
    writer.masthead({name: diff_lines(old_cells[name], new_cells[name]) for name in new_cells})
    for old, new in align(base.blocks, draft.blocks):
        if old is None:
            writer.block(new, [("+", i) for i in new.inlines], "ins")
        elif new is None:
            writer.block(old, [("-", i) for i in old.inlines], "del")
        elif new.table is not None:
            _table(writer, old, new)
        else:
            writer.block(new, diff_inlines(list(old.inlines), list(new.inlines)), was=old)


def _table(writer: Writer, old: Block, new: Block) -> None:
    """A table kept in its shape shows its cells' changes; one reshaped is replaced whole."""
    shape = [[(c.span, c.merge) for c in row] for row in new.table.rows]
    if shape != [[(c.span, c.merge) for c in row] for row in old.table.rows]:
        writer.block(old, [], "del")
        writer.block(new, [], "ins")
        return
    cells = [[diff_inlines(list(a.inlines), list(b.inlines)) for a, b in zip(row_a, row_b)]
             for row_a, row_b in zip(old.table.rows, new.table.rows)]
    writer.table(new.table, cells=cells)


# --- the masthead ------------------------------------------------------------------------------

def diff_lines(old: list[Line], new: list[Line]) -> list[Line]:
    """A masthead cell's lines: kept, changed word by word, added or removed."""
    matcher = difflib.SequenceMatcher(a=[_line_key(x) for x in old], b=[_line_key(x) for x in new],
                                      autojunk=False)
    out: list[Line] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += new[j1:j2]
        else:
            out += _changed_lines(old[i1:i2], new[j1:j2])
    return out


def _changed_lines(old: list[Line], new: list[Line]) -> list[Line]:
    """Lines of one style pair in order, those that share most words first, and show their word
    changes; the rest are removed or added whole. A masthead line's style says what it is (a
    session line, an agenda title), and its words which slot it fills: 79/37's "Agenda item 98
    (kk)" pairs with the draft's "Agenda item …", not with the "First Committee" line the draft
    adds above it. Lines without a word in common still pair when nothing better is left: a
    cell's one line (the symbol) changes in place."""
    words_old = [Counter(_line_words(line)) for line in old]
    words_new = [Counter(_line_words(line)) for line in new]

    def similarity(i: int, j: int) -> float:
        return _LINE_PAIRS + _dice(words_old[i], words_new[j]) if old[i].style == new[j].style else 0.0

    out: list[Line] = []
    for i, j in _monotone_pairs(len(old), len(new), similarity):
        if j is None:
            out.append(Line(old[i].style, tuple(("-", item) for item in _items(old[i])), "del"))
        elif i is None:
            out.append(Line(new[j].style, tuple(("+", item) for item in _items(new[j])), "ins"))
        else:
            out.append(Line(new[j].style, tuple(diff_inlines(_items(old[i]), _items(new[j])))))
    return out


def _line_words(line: Line) -> list[str]:
    return [word for item in _items(line) if isinstance(item, Text) for word in item.text.split()]


def _items(line: Line) -> list:
    return [item for _, item in line.pieces]


def _line_key(line: Line) -> tuple:
    return (line.style, tuple(_key(item) for item in _items(line)))


# --- blocks ------------------------------------------------------------------------------------

def align(old: tuple[Block, ...], new: tuple[Block, ...]) -> list[tuple[Block | None, Block | None]]:
    """Pairs (old, new) in document order; None where a block has no partner."""
    matcher = difflib.SequenceMatcher(a=[_block_key(b) for b in old], b=[_block_key(b) for b in new],
                                      autojunk=False)
    out: list[tuple[Block | None, Block | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += list(zip(old[i1:i2], new[j1:j2]))
        else:
            out += _pair_similar(list(old[i1:i2]), list(new[j1:j2]))
    return out


def _pair_similar(old: list[Block], new: list[Block]) -> list[tuple[Block | None, Block | None]]:
    """The pairs of blocks of one kind whose words overlap most (`_SIMILAR` at least). A stretch
    rewritten from end to end (more than _PAIRS_AT_MOST pairs to weigh) is shown removed and added."""
    if len(old) * len(new) > _PAIRS_AT_MOST:
        return [(block, None) for block in old] + [(None, block) for block in new]
    words_old = [Counter(_words(b)) for b in old]
    words_new = [Counter(_words(b)) for b in new]

    def similarity(i: int, j: int) -> float:
        # Blocks of one kind pair however each is set: a paragraph set anew is a tracked change
        # of its properties (the adopted title "58/208.<tab>Title" becoming the draft's indented
        # title). A table pairs with a table only.
        a, b = old[i], new[j]
        if a.kind != b.kind or (a.table is None) != (b.table is None):
            return 0.0
        overlap = _dice(words_old[i], words_new[j])
        return overlap if overlap >= _SIMILAR else 0.0

    return [(old[i] if i is not None else None, new[j] if j is not None else None)
            for i, j in _monotone_pairs(len(old), len(new), similarity)]


def _monotone_pairs(n_old: int, n_new: int, similarity) -> list[tuple[int | None, int | None]]:
    """The monotone pairing of most overlap (a weighted longest common subsequence) of items
    0..n_old-1 against 0..n_new-1, where items whose `similarity(i, j)` is above 0 may pair:
    (i, j) pairs, (i, None) for an old item left alone, (None, j) for a new one, in document
    order."""
    weight = [[similarity(i, j) for j in range(n_new)] for i in range(n_old)]
    score = [[0.0] * (n_new + 1) for _ in range(n_old + 1)]
    for i in range(n_old - 1, -1, -1):
        for j in range(n_new - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if weight[i][j] > 0:
                best = max(best, weight[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n_old and j < n_new:
        if weight[i][j] > 0 and score[i][j] == weight[i][j] + score[i + 1][j + 1]:
            out.append((i, j))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            out.append((i, None))
            i += 1
        else:
            out.append((None, j))
            j += 1
    out += [(k, None) for k in range(i, n_old)]
    out += [(None, k) for k in range(j, n_new)]
    return out


def _dice(a: Counter, b: Counter) -> float:
    """How much two texts' words overlap (Dice coefficient over words); two texts without a
    word are alike."""
    total = sum(a.values()) + sum(b.values())
    if total == 0:
        return 1.0
    return 2 * sum((a & b).values()) / total


def _setting(block: Block) -> tuple:
    return (block.kind, block.style, block.first, block.left, block.page_break, block.before, block.tabs)


def _words(block: Block) -> list[str]:
    if block.table is not None:
        return [w for row in block.table.rows for cell in row for i in cell.inlines
                if isinstance(i, Text) for w in i.text.split()]
    return block.text().split()


def _block_key(block: Block) -> tuple:
    if block.table is not None:
        return (block.kind, tuple(_words(block)))
    return (*_setting(block), tuple(_key(i) for i in block.inlines))


# --- inside a paragraph ------------------------------------------------------------------------

def diff_inlines(old: list, new: list) -> list[tuple[str, object]]:
    """Word-level pieces: "=", "-", "+" runs, and notes kept ("=") or changed ("~", (old, new))."""
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(a=[_key(t) for t in a], b=[_key(t) for t in b], autojunk=False)
    out: list[tuple[str, object]] = []
    for tag, i1, i2, j1, j2 in _spaces_in_changes(matcher.get_opcodes(), a):
        if tag == "equal":
            for old_token, new_token in zip(a[i1:i2], b[j1:j2]):
                if isinstance(new_token, Note) and old_token.text != new_token.text:
                    out.append(("~", (old_token, new_token)))
                else:
                    out.append(("=", new_token))
            continue
        out += [("-", t) for t in a[i1:i2]]
        out += [("+", t) for t in b[j1:j2]]
    return _merged(out)


def _spaces_in_changes(opcodes: list, a: list) -> list:
    """The opcodes with a space kept between two changes made part of them: "9 December 2024"
    becoming "[to fill: date]" reads as the one deleted and the other inserted, not as words
    alternating around the spaces the two share."""
    out: list = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        between = 0 < index < len(opcodes) - 1
        if tag == "equal" and between and all(_is_space(token) for token in a[i1:i2]):
            tag = "replace"
        if tag != "equal" and out and out[-1][0] != "equal":
            out[-1] = ("replace", out[-1][1], i2, out[-1][3], j2)
        else:
            out.append((tag, i1, i2, j1, j2))
    return out


def _is_space(token) -> bool:
    return isinstance(token, Text) and token is not BREAK and token.text.isspace()


def _tokens(items: list) -> list:
    """Words, runs of spaces, notes and line breaks. A line break in a text (a part's further
    titles, each on its own line: 75/290 A) is a BREAK of its own, so that no run of words merged
    around it turns it into a space."""
    out = []
    for item in items:
        if isinstance(item, Note) or item is BREAK:
            out.append(item)
            continue
        for token in _TOKENS.findall(item.text):
            out.append(BREAK if token == "\n" else Text(token, item.italic, item.bold, item.superscript))
    return out


def _key(item) -> tuple:
    if isinstance(item, Note):
        return ("note",)                    # notes pair by position; their texts are diffed inside
    return ("text", item.text, item.italic, item.bold, item.superscript)


def _merged(pieces: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """Neighbouring runs with the same change and formatting become one run."""
    out: list[tuple[str, object]] = []
    for op, item in pieces:
        if out and isinstance(item, Text) and item is not BREAK and out[-1][0] == op:
            last = out[-1][1]
            if isinstance(last, Text) and last is not BREAK and \
                    (last.italic, last.bold, last.superscript) == (item.italic, item.bold, item.superscript):
                out[-1] = (op, Text(last.text + item.text, item.italic, item.bold, item.superscript))
                continue
        out.append((op, item))
    return out
