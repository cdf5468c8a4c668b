"""The questions of `drafter new`, without any I/O: what can be chosen, and what an answer means.

Every function here takes the draft and plain values and gives back plain values or a new draft,
so the interactive flow (prompts.py), `--data`, the answers file and the tests use the same rules.

The clause-by-clause review is a `Review`: the draft, which of its clauses the drafter has already
answered for, and the steps taken (each one can be undone). The next clause asked about is always
the first one not yet answered for, so a move, an addition or a drop never skips a clause or asks
about one twice: a moved clause has been answered for, an added one has not.

Positions a person gives are counted among the paragraphs of one kind, 1-based ("operative 3"), as
the resolution numbers them; a clause added or moved there becomes that paragraph. Clauses are
named as the draft prints them, in every message (drafter.assemble.naming).
"""

from __future__ import annotations

import re
from dataclasses import field, replace
from typing import Any

from drafter.assemble import naming, values
from drafter.assemble.base import BaseClause
from drafter.assemble.draft import Draft, DraftClause, carry, refuse, replace_variant
from drafter.assemble.edits import sessions
from drafter.errors import Stopped
from drafter.library.fill import fill, plain
from drafter.library.model import Family, Library, Variant
from drafter.library.schema import problems as schema_problems
from drafter.library.templates import Placeholder, TemplateRenderError
from drafter.records import dataclass

KINDS = ("preambular", "operative")
_EXPRESSION = re.compile(r"\{\{.*?\}\}")


class Declined(Stopped):
    """The drafter said no at the summary: nothing is written but the answers, to resume from."""

    def __init__(self, draft: Draft) -> None:
        super().__init__("not written: you declined at the summary")
        self.draft = draft


# --- one clause, as the drafter sees it ---------------------------------------------------------

def clause_text(draft: Draft, clause: DraftClause) -> str:
    """The clause filled as the draft will have it (for the new session, unless session edits are
    refused), sub-paragraphs and footnotes included."""
    try:
        filled = fill(clause.variant, clause.values, sessions.fill_session(draft))
    except TemplateRenderError as error:
        return f"(cannot show this clause: {error})"
    notes = [f"[{number}] {note}" for number, note in enumerate(filled.notes, start=1)]
    return "\n".join([plain(filled), *notes])


def opening(draft: Draft, clause: DraftClause, words: int = 9) -> str:
    """The first words of a clause, for outlines and summaries: “Calls upon the international …”."""
    first = clause_text(draft, clause).split("\n", 1)[0].split()
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def position(draft: Draft, index: int) -> int:
    """1-based place of clause `index` among the paragraphs of its kind."""
    kind = draft.clauses[index].kind
    return sum(1 for c in draft.clauses[:index + 1] if c.kind == kind)


def label(draft: Draft, index: int) -> str:
    """"operative 3 (“Takes note of the report …”)": the clause as the draft prints it."""
    return f"{naming.label(draft, index)} (“{opening(draft, draft.clauses[index], 6)}”)"


def heading(draft: Draft, index: int) -> str:
    """"Operative paragraph 3 of 11"; where the draft's numbers are not the count through it (parts,
    sections, unnumbered paragraphs), "Operative paragraph 2 in section IV (40 of 381)"."""
    kind, name = draft.clauses[index].kind, naming.label(draft, index)
    here, total = position(draft, index), count(draft, kind)
    if name == f"{kind} {here}":
        return f"{kind.capitalize()} paragraph {here} of {total}"
    shown = f"{kind.capitalize()} paragraph{name[len(kind):]}" if name.startswith(f"{kind} ") else name.capitalize()
    return f"{shown} ({here} of {total})"


def base_label(start: Draft, index: int) -> str:
    """A clause of the base, by its place there: "preambular 4 of 58/208 (“Reaffirming …”)"."""
    return f"{naming.label(start, index)} of {start.base.number} (“{opening(start, start.clauses[index], 6)}”)"


def outline(draft: Draft, kind: str) -> list[str]:
    """The paragraphs of one kind, numbered as the resolution will number them, by opening words."""
    return [f"{n}. {opening(draft, clause)}"
            for n, clause in enumerate((c for c in draft.clauses if c.kind == kind), start=1)]


def count(draft: Draft, kind: str) -> int:
    return sum(1 for c in draft.clauses if c.kind == kind)


def in_draft(draft: Draft, family_id: str) -> str | None:
    """"preambular 16" if the draft already holds a clause of that family."""
    index = next((i for i, c in enumerate(draft.clauses) if c.family_id == family_id), None)
    return None if index is None else naming.label(draft, index)


def family_of(library: Library, clause: DraftClause) -> Family | None:
    return None if clause.new_to_library else library.family(clause.family_id)


def kinds_of(family: Family, variant: Variant) -> dict[str, str]:
    return {name: family.schema["properties"][name]["x-kind"] for name in variant.parameters}


def context(draft: Draft) -> values.Context:
    return values.Context(draft.session)


# --- other wordings -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Option:
    """Another wording of a clause, as the drafter is shown it."""

    variant: Variant
    text: str                           # filled with the draft's values for the new session
    diff: list[tuple[str, str]]         # word diff against the wording in the draft now
    sources: str                        # "52/189 op. 4, 54/212 op. 5"


def sources_of(variant: Variant) -> str:
    return ", ".join(f"{s.ref.resolution} {'op.' if s.ref.part == 'operative' else 'pp.'} {s.ref.number}"
                     for s in variant.sources)


def other_wordings(draft: Draft, library: Library, index: int) -> list[Option]:
    """The family's other active wordings, each filled; one that reads exactly like the clause
    now (a variant that differs only where the values make it the same) is not another wording."""
    # Imported here: only the terminal's choices need it, not every draft.
    from drafter.worddiff import word_diff

    clause = draft.clauses[index]
    family = family_of(library, clause)
    if family is None:
        return []
    current = clause_text(draft, clause)
    options, seen = [], {current}
    for variant in family.variants:
        if variant.id == clause.variant.id or variant.status != "active":
            continue
        text = clause_text(draft, _switched(draft, library, family, clause, variant))
        if text in seen:
            continue
        seen.add(text)
        options.append(Option(variant, text, word_diff(current, text, marks=True), sources_of(variant)))
    return options


def _switched(draft: Draft, library: Library, family: Family, clause: DraftClause,
              variant: Variant) -> DraftClause:
    """The clause in another wording: its own values where the wording shares them, the rest from
    the wording's latest source, carried to the new session like any base value."""
    latest = variant.sources[-1] if variant.sources else None
    fallback: dict[str, Any] = {}
    if latest is not None:
        kinds = kinds_of(family, variant)
        carried = carry(library, draft.base, BaseClause(clause.kind, family, variant, dict(latest.values), kinds))
        fallback = carried.values
    return replace_variant(clause, variant, kinds_of(family, variant), fallback)


def choose_wording(draft: Draft, library: Library, index: int, variant_id: str) -> Draft:
    clause = draft.clauses[index]
    family = family_of(library, clause)
    variant = family.variant(variant_id) if family else None
    if variant is None:
        raise ValueError(f"no wording {variant_id} for this clause")
    return set_clause(draft, index, _switched(draft, library, family, clause, variant))


# --- values -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Value:
    """One value of a clause, as the drafter is shown it: where it stands and how it reads."""

    name: str
    kind: str
    shown: str                          # "61", "49/127 of 19 December 1994 and ...", "(to fill)"
    where: str                          # "after “… provisional agenda of its”", "in footnote 12"


def values_of(draft: Draft, index: int) -> list[Value]:
    clause = draft.clauses[index]
    ctx = context(draft)
    return [Value(name, clause.kinds.get(name, "fact"), values.show(clause.kinds.get(name, "fact"), value, ctx),
                  where_in(clause.variant, name, lambda n: naming.note(draft, index, n)))
            for name, value in clause.values.items()]


def where_in(variant: Variant, name: str, note=str, words: int = 5) -> str:
    """Where parameter `name` stands in the clause, by the words before it; `note` gives the
    number the document prints for the wording's footnote n."""
    places = [("", variant.template), *((n, text) for n, text in enumerate(variant.footnotes, 1)),
              *((f"in ({s.label})", s.template) for s in _subs(variant.subparagraphs))]
    for place, template in places:
        match = re.search(r"\{\{[^}]*\b" + re.escape(name) + r"\b[^}]*\}\}", template)
        if match:
            if isinstance(place, int):
                # A footnote, by the number the document prints: asked only here (numbering composes the draft).
                place = f"in footnote {note(place)}"
            # The values before it as "…" ("from … to …, inclusive of"), their notes left out.
            head = _EXPRESSION.sub(lambda m: "" if "footnote(" in m.group() else "…", template[:match.start()])
            before = " ".join(_last_words(head.split(), words))
            ellipsis = "" if before.startswith("…") else "… "     # a value opens what is shown
            after = f"after “{ellipsis}{before}”" if before else "at the start"
            return f"{place}, {after}" if place else after
    return ""


def _last_words(tokens: list[str], words: int) -> list[str]:
    """The tokens that end with the last `words` words (a value's "…" is no word)."""
    counted = 0
    for start in range(len(tokens) - 1, -1, -1):
        counted += tokens[start].strip("…,;:") != ""
        if counted == words:
            return tokens[start:]
    return tokens


def _subs(subs):
    for sub in subs:
        yield sub
        yield from _subs(sub.subparagraphs)


def still_to_fill(draft: Draft) -> list[str]:
    """Every value nobody knows yet, by where it stands: the heading's, then the clauses'."""
    out = [item.removeprefix("heading: ") for item in draft.to_fill() if item.startswith("heading: ")]
    return out + [f"{label(draft, i)}: {values.kind(v.kind).question} ({v.where})"
                  for i, clause in enumerate(draft.clauses) for v in values_of(draft, i)
                  if isinstance(clause.values[v.name], Placeholder)]


def facts_to_confirm(draft: Draft) -> list[str]:
    """The figures kept from the base (counts, years), and the dates drafter moved to the new
    session ("1 July 2024, moved from 1 July 2023"): what the drafter should check."""
    out = []
    for i, clause in enumerate(draft.clauses):
        base = _base_values(draft, clause)
        for v in values_of(draft, i):
            if v.kind == "fact":
                out.append(f"{label(draft, i)}: {v.shown} ({v.where})")
            elif v.kind == "date" and base.get(v.name, clause.values[v.name]) != clause.values[v.name] \
                    and not isinstance(clause.values[v.name], Placeholder):
                was = values.show("date", base[v.name], context(draft))
                out.append(f"{label(draft, i)}: {v.shown}, moved from {was} ({v.where})")
    return out


def _base_values(draft: Draft, clause) -> dict[str, Any]:
    """The values the base clause that `clause` was carried from has, in the same wording; {} for
    a clause the base did not have or one given another wording."""
    original = draft.carried_from(clause)
    return original.values if original is not None and original.variant.id == clause.variant.id else {}


def parse_value(kind: str, raw: str, draft: Draft) -> Any:
    """What a person typed, as the stored value of a parameter of `kind`; values.Refused says why not."""
    return values.parse(kind, raw, context(draft))


def check_value(family: Family | None, name: str, kind: str, value: Any, draft: Draft) -> str | None:
    """None if the value is of its kind and the family's schema takes it, else the reason in words."""
    reason = values.check(kind, value, context(draft))
    if reason or family is None:
        return reason
    schema = family.schema.get("properties", {}).get(name)
    if schema is None:
        return f"{name} is not a value of this clause"
    if schema_problems(schema, value):
        return f"not accepted for this clause (e.g. {values.example(kind, context(draft))})"
    return None


def set_value(draft: Draft, index: int, name: str, value: Any) -> Draft:
    clause = draft.clauses[index]
    return set_clause(draft, index, replace(clause, values={**clause.values, name: value}))


# --- where clauses go ---------------------------------------------------------------------------

def read_position(raw: str, kind: str, last: int) -> int:
    """"3", "first", "last" -> a 1-based position among `last` places; values.Refused says why not."""
    text = raw.strip().lower()
    if text == "first":
        return 1
    if text == "last":
        return last
    if text.isdigit() and 1 <= int(text) <= last:
        return int(text)
    raise values.Refused(f"give a number from 1 to {last}, or first or last")


def insertion_index(clauses: list[DraftClause], kind: str, at: int) -> int:
    """Where a clause goes in `clauses` to become paragraph `at` (1-based) of its kind."""
    same = [i for i, c in enumerate(clauses) if c.kind == kind]
    if at - 1 < len(same):
        return same[at - 1]
    if same:
        return same[-1] + 1
    return 0 if kind == "preambular" else len(clauses)


def drop(draft: Draft, index: int) -> Draft:
    clauses = list(draft.clauses)
    del clauses[index]
    return replace(draft, clauses=clauses)


def move(draft: Draft, index: int, to: int) -> tuple[Draft, int]:
    """Clause `index` moved to paragraph `to` (1-based) of its kind; returns the draft and where it went."""
    clauses = list(draft.clauses)
    clause = clauses.pop(index)
    at = insertion_index(clauses, clause.kind, to)
    clauses.insert(at, replace(clause, where=None))     # it takes the place (part, section) of its neighbour
    return replace(draft, clauses=clauses), at


def find_to_add(library: Library, text: str) -> list[Family]:
    return [hit.family for hit in library.search(text, limit=10)]


def preferred(family: Family) -> Variant:
    """The wording offered first: the family's preferred one, else its most recent active one."""
    chosen = family.variant(family.preferred_variant) if family.preferred_variant else None
    active = [v for v in family.variants if v.status == "active"] or list(family.variants)
    return chosen or active[-1]


def to_add(draft: Draft, library: Library, family: Family, variant: Variant) -> DraftClause:
    """A clause of the library, with the values of its latest source carried to the new session."""
    latest = variant.sources[-1] if variant.sources else None
    kinds = kinds_of(family, variant)
    values_ = dict(latest.values) if latest else {name: Placeholder.named(name) for name in variant.parameters}
    clause = carry(library, draft.base, BaseClause(family.kind, family, variant, values_, kinds))
    return replace(clause, added=True)


def add(draft: Draft, clause: DraftClause, at: int) -> tuple[Draft, int]:
    """`clause` inserted as paragraph `at` (1-based) of its own kind; returns the draft and its index."""
    clauses = list(draft.clauses)
    index = insertion_index(clauses, clause.kind, at)
    clauses.insert(index, clause)
    return replace(draft, clauses=clauses), index


def set_clause(draft: Draft, index: int, clause: DraftClause) -> Draft:
    clauses = list(draft.clauses)
    clauses[index] = clause
    return replace(draft, clauses=clauses)


# --- the review, step by step -------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    """One answer given in a review, and the review before it (for undo)."""

    what: str                           # "dropped preambular 3 (“Recalling also …”)"
    before: Review


@dataclass(frozen=True)
class Review:
    """A draft under review: which clauses have been answered for, and the steps that led here."""

    draft: Draft
    answered: tuple[bool, ...]          # one flag per clause: the drafter has answered for it
    steps: tuple[Step, ...] = field(default=())

    @classmethod
    def of(cls, draft: Draft) -> Review:
        return cls(draft, (False,) * len(draft.clauses))

    def next(self) -> int | None:
        """The clause to ask about: the first one not answered for."""
        return next((i for i, done in enumerate(self.answered) if not done), None)

    def undo(self) -> Review:
        return self.steps[-1].before if self.steps else self

    def last_step(self) -> str | None:
        return self.steps[-1].what if self.steps else None

    def _then(self, what: str, draft: Draft, answered: list[bool]) -> Review:
        return Review(draft, tuple(answered), (*self.steps, Step(what, self)))

    def keep(self, index: int) -> Review:
        answered = list(self.answered)
        answered[index] = True
        return self._then(f"kept {label(self.draft, index)}", self.draft, answered)

    def keep_rest(self) -> Review:
        return self._then("kept all the rest", self.draft, [True] * len(self.answered))

    def drop(self, index: int) -> Review:
        answered = list(self.answered)
        del answered[index]
        return self._then(f"dropped {label(self.draft, index)}", drop(self.draft, index), answered)

    def move(self, index: int, to: int) -> Review:
        what = label(self.draft, index)
        draft, at = move(self.draft, index, to)
        answered = list(self.answered)
        del answered[index]
        answered.insert(at, True)            # the drafter has seen it: it is not asked about again
        return self._then(f"moved {what} to {naming.label(draft, at)}", draft, answered)

    def add(self, clause: DraftClause, at: int) -> Review:
        draft, index = add(self.draft, clause, at)
        answered = list(self.answered)
        answered.insert(index, False)        # asked about like any other clause
        return self._then(f"added {label(draft, index)}", draft, answered)

    def wording(self, library: Library, index: int, variant_id: str) -> Review:
        draft = choose_wording(self.draft, library, index, variant_id)
        return self._then(f"chose another wording for {label(self.draft, index)}", draft, list(self.answered))

    def value(self, index: int, name: str, value: Any) -> Review:
        draft = set_value(self.draft, index, name, value)
        what = naming.value_name(self.draft.clauses[index].kinds.get(name, "fact"))
        return self._then(f"changed {what} in {label(self.draft, index)}", draft, list(self.answered))

    def heading(self, **changes: Any) -> Review:
        draft = replace(self.draft, heading=replace(self.draft.heading, **changes))
        return Review(draft, self.answered, self.steps)


# --- the summary --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Summary:
    """What the draft is made of, against what drafter made by itself before anything was asked."""

    counts: dict[str, int]              # kept, changed, added, dropped, still to fill, to confirm
    changes: list[str]                  # every drop, move, wording change, value change, addition


def summary(draft: Draft, start: Draft) -> Summary:
    """Against `start` as it would be with the automatic edits the drafter refused since: undoing
    an edit is the refusal, listed as such, and changes no clause of the drafter's."""
    refused = sorted(draft.refused - start.refused)
    for kind in refused:
        start = refuse(start, kind)
    pairs = _pair(draft, start)
    changes = [f"refused the {kind} edits: the base's words stay" for kind in refused]
    kept = changed = 0
    for index, old in enumerate(pairs):
        if old is None:
            continue
        done = _changes_to(draft, index, start, old)
        changes += done
        changed += bool(done)
        kept += not done
    paired = set(pairs)
    changes += [f"dropped {base_label(start, j)}" for j in range(len(start.clauses)) if j not in paired]
    changes += [f"{label(draft, i)}: moved here from {naming.label(start, pairs[i])} of {start.base.number}"
                for i in _moved(draft, pairs)]
    added = [i for i, old in enumerate(pairs) if old is None]
    changes += [f"{label(draft, i)}: added{_from(draft.clauses[i])}" for i in added]
    counts = {"clauses kept": kept, "clauses changed": changed, "clauses added": len(added),
              "clauses dropped": len(start.clauses) - (len(pairs) - len(added)),
              "values still to fill": len(still_to_fill(draft)), "facts to confirm": len(facts_to_confirm(draft))}
    return Summary(counts, changes)


def _pair(draft: Draft, start: Draft) -> list[int | None]:
    """Each clause of the draft with the clause of the start it is: the one carried from the same
    base paragraph, else (answers that do not say) the first unused one of the same family."""
    used: set[int] = set()
    pairs: list[int | None] = []
    by_base = {old.base_index: j for j, old in enumerate(start.clauses) if old.base_index is not None}
    for clause in draft.clauses:
        match = None
        if clause.base_index is not None:
            match = by_base.get(clause.base_index)
        elif not clause.added:
            match = next((j for j, old in enumerate(start.clauses)
                          if j not in used and old.family_id == clause.family_id and old.kind == clause.kind), None)
        if match is not None:
            used.add(match)
        pairs.append(match)
    return pairs


def _changes_to(draft: Draft, index: int, start: Draft, old_index: int) -> list[str]:
    clause, old = draft.clauses[index], start.clauses[old_index]
    if clause.variant.id != old.variant.id:
        return [f"{label(draft, index)}: another wording{_from(clause)}"]
    ctx = context(draft)
    kinds = {name: clause.kinds.get(name, "fact") for name in clause.values}
    return [f"{label(draft, index)}: {naming.value_name(kinds[name])} set to {values.show(kinds[name], value, ctx)}"
            for name, value in clause.values.items()
            if old.values.get(name) != value and not isinstance(value, Placeholder)]


def _from(clause: DraftClause) -> str:
    sources = sources_of(clause.variant)
    return f", as in {sources}" if sources else ""


def _moved(draft: Draft, pairs: list[int | None]) -> list[int]:
    """The clauses out of their old order: all but the longest run that kept its order."""
    moved = []
    for kind in KINDS:
        chain = [(i, old) for i, old in enumerate(pairs) if old is not None and draft.clauses[i].kind == kind]
        keep = _longest_increasing([old for _, old in chain])
        moved += [i for n, (i, _) in enumerate(chain) if n not in keep]
    return sorted(moved)


def _longest_increasing(seq: list[int]) -> set[int]:
    """Positions in `seq` of one longest strictly increasing subsequence (quadratic: a few dozen clauses)."""
    best = [1] * len(seq)
    back = [-1] * len(seq)
    for i in range(len(seq)):
        for j in range(i):
            if seq[j] < seq[i] and best[j] + 1 > best[i]:
                best[i], back[i] = best[j] + 1, j
    out: set[int] = set()
    i = max(range(len(seq)), key=lambda k: best[k], default=-1)
    while i >= 0:
        out.add(i)
        i = back[i]
    return out
