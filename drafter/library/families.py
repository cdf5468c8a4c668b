"""Group clauses into families: one clause's purpose across the years.

What two clauses of one family share is their content words, not their position or their opening
verb ("Calls upon the international community to seek to make the option of remaining in one's
country viable" became "Invites Governments ... to seek to make the option of remaining in one's
country viable"). So a clause is compared by the set of its content words, leaving out the lead,
the parameters and function words, each word weighted by how rare it is (a shared "Palestine" says
more than a shared "agenda"):

    weighted Jaccard  = w(A ∩ B) / w(A ∪ B)
    containment       = w(A ∩ B) / min(w(A), w(B))      (one wording added a phrase to the other)

Comparing every pair does not scale (100,000 paragraphs make 5·10⁹ pairs), so candidates come from
MinHash signatures with locality-sensitive hashing: clauses whose word sets are alike share a band of
their signature with high probability, and only those pairs are scored exactly.

Clustering is greedy single linkage on the scored pairs, best first, under two constraints: clauses
of different kinds (preambular, operative) never meet, and a family holds at most one clause of any
resolution (a family is one clause through the years; two paragraphs of one text are two purposes).
"""

from __future__ import annotations

import functools
import math
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator

from drafter.library.clauses import Clause
from drafter.records import dataclass

_EXPRESSION = re.compile(r"\{\{.*?\}\}")
_WORD = re.compile(r"[a-z][a-z’'-]*[a-z]|[a-z]")
# Function words carry no purpose; a closed class, the same in every resolution.
FUNCTION_WORDS = frozenset("""
a an the of and or to in on at by for with from into as that which who whose this these those its
their his her it they them be is are was were been has have had will shall should would may can
not all any each other such also further including inter alia well than so both either per within
""".split())

# Decision rule, measured on the seeds and the UN corpus (benchmarks/bench_mine.py, tests/test_mine.py).
JACCARD = 0.45
CONTAINMENT = 0.75
CONTAINMENT_JACCARD = 0.35

_PERMUTATIONS = 48
_ROWS = 3                        # rows per band: 16 bands of 3 catch pairs with Jaccard above ~0.4
BANDS = _PERMUTATIONS // _ROWS
_MAX_BUCKET = 64                 # beyond this, a bucket's members are paired with their neighbours only
_MASK = 2**64 - 1


# Hash permutations h -> (a*h + b) mod 2^64, keeping the high 32 bits; a is odd. The constants are
# those numpy's default_rng(20031223) drew when the decision rule was measured, written out so that
# matching a clause needs no numpy and gives the same candidates on every machine.
_A = [
    0xa42f302170ca44b9, 0xac54177b3e376995, 0x407635a6fae19e0f, 0x0469230375342993,
    0x88ce68ecfb7cbe6f, 0xf75c592e70fa4d4b, 0x84b752c440da7e75, 0x8b4248a364b3af65,
    0x9336c241111d0be9, 0x14b1030a46dabced, 0xaffdbcbb14881bf7, 0x69f4be59a774904d,
    0x30eeabc7395b9767, 0xab701d0c3d85ce69, 0x5d20e6a7c9694feb, 0x798f318ebc2731e7,
    0x8f90c4b446f69049, 0xf352c509cce6f499, 0x04901c72198ba4ff, 0xcb06c324989f530f,
    0xa2adff16d66fdd57, 0x053aa59678ee8ec5, 0xeca37124212c9863, 0xe925cb104c47f9cd,
    0x9143512926f5bc41, 0x6f316965eb3580bd, 0xc20625fa5d9d5ded, 0xb00a8e9f37b6f7cd,
    0xe211631b45060935, 0x9cca2ba5b1575e91, 0xde7e16e59fc070cd, 0x8c8c6f8cc49130c1,
    0x4b0ff26d8aff13c3, 0x6647b1c4992b5449, 0xed1b8ad546190ce5, 0xae7a85ba3cfc1611,
    0xe4677eeba1b0da0d, 0xdc6a5cd10b25ae63, 0x29e9b7aa494b9ea3, 0x9acf70d921513685,
    0x5a3207f873296913, 0xe2689a95795bf9bf, 0x93a234b0fe08ea09, 0x5f15396b2de1c2ad,
    0x47f7c4ca4977bd27, 0x8006876730cf21d5, 0x24164ef5f348e805, 0xec051c581a261c33,
]
_B = [
    0x49ca767577e24df3, 0x210e337b06ae8477, 0x1f4f8636712fac50, 0x4621635faabd481c,
    0x44c55e3c8edb080e, 0x638bc92d211edee8, 0x733f8638ec527001, 0x72d4796f188936ee,
    0x3c1a95ff46382eb7, 0x187d96bd062f5150, 0x41b7cad2a3a2032c, 0x11f5974d40216e85,
    0x5119f9d2c5817328, 0x7e297dd939a7306d, 0x01e7f199c1c171a0, 0x3260dc4ebdfac51f,
    0x73bb193c48dbb5d0, 0x1fdb2b6cfb060fa5, 0x5ad3e80e1991c257, 0x46c27b5451707f13,
    0x1922626f7261fe17, 0x201bd6268aaf0964, 0x5c1e48e839771b05, 0x1bf1adb1348e2497,
    0x6b317876dd55aee0, 0x61c8ab869bd79260, 0x01a61874d051c64f, 0x431db21675bcbd3a,
    0x16b6ce75276c9ecc, 0x35eb2ebc5f2b9f70, 0x4d3c3e53db46598a, 0x6e6a0235c1d34785,
    0x4bc60d602e98cef6, 0x2e752a1af1cecf2e, 0x4b8b7ec0fb69acaf, 0x5568bb643599d116,
    0x545e46a087e4b56e, 0x1156c3cd2c328626, 0x03d4b372e4ebceee, 0x066cf530b361a2dd,
    0x10689a845f50d2eb, 0x0c7db69824ce13a1, 0x49f4dd50dae1f50a, 0x6a82e5aa55580eb0,
    0x192026bdba9107b5, 0x2d976b6f436c3ba5, 0x68693116a2b7cfbf, 0x77338f84c2689897,
]


def without_parameters(template: str) -> str:
    return _EXPRESSION.sub(" ", template)


def words_of_template(template: str, lead: str | None) -> frozenset[str]:
    """The content words of a wording: no lead, no parameters, no function words."""
    text = without_parameters(template)
    if lead and text.startswith(lead):
        text = text[len(lead):]
    # (The apostrophes made one before the words are found: both are inside a word alike, and
    # no function word holds one.)
    return frozenset(_WORD.findall(text.lower().replace("’", "'"))).difference(FUNCTION_WORDS)


def content_words(clause: Clause) -> frozenset[str]:
    return wording_words(clause.wording.template, clause.wording.lead, clause.wording.subparagraphs)


@functools.lru_cache(maxsize=1 << 16)       # mining works them out; the index it builds asks again
def wording_words(template: str, lead: str | None, subparagraphs: tuple = ()) -> frozenset[str]:
    """A wording's own words; for one whose words are all in its sub-paragraphs ("Calls for:",
    "Declares that:"), those of its sub-paragraphs, or every such clause would look alike."""
    words = words_of_template(template, lead)
    if words:
        return words
    return frozenset().union(*(words_of_template(t, None) for t in sub_templates(subparagraphs)))


def sub_templates(subs) -> list[str]:
    out = []
    for sub in subs:
        out.append(sub.template)
        out += sub_templates(sub.subparagraphs)
    return out


_QUOTED = re.compile(r"“([^”]{3,})”")


def quoted_words(template: str) -> tuple[str, ...]:
    """The words, in order, of the last thing a clause names in quotes: an agenda item or, when a
    sub-item follows its item ("under the item entitled “General and complete disarmament”, the
    sub-item entitled “Regional disarmament”"), the sub-item, which is the more specific name."""
    names = _QUOTED.findall(template)
    return tuple(_WORD.findall(names[-1].lower().replace("\u2011", "-"))) if names else ()


@dataclass
class _Scorer:
    words: list[frozenset[str]]
    weight: dict[str, float]
    names: list[tuple[str, ...]] | None = None

    def __post_init__(self) -> None:
        self.masses = [self.mass(w) for w in self.words]

    def mass(self, words: frozenset[str]) -> float:
        return sum(map(self.weight.__getitem__, words))

    def same_family(self, i: int, j: int) -> float:
        """The pair's score if it passes the decision rule, else 0."""
        a, b = self.words[i], self.words[j]
        if not a or not b:
            return 1.0 if a == b else 0.0
        if self.names and not _same_names(self.names[i], self.names[j]):
            return 0.0
        if a == b:
            return 1.0                   # the same words, as most of a re-tabled text's clauses
        shared = self.mass(a & b)
        union = self.masses[i] + self.masses[j] - shared
        jaccard = shared / union
        containment = shared / min(self.masses[i], self.masses[j])
        if jaccard >= JACCARD or (containment >= CONTAINMENT and jaccard >= CONTAINMENT_JACCARD):
            return jaccard
        return 0.0


def _same_names(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two clauses that name things in quotes name the same thing, or they serve different
    purposes however alike the rest reads: "include in the provisional agenda ... the item entitled
    “Question of Palestine”" and "... “Oceans and the law of the sea”" are two clauses, not one.

    The same name, or one extending the other ("International migration and development,
    including the question of ... a conference" became "International migration and
    development"): one is the beginning of the other. Names that differ inside ("Treaty on the
    Prohibition of Nuclear Weapons" / "Treaty for the Prohibition of Nuclear Weapons in Latin
    America ...") or at the end ("... in Africa" / "... in Asia and the Pacific") are two names.
    """
    if not a or not b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return longer[:len(shorter)] == shorter


def group(clauses: list[Clause], anchors: list[str | None] | None = None) -> list[list[int]]:
    """Families as lists of clause indexes, each sorted, the list sorted by first member.

    `anchors` give clauses a family they already belong to (from the previous library): clauses
    with the same anchor start together and clauses with different anchors never meet. So adding a
    source only adds to families; it never reshuffles the ones a drafter already knows, even when
    the new text shifts how rare each word is.
    """
    words, names = _shapes_of(clauses)
    scorer = scorer_for(words, names)
    firsts, seconds = _candidates(clauses, words)
    return _link(clauses, _scored(scorer, words, names, firsts, seconds), anchors or [None] * len(clauses),
                 scorer.names)


def _shapes_of(clauses: list[Clause]) -> tuple[list[frozenset[str]], list[tuple[str, ...]]]:
    """Each clause's content words and quoted name, worked out once for each distinct wording (a
    text re-tabled year after year repeats most of its wordings)."""
    seen: dict[object, tuple[frozenset[str], tuple[str, ...]]] = {}
    words, names = [], []
    for clause in clauses:
        shape = seen.get(clause.wording)
        if shape is None:
            shape = seen[clause.wording] = (content_words(clause), quoted_words(clause.wording.template))
        words.append(shape[0])
        names.append(shape[1])
    return words, names


def _scored(scorer: _Scorer, words: list[frozenset[str]], names: list[tuple[str, ...]], firsts, seconds
            ) -> Iterator[tuple[float, int, int]]:
    """The candidate pairs that pass the decision rule, best first, then by their clauses' order
    (as sorting the tuples would). A pair of shapes (words and name) is scored once, however many
    pairs of clauses hold it."""
    import numpy as np

    shape: dict[tuple, int] = {}
    of = np.array([shape.setdefault((w, n), len(shape)) for w, n in zip(words, names)], dtype=np.int64)
    keys = of[firsts] * len(shape) + of[seconds]
    order = np.argsort(keys, kind="stable")       # a group's first member is its first pair in order
    ranked = keys[order]
    starts = np.r_[True, ranked[1:] != ranked[:-1]][:len(keys)]
    first_at = order[starts]
    group_of = np.empty_like(order)
    group_of[order] = np.cumsum(starts) - 1
    del keys, ranked, order, starts
    same = scorer.same_family
    scores = np.array([same(i, j) for i, j in zip(firsts[first_at].tolist(), seconds[first_at].tolist())],
                      dtype=np.float64)[group_of]
    kept = scores > 0
    scores, firsts, seconds = scores[kept], firsts[kept], seconds[kept]
    order = np.lexsort((seconds, firsts, -scores))
    return zip((-scores[order]).tolist(), firsts[order].tolist(), seconds[order].tolist())


def scorer_for(words: list[frozenset[str]], names: list[tuple[str, ...]] | None = None) -> _Scorer:
    """A scorer whose word weights come from these word sets; `names` are the quoted names."""
    return _Scorer(words, _idf(words), names)


def _idf(words: list[frozenset[str]]) -> dict[str, float]:
    df = Counter(w for ws in words for w in ws)
    n = len(words)
    return {w: math.log((n + 1) / (count + 1)) + 1.0 for w, count in df.items()}


def _candidates(clauses: list[Clause], words: list[frozenset[str]]):
    """Pairs (i < j) whose signatures share a band, in order: two numpy arrays, firsts and seconds.
    A pair is kept as one number, i * n + j, while they are gathered."""
    import numpy as np

    n = len(clauses)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for index, clause in enumerate(clauses):
        by_kind[clause.kind].append(index)
    codes = [np.empty(0, dtype=np.int64)]
    _last_keys.clear()
    for indexes in by_kind.values():
        distinct: dict[frozenset[str], int] = {}      # a signature for each distinct set of words
        row = np.array([distinct.setdefault(words[i], len(distinct)) for i in indexes], dtype=np.int64)
        keys = band_keys_of(_signatures(list(distinct)))
        _last_keys.update(zip(distinct, keys))
        keys = keys[row]
        members = np.array(indexes, dtype=np.int64)
        for column in range(BANDS):
            codes += _bucket_pairs(keys[:, column], members, n)
    pairs = np.concatenate(codes)
    pairs.sort()
    pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]][:len(pairs)]]     # np.unique, many times faster here
    return pairs // n, pairs % n


def _bucket_pairs(keys, members, n: int) -> list:
    """The pairs of members that share a key (one band), as codes i * n + j with i < j: every pair
    of a bucket, or in a huge bucket (near-identical boilerplate, where neighbours suffice for
    linking) each member with the next seven."""
    import numpy as np

    order = np.argsort(keys, kind="stable")       # members stay in increasing order within a bucket
    ranked, members = keys[order], members[order]
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    sizes = np.diff(np.r_[starts, len(ranked)])
    codes = []
    for size in np.unique(sizes[sizes > 1]).tolist():
        at = starts[sizes == size]
        if size <= _MAX_BUCKET:
            block = members[at[:, None] + np.arange(size)]            # one bucket a row
            i, j = np.triu_indices(size, 1)
            codes.append((block[:, i] * n + block[:, j]).ravel())
        else:
            for start in at.tolist():
                run = members[start:start + size]
                codes += [run[:-step] * n + run[step:] for step in range(1, 8)]
    return codes


def _signatures(word_sets: list[frozenset[str]]):
    """MinHash signatures, one row per set, computed for all sets at once (numpy: mining only)."""
    import numpy as np

    code = {w: zlib.crc32(w.encode()) for w in frozenset().union(*word_sets, ["\0empty"])}
    hashes, owners = [], []
    for row, words in enumerate(word_sets):
        chosen = words or ["\0empty"]           # a minimum needs no order
        hashes.extend(map(code.__getitem__, chosen))
        owners.extend([row] * len(chosen))
    x = np.array(hashes, dtype=np.uint64)
    starts = np.flatnonzero(np.r_[True, np.diff(np.array(owners)) != 0])
    out = np.empty((len(word_sets), _PERMUTATIONS), dtype=np.uint64)
    a, b = np.array(_A, dtype=np.uint64), np.array(_B, dtype=np.uint64)
    with np.errstate(over="ignore"):                  # wrapping modulo 2^64 is the point
        for k in range(_PERMUTATIONS):
            permuted = (a[k] * x + b[k]) >> np.uint64(32)
            out[:, k] = np.minimum.reduceat(permuted, starts)
    return out


# Each band of a signature as one signed 64-bit number: its three values mixed with odd constants
# (a linear mix: two bands of different values rarely meet, and a meeting only costs a score).
_MIX = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5)


def band_keys_of(signatures):
    """Every set's band keys, from `_signatures` (numpy: rows of sets, one column per band)."""
    import numpy as np

    mix = [np.uint64(m) for m in _MIX]
    keys = np.empty((len(signatures), BANDS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(BANDS):
            at = band * _ROWS
            keys[:, band] = (signatures[:, at] * mix[0] + signatures[:, at + 1] * mix[1]
                             + signatures[:, at + 2] * mix[2] + np.uint64(band) * mix[3])
    return keys.view(np.int64)


# The band keys of the word sets the last grouping met: the index built from its library asks for them again.
_last_keys: dict[frozenset[str], object] = {}


def band_keys_of_sets(word_sets: list[frozenset[str]]):
    """Every set's band keys, a row each, as `band_keys_of(_signatures(word_sets))` gives them; the
    sets the last grouping met are not worked out again."""
    import numpy as np

    missing = list(dict.fromkeys(words for words in word_sets if words not in _last_keys))
    fresh = dict(zip(missing, band_keys_of(_signatures(missing)))) if missing else {}
    rows = [fresh[words] if words in fresh else _last_keys[words] for words in word_sets]
    return np.stack(rows) if rows else np.empty((0, BANDS), dtype=np.int64)


def band_keys(words: frozenset[str]) -> list[int]:
    """One set's band keys without numpy (matching a few clauses needs none), equal to what
    `band_keys_of(_signatures(...))` gives for it."""
    hashes = [zlib.crc32(w.encode()) for w in words or ["\0empty"]]
    signature = [min(((a * h + b) & _MASK) >> 32 for h in hashes) for a, b in zip(_A, _B)]
    keys = []
    for band in range(BANDS):
        v = signature[band * _ROWS:band * _ROWS + _ROWS]
        key = (v[0] * _MIX[0] + v[1] * _MIX[1] + v[2] * _MIX[2] + band * _MIX[3]) & _MASK
        keys.append(key - 2**64 if key >= 2**63 else key)
    return keys


def _link(clauses: list[Clause], pairs,
          anchors: list[str | None], names: list[tuple[str, ...]]) -> list[list[int]]:
    """Single linkage, best pairs first, with three things a family may never mix: two clauses of
    one resolution, two anchors (families of the previous library), two different quoted names
    (checked across whole clusters, so a clause that names nothing cannot bridge two that do)."""
    parent = list(range(len(clauses)))
    # A cluster's resolutions and names, as a set only once it has two members (most clauses are
    # never linked: 79,000 sets made for nothing took a tenth of grouping the corpus).
    members: dict[int, set[str]] = {}
    resolution = [clause.source.resolution for clause in clauses]
    anchor: dict[int, str | None] = dict(enumerate(anchors))
    named: dict[int, set[tuple[str, ...]]] = {}

    def members_of(a: int) -> set[str]:
        return members.get(a) or {resolution[a]}

    def named_of(a: int) -> set[tuple[str, ...]]:
        return named[a] if a in named else ({names[a]} if names[a] else set())

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        parent[b] = a
        members[a] = members_of(a) | members_of(b)
        named[a] = named_of(a) | named_of(b)
        members.pop(b, None)
        named.pop(b, None)
        anchor[a] = anchor[a] or anchor.pop(b)

    first_of: dict[str, int] = {}
    for i, name in enumerate(anchors):
        if name is not None:
            if name in first_of:
                union(root(first_of[name]), root(i))
            else:
                first_of[name] = i
    for _, i, j in pairs:
        a, b = root(i), root(j)
        if a == b or not members_of(a).isdisjoint(members_of(b)):
            continue
        if anchor[a] and anchor[b] and anchor[a] != anchor[b]:
            continue
        if not all(_same_names(x, y) for x in named_of(a) for y in named_of(b)):
            continue
        union(a, b)
    families: dict[int, list[int]] = defaultdict(list)
    for i in range(len(clauses)):
        families[root(i)].append(i)
    return sorted(families.values(), key=lambda family: family[0])
