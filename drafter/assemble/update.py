"""`drafter update`: a draft made again from its answers against a newer library, every choice kept.

The analogue of `copier update`. The answers file says which wording of which family each clause
took and which resolutions the library held then (`library_sources`); the library as it is now says
what became of those choices. For each clause, what changed under it:

    new wording   the family has a wording from a resolution mined since (the newest is offered)
    preferred     a curator made another wording the family's preferred one
    deprecated    the wording in use has no source any more (still usable, marked so)
    moved         the wording in use now belongs to another family: families were split or merged
    gone          neither the family nor the wording is in the library any more

Each change is offered to the drafter (prompts), or listed and the old choice kept (--no-input);
only a clause that is gone cannot be kept, and is dropped with a word. No I/O here.
"""

from __future__ import annotations

import copy
from typing import Any

from drafter.assemble import questions
from drafter.assemble.draft import Draft
from drafter.library.model import Family, Library, Variant
from drafter.records import dataclass


@dataclass(frozen=True)
class Change:
    clause: int                          # index in the answers' clauses (and in the draft)
    kind: str                            # "new wording", "preferred", "deprecated", "moved", "gone"
    family: str
    what: str                            # what became of it, for the drafter (`described` names the clause)
    offered: tuple[str, str] | None      # (family id, variant id) the clause may switch to


def changes(data: dict[str, Any], library: Library) -> list[Change]:
    known = set(data.get("library_sources") or ())
    fresh = {s.number for s in library.sources} - known if known else set()
    out: list[Change] = []
    for index, item in enumerate(data["clauses"]):
        if "wording" in item:
            continue                     # new to the library: its wording is in the answers
        out += _changes_to(index, item, library, fresh)
    return out


def _changes_to(index: int, item: dict[str, Any], library: Library, fresh: set[str]) -> list[Change]:
    family = library.family(item["family"])
    variant = family.variant(item["variant"]) if family else None
    if variant is None:
        home = _home_of(library, item["variant"])
        if home is None:
            return [Change(index, "gone", item["family"], f"a {item['kind']} clause: neither its family "
                           f"({item['family']}) nor its wording is in the library any more; it is dropped", None)]
        return [Change(index, "moved", item["family"], f"its wording is now in family {home.id} (the library "
                       f"split or merged {item['family']})", (home.id, item["variant"]))]
    out = []
    if variant.status != "active":
        home = _home_of(library, variant.id, active=True, besides=family.id)
        if home is not None:
            out.append(Change(index, "moved", family.id, f"its wording is now in family {home.id} (the library "
                              f"split or merged {family.id})", (home.id, variant.id)))
        else:
            offered = questions.preferred(family)
            out.append(Change(index, "deprecated", family.id, "the wording in use is deprecated (no resolution "
                              "in the library has it any more)",
                              (family.id, offered.id) if offered.status == "active" else None))
    newer = _newest(family, fresh, besides=variant.id)
    if newer is not None:
        out.append(Change(index, "new wording", family.id, f"a new wording, as in {questions.sources_of(newer)}",
                          (family.id, newer.id)))
    elif family.preferred_variant and family.preferred_variant != variant.id \
            and item.get("family_version") != family.version:
        out.append(Change(index, "preferred", family.id, "the library now prefers another wording",
                          (family.id, family.preferred_variant)))
    return out


def _home_of(library: Library, variant_id: str, active: bool = False, besides: str | None = None) -> Family | None:
    for family in library.iter_families():
        if family.id == besides:
            continue
        variant = family.variant(variant_id)
        if variant is not None and (not active or variant.status == "active"):
            return family
    return None


def _newest(family: Family, fresh: set[str], besides: str) -> Variant | None:
    """The family's last active wording that a resolution mined since the answers supports."""
    found = [v for v in family.variants if v.id != besides and v.status == "active"
             and any(s.ref.resolution.split(" ")[0] in fresh for s in v.sources)]
    return found[-1] if found else None


def prepared(data: dict[str, Any], found: list[Change]) -> dict[str, Any]:
    """The answers as the library can read them now: a clause whose wording moved follows it to
    its new family (the same wording: nothing to ask), a clause that is gone is left out."""
    out = copy.deepcopy(data)
    for change in found:
        if change.kind == "moved":
            out["clauses"][change.clause]["family"] = change.offered[0]
    gone = {change.clause for change in found if change.kind == "gone"}
    out["clauses"] = [c for i, c in enumerate(out["clauses"]) if i not in gone]
    return out


def described(draft: Draft, found: list[Change], change: Change) -> str:
    """The change, with its clause named as the draft prints it ("operative 7 (“Calls upon …”): ...");
    a clause gone from the library is in the draft no more, and is named by its kind."""
    if change.kind == "gone":
        return change.what
    return f"{questions.label(draft, position_in(found, change))}: {change.what}"


def position_in(found: list[Change], change: Change) -> int:
    """Where the clause of `change` is in the draft made from `prepared` answers."""
    return change.clause - sum(1 for c in found if c.kind == "gone" and c.clause < change.clause)


def questions_of(found: list[Change]) -> list[Change]:
    """The changes a drafter can say yes or no to."""
    return [c for c in found if c.offered is not None and c.kind not in ("moved", "gone")]


def take(draft: Draft, library: Library, index: int, offered: tuple[str, str]) -> Draft:
    """Clause `index` in the offered wording of its family."""
    return questions.choose_wording(draft, library, index, offered[1])
