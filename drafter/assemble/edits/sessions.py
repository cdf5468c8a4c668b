"""The body's own sessions keep their distance to the adopting session.

Templates store a session as `session + offset` (drafter.library.slots), so filling a clause for the
new session moves every reference to the body's own regular sessions by itself: 58/208's "at its
fifty-ninth session" is +1 and becomes "sixty-first" in a draft for the 60th. Special sessions,
other bodies' sessions and sessions already held are not slots and stay as written. Text that is
carried rather than templated (closing words after sub-paragraphs) is moved by the same rule.
Refused, every clause is filled for the base's session instead, which gives back its words.
"""

from __future__ import annotations

from drafter.assemble.edits import Edit
from drafter.ordinals import ordinal_words

KIND = "session"
WHY = "the body's own session keeps its distance to the adopting session"


def fill_session(draft) -> int | None:
    """The session to fill templates for."""
    if KIND in draft.refused and draft.base.session is not None:
        return draft.base.session
    return draft.session


def listed(clause, index: int, base_session: int | None, session: int, carried_notes=frozenset()) -> list[Edit]:
    """The sessions a clause's filling moved; not those in footnotes carried as adopted."""
    if base_session is None or base_session == session:
        return []
    out = []
    for name, kind in clause.kinds.items():
        offset = clause.values.get(name)
        if kind != "session" or not isinstance(offset, int) or _only_in(clause.variant, name, carried_notes):
            continue
        before, after = base_session + offset, session + offset
        if 1 <= before <= 999 and 1 <= after <= 999:
            out.append(Edit(KIND, index, f"{ordinal_words(before)} session", f"{ordinal_words(after)} session",
                            f"{WHY} ({offset:+d})"))
    return out


def _only_in(variant, name: str, notes) -> bool:
    """Does parameter `name` stand only in the footnotes `notes` (indexes) of the wording?"""
    used = f"(session + {name})"
    if used in variant.template or any(used in sub.template for sub in _subs(variant.subparagraphs)):
        return False
    return all(k in notes for k, note in enumerate(variant.footnotes) if used in note)


def _subs(subs):
    for sub in subs:
        yield sub
        yield from _subs(sub.subparagraphs)


def move(text: str, base_session: int | None, session: int, body: str):
    """Cuts moving the body's own sessions in a carried text (see drafter.library.slots)."""
    if base_session is None or base_session == session or "session" not in text.lower():
        return []
    # Imported here: a draft whose every text is a template never needs the slot finder.
    from drafter.library.slots import find_slots

    cuts = []
    for slot in find_slots(text, base_session, body, facts=False):
        if slot.kind == "session" and 1 <= session + slot.value <= 999:
            words = ordinal_words(session + slot.value)
            if slot.style == "Ordinal":
                words = words[:1].upper() + words[1:]
            cuts.append((slot.start, slot.end, words))
    return cuts
