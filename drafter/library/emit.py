"""The library's YAML, written directly: the same bytes libyaml writes, several times faster.

A family file is a closed shape: block mappings and sequences of strings, integers, booleans and
nulls, empty lists and mappings written `[]` and `{}`. For that shape this module applies libyaml's
own rules (its emitter's scalar analysis and line folding, PyYAML's resolver for strings that would
read back as something else), and so writes byte for byte what `yaml.dump(..., Dumper=CSafeDumper,
sort_keys=False, allow_unicode=True, width=100)` writes: a library's git diff stays quiet whichever
wrote it. Anything outside that shape (a string libyaml would double-quote: a line break, a tab, a
character outside the Basic Multilingual Plane; a float; a list in a list; a long key) raises
`Unusual`, and the caller writes that file with PyYAML instead. tests/test_library_emit.py holds
the proof: the two agree on every family mined from the UN corpus and on generated strings.
"""

from __future__ import annotations

import re
from typing import Any

WIDTH = 100                                   # the width store.dump_yaml gives libyaml


class Unusual(Exception):
    """Data this writer leaves to PyYAML."""


# libyaml writes a string double-quoted (escaped) when it holds a character outside its printable
# set (#x20-#x7E, #xA0-#xD7FF, #xE000-#xFFFD but #xFEFF) or a line break: all left to PyYAML.
# Every character outside x20-x7e, xa0-u2027, u202a-ud7ff, ue000-ufefe, uff00-ufffd, named as
# ranges: the same class as the negated one, which took re ~3.5 ms to compile at every start-up.
_UNUSUAL_CHAR = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff\U00010000-\U0010ffff]")
# Where a plain string cannot start (libyaml's block indicators), or what it cannot hold.
_INDICATOR_FIRST = frozenset("#,[]{}&*!|>'\"%@`")
_BLOCK_INSIDE = re.compile(r": | #|:$")
_LONE_SPACE = re.compile(r"(?<! ) (?! )")     # where libyaml may fold a line

# PyYAML's implicit resolvers (yaml/resolver.py, class Resolver), pattern for pattern: how a plain
# string reads back (a bool, a number, null, a date...), by its first character. A copy, so that
# writing YAML needs no PyYAML (importing it was a tenth of a draft's start-up);
# tests/test_library_emit.py checks that it is PyYAML's own table.
_IMPLICIT = [
    ("tag:yaml.org,2002:bool", r"""^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$""", re.X, "yYnNtTfFoO"),
    ("tag:yaml.org,2002:float", r"""^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$""", re.X, "-+0123456789."),
    ("tag:yaml.org,2002:int", r"""^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$""", re.X, "-+0123456789"),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", 0, "<"),
    ("tag:yaml.org,2002:null", r"""^(?: ~
                    |null|Null|NULL
                    | )$""", re.X, ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", re.X, "0123456789"),
    ("tag:yaml.org,2002:value", r"^(?:=)$", 0, "="),
    ("tag:yaml.org,2002:yaml", r"^(?:!|&|\*)$", 0, "!&*"),
]


def _by_first_character() -> dict[str, list[tuple[str, re.Pattern]]]:
    table: dict[str, list[tuple[str, re.Pattern]]] = {}
    for tag, pattern, flags, first in _IMPLICIT:
        compiled = re.compile(pattern, flags)
        for ch in first:
            table.setdefault(ch, []).append((tag, compiled))
    return table


_RESOLVERS = _by_first_character()


def _reads_as_string(text: str) -> bool:
    """Would the text, written plain, read back as a string (not null, a bool, a number, a date)?
    PyYAML's resolver decides, with its own table."""
    for _, pattern in _RESOLVERS.get(text[0] if text else "", ()):
        if pattern.match(text):
            return False
    return True


def _plain_allowed(text: str) -> bool:
    """libyaml's analysis of a scalar in block context, for text without unusual characters."""
    if not text or text[0] == " " or text[-1] == " ":
        return False
    first = text[0]
    if first in _INDICATOR_FIRST or text.startswith(("---", "...")):
        return False
    if first in "?:-" and (len(text) == 1 or text[1] == " "):
        return False
    return not _BLOCK_INSIDE.search(text, 1) and _reads_as_string(text)


_styles: dict[str, bool] = {}                 # text -> plain? (strings repeat: kinds, statuses, numbers)


def _is_plain(text: str) -> bool:
    plain = _styles.get(text)
    if plain is None:
        if _UNUSUAL_CHAR.search(text):
            raise Unusual(text)
        plain = _styles[text] = _plain_allowed(text)
        if len(_styles) > 200_000:
            _styles.clear()
    return plain


def _fold(text: str, column: int, indent: int, quoted: bool) -> str:
    """Fold `text` (starting at `column`) at single spaces once a line passes the width, as libyaml
    does: a line goes on past the width to the next single space, the next line starts at `indent`.
    In a quoted string a quote counts twice, and the first and last characters never fold."""
    quotes = text.count("'") if quoted else 0
    if column + len(text) + quotes <= WIDTH + 1:
        return text
    lines, start = [], 0
    while True:
        # The first single space past the width (a quote before it moves it nearer).
        match = _LONE_SPACE.search(text, max(start + WIDTH + 1 - column - quotes, 1))
        while match and quotes and column + match.start() - start + text.count("'", start, match.start()) <= WIDTH:
            match = _LONE_SPACE.search(text, match.start() + 1)
        if match is None or (quoted and match.start() == len(text) - 1):
            break
        lines.append(text[start:match.start()])
        start, column = match.start() + 1, indent
    lines.append(text[start:])
    return ("\n" + " " * indent).join(lines)


def _scalar(value: Any, column: int, indent: int) -> str:
    """A scalar as written after "key:" or "- " (its leading space included when it needs one)."""
    if isinstance(value, str):
        if _is_plain(value):
            return " " + _fold(value, column + 1, indent, False)
        return " '" + _fold(value, column + 2, indent, True).replace("'", "''") + "'"
    if value is None:
        return " null"
    if value is True or value is False:
        return " true" if value else " false"
    if type(value) is int:
        return f" {value}"
    raise Unusual(repr(value))


_keys: dict[str, str] = {}


def _key(key: Any) -> str:
    written = _keys.get(key) if type(key) is str else None
    if written is None:
        if type(key) is not str or len(key.encode("utf-8")) > 128:
            raise Unusual(repr(key))                  # libyaml writes such keys as "? key"
        written = _keys[key] = key if _is_plain(key) else "'" + key.replace("'", "''") + "'"
    return written


def _mapping(data: dict, indent: int, out: list[str], inline: bool) -> None:
    """A block mapping whose keys stand at `indent`; `inline`: the first key follows a "- "."""
    pad = "\n" + " " * indent
    for key, value in data.items():
        written = _key(key)
        out.append((written if inline else pad + written) + ":")
        inline = False
        _value(value, indent, indent + len(written) + 1, out)


def _value(value: Any, indent: int, column: int, out: list[str]) -> None:
    """The value of a key standing at `indent`, written from `column` on."""
    if type(value) is dict:
        if value:
            _mapping(value, indent + 2, out, False)
        else:
            out.append(" {}")
    elif type(value) is list:
        if value:
            _sequence(value, indent, out)             # a list under a key is not indented further
        else:
            out.append(" []")
    else:
        out.append(_scalar(value, column, indent + 2))


def _sequence(items: list, indent: int, out: list[str]) -> None:
    pad = "\n" + " " * indent + "-"
    for item in items:
        out.append(pad)
        if type(item) is dict:
            if item:
                out.append(" ")
                _mapping(item, indent + 2, out, True)
            else:
                out.append(" {}")
        elif type(item) is list:
            if item:
                raise Unusual("a list in a list")
            out.append(" []")
        else:
            out.append(_scalar(item, indent + 1, indent + 2))


def dump(data: dict) -> str:
    """The YAML of a non-empty mapping, as store.dump_yaml writes it (raises Unusual, see above)."""
    if type(data) is not dict or not data:
        raise Unusual("not a mapping")
    out: list[str] = []
    _mapping(data, 0, out, True)
    out.append("\n")
    return "".join(out)


# --- reading back --------------------------------------------------------------------------------

class NotYAML(ValueError):
    """Text that is not YAML: what PyYAML found wrong, and the line (from 1) where, when it knows."""

    def __init__(self, message: str, line: int | None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def load(text: str) -> Any:
    """The data of the YAML `text`, read safely (plain data only): as drafter wrote it without
    PyYAML (`undump`), else by PyYAML's safe loader, libyaml's where there (the same data,
    faster). NotYAML when it is not YAML."""
    written = undump(text)
    if written is not None:
        return written
    import yaml

    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise NotYAML(f"not valid YAML: {getattr(error, 'problem', error)}",
                      mark.line + 1 if mark else None) from None


def undump(text: str) -> dict | None:
    """The data `dump` writes as exactly `text`, or None: then `text` is not dump's writing (a file
    edited by hand, written by another program), and PyYAML must read it.

    Read as dump writes, then checked: the data is returned only when `dump` writes it back byte
    for byte. What dump writes is libyaml's writing (above), which PyYAML reads back as the same
    data (tests/test_library_emit.py holds both proofs), so the answer is always what
    `yaml.safe_load(text)` gives; a file drafter wrote is read without importing PyYAML."""
    if not text.endswith("\n"):
        return None
    reader = _Reader(text)
    try:
        data = reader.mapping(0, True)
        if reader.pos != len(text) - 1:
            return None
        return data if dump(data) == text else None
    except (_NotDumped, Unusual, IndexError, ValueError):
        return None


def _closing_quote(text: str, opening: int) -> int:
    """Where the single-quoted string opened at `opening` closes ("''" inside is a quote); ValueError
    when it never does."""
    end = opening + 1
    while True:
        end = text.index("'", end)
        if not text.startswith("''", end):
            return end
        end += 2


class _NotDumped(Exception):
    """Text dump would not have written."""


_PLAIN = {"null": None, "true": True, "false": False}
_INTEGER = re.compile(r"-?[0-9]+")


class _Reader:
    """dump's writing read back, each method the inverse of its namesake above."""

    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def mapping(self, indent: int, inline: bool) -> dict:
        text, data = self.text, {}
        pad = "\n" + " " * indent
        while True:
            if not inline:
                after = self.pos + len(pad)
                if not text.startswith(pad, self.pos) or after >= len(text) or text[after] == " " \
                        or text.startswith("- ", after):
                    return data
                self.pos = after
            inline = False
            key = self.key()
            if key in data:
                raise _NotDumped("a key twice")
            data[key] = self.value(indent)

    def key(self) -> str:
        text, start = self.text, self.pos
        if text[start] == "'":
            end = _closing_quote(text, start)
            key, self.pos = text[start + 1:end].replace("''", "'"), end + 1
            if "\n" in key or not text.startswith(":", self.pos):
                raise _NotDumped("a quoted key")
        else:
            line_end = text.index("\n", start)
            colon = text.find(": ", start, line_end)
            end = colon if colon >= 0 else line_end - 1
            if end <= start or text[end] != ":":
                raise _NotDumped("no key")
            key, self.pos = text[start:end], end
        self.pos += 1                                   # past the ":"
        return key

    def value(self, indent: int) -> Any:
        text, pos = self.text, self.pos
        for empty, made in ((" {}\n", dict), (" []\n", list)):
            if text.startswith(empty, pos):
                self.pos += 3
                return made()
        if text.startswith("\n" + " " * (indent + 2), pos) and text[pos + indent + 3] != " ":
            return self.mapping(indent + 2, False)
        if text.startswith("\n" + " " * indent + "- ", pos):
            return self.sequence(indent)
        return self.scalar(indent + 2)

    def sequence(self, indent: int) -> list:
        text, items = self.text, []
        pad = "\n" + " " * indent + "- "
        while text.startswith(pad, self.pos):
            self.pos += len(pad) - 1                    # at the space after "-"
            pos = self.pos
            if text.startswith(" {}\n", pos) or text.startswith(" []\n", pos):
                items.append({} if text[pos + 1] == "{" else [])
                self.pos += 3
            elif self._is_key(pos + 1):
                self.pos += 1
                items.append(self.mapping(indent + 2, True))
            else:
                items.append(self.scalar(indent + 2))
        return items

    def _is_key(self, start: int) -> bool:
        """Does a key (then ":") start at `start`? A plain string holds no ": " and ends in no ":"."""
        text = self.text
        if text[start] == "'":
            return text.startswith(":", _closing_quote(text, start) + 1)
        line = text[start:text.index("\n", start)]
        return ": " in line or line.endswith(":")

    def scalar(self, indent: int) -> Any:
        """A scalar after its space, its folded lines going on at `indent`."""
        text = self.text
        if text[self.pos] != " ":
            raise _NotDumped("no space before a value")
        start = self.pos + 1
        fold = "\n" + " " * indent
        if text.startswith("'", start):
            end = _closing_quote(text, start)
            self.pos = end + 1
            if not text.startswith("\n", self.pos):
                raise _NotDumped("text after a quoted string")
            written = text[start + 1:end].replace(fold, " ")
            if "\n" in written:
                raise _NotDumped("a line break in a quoted string")
            return written.replace("''", "'")
        end = text.index("\n", start)
        # A line at `indent` next is the string going on: nothing else stands there after a scalar.
        while text.startswith(fold, end) and text[end + len(fold)] not in " \n":
            end = text.index("\n", end + 1)
        self.pos = end
        written = text[start:end].replace(fold, " ")
        if "\n" in written:
            raise _NotDumped("a line break in a plain string")
        if written in _PLAIN:
            return _PLAIN[written]
        return int(written) if _INTEGER.fullmatch(written) else written
