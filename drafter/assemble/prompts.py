"""The terminal: the only module of `drafter new` that reads keys and prints prompts.

Built on questionary (prompt_toolkit). Every decision is made by questions.py; this module shows the
clause, offers the choices, and hands the answer back. Ctrl-C raises KeyboardInterrupt all the way
up (`unsafe_ask`), where the CLI exits with 130 before anything is written.
"""

from __future__ import annotations

import questionary

from drafter.assemble import questions
from drafter.assemble.draft import Draft
from drafter.errors import DrafterError
from drafter.library.model import Library
from drafter.library.templates import Placeholder

KEEP, WORDING, EDIT, DROP, ADD, MOVE, FINISH = (
    "Keep", "Choose another wording", "Edit a value", "Drop", "Add a clause from the library here",
    "Move this clause", "Keep all the rest and finish")


def choose(draft: Draft, library: Library) -> Draft:
    draft = _heading(draft)
    index = 0
    while index < len(draft.clauses):
        draft, step = _clause(draft, library, index)
        if step is None:
            break
        index += step
    print()
    print("\n".join(questions.summary(draft)))
    if not questionary.confirm("Write the draft?", default=True).unsafe_ask():
        raise DrafterError("not written: you declined at the summary")
    return draft


def _heading(draft: Draft) -> Draft:
    heading = draft.heading
    print(f"Draft for the {heading.session_title.lower()}, based on {draft.base.number}: {draft.base.title}")
    symbol = questionary.text("Draft symbol:", default=heading.symbol).unsafe_ask().strip() or heading.symbol
    item = questionary.text("Agenda item:", default=heading.agenda_item).unsafe_ask().strip() or heading.agenda_item
    sponsor = questionary.text("Sponsor line (empty for none):", default=heading.sponsor or "").unsafe_ask().strip()
    heading.symbol, heading.agenda_item, heading.sponsor = symbol, item, sponsor or None
    return draft


def _clause(draft: Draft, library: Library, index: int) -> tuple[Draft, int | None]:
    """Show clause `index` and act on the choice; returns the draft and how far to step (None: stop)."""
    clause = draft.clauses[index]
    print()
    print(f"Clause {index + 1} of {len(draft.clauses)} ({clause.kind}, {clause.family_id}"
          f"{', new to the library' if clause.new_to_library else ''})")
    print(questions.clause_text(draft, clause))
    draft = _fill_unknowns(draft, library, index)
    options = questions.other_wordings(draft, library, index)
    choices = [KEEP, *([f"{WORDING} ({len(options)})"] if options else []), EDIT, DROP, ADD, MOVE, FINISH]
    action = questionary.select("What to do with it?", choices=choices, default=KEEP).unsafe_ask()
    if action == KEEP:
        return draft, 1
    if action.startswith(WORDING):
        return _wording(draft, library, index, options), 0
    if action == EDIT:
        return _edit(draft, library, index), 0
    if action == DROP:
        return questions.drop(draft, index), 0
    if action == ADD:
        return _add(draft, library, index), 1
    if action == MOVE:
        return _move(draft, index), 1
    return draft, None


def _fill_unknowns(draft: Draft, library: Library, index: int) -> Draft:
    clause = draft.clauses[index]
    for name, value in clause.values.items():
        if isinstance(value, Placeholder):
            draft = _ask_value(draft, library, index, name, required=False)
    return draft


def _wording(draft: Draft, library: Library, index: int, options) -> Draft:
    for number, option in enumerate(options, start=1):
        print(f"\n  {number}. {option.variant.id} — from {option.sources}")
        print(f"     {option.text}")
        print(f"     changes: {option.diff}")
    picked = questionary.select(
        "Which wording?", choices=[questionary.Choice(f"{n}. {o.variant.id} ({o.sources})", o.variant.id)
                                   for n, o in enumerate(options, start=1)] + ["Back"]).unsafe_ask()
    if picked == "Back":
        return draft
    return questions.choose_wording(draft, library, index, picked)


def _edit(draft: Draft, library: Library, index: int) -> Draft:
    clause = draft.clauses[index]
    if not clause.values:
        print("This clause has no values to edit.")
        return draft
    name = questionary.select("Which value?", choices=[
        questionary.Choice(f"{name} = {value}", name) for name, value in clause.values.items()]).unsafe_ask()
    return _ask_value(draft, library, index, name, required=True)


def _ask_value(draft: Draft, library: Library, index: int, name: str, required: bool) -> Draft:
    clause = draft.clauses[index]
    kind = clause.kinds.get(name, "fact")
    family = questions.family_of(library, clause)
    current = clause.values.get(name)
    default = "" if isinstance(current, Placeholder) else _shown(current)

    def validate(raw: str) -> bool | str:
        if not raw.strip():
            return True if not required else "type a value"
        try:
            value = questions.parse_value(kind, raw)
        except ValueError as error:
            return str(error)
        return questions.check_value(family, name, value) or True

    hint = "" if required else " (Enter to leave it to fill later)"
    raw = questionary.text(f"{name} ({kind}){hint}:", default=default, validate=validate).unsafe_ask()
    if not raw.strip():
        return draft
    return questions.set_value(draft, index, name, questions.parse_value(kind, raw))


def _shown(value) -> str:
    if isinstance(value, list):
        from drafter.library.templates import citations
        return citations(value)
    return "" if value is None else str(value)


def _add(draft: Draft, library: Library, index: int) -> Draft:
    text = questionary.text("Search the library for:").unsafe_ask().strip()
    found = questions.find_to_add(library, text) if text else []
    if not found:
        print("Nothing found.")
        return draft
    family_id = questionary.select("Which clause?", choices=[
        questionary.Choice(f"{f.id} ({f.kind})", f.id) for f in found] + ["Back"]).unsafe_ask()
    if family_id == "Back":
        return draft
    family = library.family(family_id)
    active = [v for v in family.variants if v.status == "active"] or list(family.variants)
    variant = active[-1]
    if len(active) > 1:
        variant_id = questionary.select("Which wording?", choices=[
            questionary.Choice(f"{v.id}: {v.template[:90]}", v.id) for v in active]).unsafe_ask()
        variant = family.variant(variant_id)
    return questions.add(draft, library, family, variant, index)


def _move(draft: Draft, index: int) -> Draft:
    clause = draft.clauses[index]
    count = sum(1 for c in draft.clauses if c.kind == clause.kind)

    def validate(raw: str) -> bool | str:
        return True if raw.isdigit() and 1 <= int(raw) <= count else f"a number from 1 to {count}"

    raw = questionary.text(f"New position among the {count} {clause.kind} paragraphs:",
                           validate=validate).unsafe_ask()
    return questions.move(draft, index, int(raw) - 1)


def confirm(question: str) -> bool:
    """A yes/no question whose default is no: for what is probably a mistake."""
    return questionary.confirm(question, default=False).unsafe_ask()
