"""Lead adverbs back in sequence after paragraphs come, go or move.

Adjacent paragraphs that open with the same verb say which of the run each is: "Recalling",
"Recalling also", "Recalling further" in the preamble; "Requests", "Also requests", "Further
requests" among the operative paragraphs; a fourth starts again ("Recalling", ...). In sessions
75-78 of the corpus 4,518 of the 4,719 runs that use an adverb at all follow that cycle, in 79-80
2,202 of 2,307 (tests/test_edits.py checks it there); a verb met again after other paragraphs
starts a run of its own, plain (19,110 of 19,125 times in 75-78). When the order of the clauses changes, every run whose
members changed is put back in sequence, but only where the base's own runs followed the cycle:
a base that writes "Decides" twice in a row keeps its way.
"""

from __future__ import annotations

from drafter.assemble.edits import Edit
from drafter.assemble.edits.rewrite import rewrite

KIND = "lead"
WHY = "lead adverbs in sequence after the order of the paragraphs changed"
# The adverb of the 2nd and 3rd paragraph of a run, and where it stands (English).
CYCLE = ("", "also", "further")
AFTER_VERB = {"preambular": True, "operative": False}


def form(lead: str | None, kind: str) -> tuple[str, int] | None:
    """"Recalling further" -> ("recalling", 2); "Also requests" -> ("requests", 1); None: no lead.
    The verb is given in lower case, as the key of a run."""
    words = (lead or "").split()
    lowered = [w.lower() for w in words]
    if not words:
        return None
    if AFTER_VERB[kind] and len(words) >= 2 and lowered[1] in CYCLE[1:]:
        return " ".join([lowered[0], *lowered[2:]]), CYCLE.index(lowered[1])
    if not AFTER_VERB[kind] and len(words) >= 2 and lowered[0] in CYCLE[1:]:
        return " ".join(lowered[1:]), CYCLE.index(lowered[0])
    return " ".join(lowered), 0


def lead_for(lead: str, position: int, kind: str) -> str:
    """`lead` rewritten for its place in a run: "Recalling also" at the first place is "Recalling";
    "Requests" at the second is "Also requests". Words other than the verb keep their case."""
    words = lead.split()
    found = form(lead, kind)
    if found and found[1]:
        del words[1 if AFTER_VERB[kind] else 0]
    adverb = CYCLE[position % len(CYCLE)]
    if adverb and AFTER_VERB[kind]:
        words.insert(1, adverb)
    elif adverb:
        words = [adverb, words[0][:1].lower() + words[0][1:], *words[1:]]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def apply(draft, pieces, numbers) -> list[Edit]:
    if [clause.base_index for clause in draft.clauses] == list(range(len(draft.base.clauses))):
        return []                              # nothing came, went or moved
    base = draft.base.clauses
    base_runs = _runs([(c.kind, c.where, form(c.variant.lead, c.kind)) for c in base])
    unchanged = {tuple(run) for run in base_runs}
    regular = {i for run in base_runs if _in_cycle([form(base[j].variant.lead, base[j].kind)[1] for j in run])
               for i in run}
    out = []
    items = [(c.kind, p.where, form(p.paragraph.lead, c.kind)) for c, p in zip(draft.clauses, pieces)]
    for run in _runs(items):
        members = [draft.clauses[i].base_index for i in run]
        if tuple(members) in unchanged or any(m is not None and m not in regular for m in members):
            continue
        out += _resequence(draft, pieces, run)
    return out


def _runs(items) -> list[list[int]]:
    """Indexes of adjacent paragraphs of one kind and place opening with the same verb."""
    runs: list[list[int]] = []
    keys: list[tuple | None] = []
    for index, (kind, where, found) in enumerate(items):
        key = (kind, where, found[0]) if found else None
        if key is not None and keys and keys[-1] == key:
            runs[-1].append(index)
        else:
            runs.append([index])
            keys.append(key)
    return [run for run, key in zip(runs, keys) if key is not None]


def _in_cycle(positions: list[int]) -> bool:
    return all(p == k % len(CYCLE) for k, p in enumerate(positions))


def _resequence(draft, pieces, run: list[int]) -> list[Edit]:
    out = []
    for position, index in enumerate(run):
        kind = draft.clauses[index].kind
        paragraph = pieces[index].paragraph
        _, now = form(paragraph.lead, kind)
        if now == position % len(CYCLE) or not paragraph.text.startswith(paragraph.lead):
            continue
        new = lead_for(paragraph.lead, position, kind)
        pieces[index].paragraph = rewrite(paragraph, [(0, len(paragraph.lead), new)])
        out.append(Edit(KIND, index, paragraph.lead, new, WHY))
    return out
