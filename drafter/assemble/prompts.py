"""The terminal: the only module of `drafter new` that reads keys and prints prompts.

Every decision is made by questions.py and every value is read and checked by values.py; this
module shows the clause, offers the choices and hands the answer back. It is built on
prompt_toolkit (questionary's lists, which scroll when they are longer than the screen) and rich
(text wrapped at word boundaries, word diffs in colour, the summary table).

What a person can rely on:
- a default is offered as a default, in brackets: Enter keeps it, typing replaces it;
- a value is checked as it is entered; a refusal says why, with an example, and asks again;
- a word diff marks deletions red and struck through, insertions green and underlined; with
  NO_COLOR set, or when the output is not a terminal, it is plain [-deleted-]{+inserted+} text;
- a listing longer than the screen is shown a screenful at a time.
Ctrl-C raises KeyboardInterrupt all the way up, where the CLI exits with 130 before anything is written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import questionary
from prompt_toolkit import prompt as read_line
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from drafter.assemble import compose, questions, values
from drafter.assemble.draft import Draft, refuse
from drafter.assemble.questions import Declined, Review
from drafter.library.model import Library
from drafter.library.templates import Placeholder
from drafter.worddiff import word_diff

KEEP, WORDING, EDIT, DROP, ADD, MOVE, UNDO, FINISH = (
    "Keep", "Choose another wording", "Edit a value", "Drop", "Add a clause from the library",
    "Move this clause", "Undo", "Keep all the rest and finish")
# One key for each action, as in `git add -p`; the arrows and Enter work as well.
KEYS = {KEEP: "k", WORDING: "w", EDIT: "e", DROP: "d", ADD: "a", MOVE: "m", UNDO: "u", FINISH: "f"}
BACK = "Back"
_KEPT = object()                                   # Enter on a prompt with a default


# --- output -------------------------------------------------------------------------------------

_console: Console | None = None


def console() -> Console:
    global _console
    if _console is None:
        _console = Console(highlight=False, markup=False, emoji=False)
    return _console


def colour() -> bool:
    """Colour and strike-through only on a terminal, and never when NO_COLOR is set."""
    out = console()
    return out.is_terminal and not out.no_color


def say(text: str | Text = "", indent: int = 0) -> None:
    console().print(Padding(text, (0, 0, 0, indent)) if indent else text)


# What a select list prints before a choice's title: " » u) ".
_CHOICE_MARGIN = 7


def fitted(title: str, width: int) -> str:
    """A choice's title within `width` characters, where a select list would cut it at the edge of
    the screen, closing quote and bracket included: the words of the quoted opening it ends with
    ("Undo: kept preambular 3 (“Stressing that the immense …”)") go first, one by one."""
    if len(title) <= width:
        return title
    head, quote, rest = title.rpartition("“")
    inside, closing, tail = rest.rpartition("”")
    words = inside.removesuffix(" …").split()
    while quote and closing and len(words) > 1:
        words.pop()
        shorter = f"{head}“{' '.join(words)} …”{tail}"
        if len(shorter) <= width:
            return shorter
    return title[:max(width - 1, 1)] + "…"


def diff_text(diff: list[tuple[str, str]]) -> Text:
    """A word diff as a reviewer reads it: in colour on a terminal, wdiff's marks elsewhere."""
    out = Text()
    styled = colour()
    for op, words in diff:
        if op == "=":
            out.append(words)
        elif styled:
            out.append(words, style="red strike" if op == "-" else "green underline")
        else:
            out.append(f"[-{words}-]" if op == "-" else f"{{+{words}+}}")
    return out


def numbered(number: int | str, body: Text | str, head: str = "") -> Table:
    """"1. " with the text hanging beside it, wrapped at word boundaries."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    content = Text(head + "\n") + (body if isinstance(body, Text) else Text(body)) if head else body
    grid.add_row(f"{number}.", content)
    return grid


def page(blocks: list, indent: int = 2) -> None:
    """Print `blocks`, a screenful at a time when together they are longer than the screen."""
    out = console()
    room = max(out.size.height - 4, 5)
    used = 0
    for block in blocks:
        rendered = Padding(block, (0, 0, 0, indent))
        height = len(out.render_lines(rendered, out.options, pad=False))
        if used and used + height > room and out.is_terminal:
            if read_line("-- more: Enter; q to stop -- ").strip().lower().startswith("q"):
                return
            used = 0
        out.print(rendered)
        used += height


# --- input --------------------------------------------------------------------------------------

def ask(message: str, read: Callable[[str], Any], default: str | None = None, required: bool = True) -> Any:
    """A line of text, read by `read`; Enter alone keeps `default` (returns _KEPT), or, when
    nothing is required, leaves the value as it is. A value refused is answered with the reason
    and asked again on a fresh, empty line: what was typed never sticks to what is typed next."""
    shown = f" [{default}]" if default else ""
    while True:
        text = read_line(f"{message}{shown}: ")
        if not text.strip():
            if default is not None or not required:
                return _KEPT
            refused("type a value")
            continue
        try:
            return read(text)
        except values.Refused as error:
            refused(str(error))


def refused(reason: str) -> None:
    say(Text(f"  {reason}", style="red" if colour() else ""))


def select(message: str, choices: list, default: Any = None) -> Any:
    """One of `choices`, each title fitted to the screen (a wording's sources, a clause's opening)."""
    width = console().width - _CHOICE_MARGIN
    for choice in choices:
        if isinstance(choice, questionary.Choice) and isinstance(choice.title, str):
            choice.title = fitted(choice.title, width)
    return questionary.select(message, choices=choices, default=default).unsafe_ask()


# --- the flow -----------------------------------------------------------------------------------

def choose(draft: Draft, library: Library, start: Draft, output: Path | None, answers: Path | None,
           fixed: frozenset[str] = frozenset()) -> Draft:
    """Ask about the heading and every clause, show the summary, and return the draft to write.
    `fixed` names the heading values given on the command line (--data), which are not asked;
    `output` None: the draft goes to stdout, without answers."""
    review = _heading(Review.of(draft), fixed)
    while (index := review.next()) is not None:
        review = _clause(review, library, index)
    draft = review.draft
    while True:
        made = compose.edits(draft)
        _summary(draft, start, made, output, answers)
        answer = questionary.select("Write the draft?", use_shortcuts=True, use_jk_keys=False, choices=[
            questionary.Choice("Yes, write it", "yes", shortcut_key="y"),
            *([questionary.Choice("Refuse a kind of automatic edit", "refuse", shortcut_key="r")] if made else []),
            questionary.Choice("No: keep my answers to resume later", "no", shortcut_key="n")]).unsafe_ask()
        if answer == "yes":
            return draft
        if answer == "no":
            raise Declined(draft)
        draft = _refuse(draft, made)


def _refuse(draft: Draft, made: list) -> Draft:
    counts = Counter(edit.kind for edit in made)
    kind = select("Which kind of edit should drafter not make?",
                  [questionary.Choice(f"{kind} ({n} edit{'s' if n != 1 else ''})", kind) for kind, n in counts.items()]
                  + [BACK])
    if kind == BACK:
        return draft
    say(f"No {kind} edits: the base's words stay.")
    return refuse(draft, kind)


def _heading(review: Review, fixed: frozenset[str]) -> Review:
    draft = review.draft
    heading = draft.heading
    say(f"Draft for the {heading.session_title.lower()}, based on {draft.base.number}: {draft.base.title}")
    ctx = questions.context(draft)
    changes = {}
    for name, current in (("symbol", heading.symbol), ("agenda_item", heading.agenda_item),
                          ("sponsor", heading.sponsor)):
        if name in fixed:
            continue
        kind = "draft_symbol" if name == "symbol" else name
        question = _HEADING_QUESTIONS[name] + (" (Enter for none)" if name == "sponsor" and not current else "")
        answer = ask(question, lambda raw, k=kind: values.parse(k, raw, ctx), current or None,
                     required=name != "sponsor")
        if answer is not _KEPT:
            changes[name] = answer
    return review.heading(**changes)


_HEADING_QUESTIONS = {"symbol": "Draft symbol", "agenda_item": "Agenda item", "sponsor": "Sponsor line"}


def _clause(review: Review, library: Library, index: int) -> Review:
    """Show clause `index`, fill what it lacks, and act on the drafter's choice."""
    review = _show_and_fill(review, library, index)
    draft = review.draft
    options = questions.other_wordings(draft, library, index)
    last = review.last_step()
    titles = {WORDING: f"{WORDING} ({len(options)})",
              UNDO: fitted(f"{UNDO}: {last}", console().width - _CHOICE_MARGIN)}
    actions = [KEEP, *([WORDING] if options else []), EDIT, DROP, ADD, MOVE, *([UNDO] if last else []), FINISH]
    action = questionary.select("What to do with it?", use_shortcuts=True, use_jk_keys=False, choices=[
        questionary.Choice(titles.get(a, a), a, shortcut_key=KEYS[a]) for a in actions]).unsafe_ask()
    if action == KEEP:
        return review.keep(index)
    if action == WORDING:
        return _wording(review, library, index, options)
    if action == UNDO:
        say(f"Undone: {last}")
        return review.undo()
    handlers = {EDIT: _edit, DROP: _drop, ADD: _add, MOVE: _move}
    if action in handlers:
        return handlers[action](review, library, index)
    return review.keep_rest()


def _show_and_fill(review: Review, library: Library, index: int) -> Review:
    draft = review.draft
    clause = draft.clauses[index]
    new = ", new to the library" if clause.new_to_library else ""
    added = ", added by you" if clause.added else ""
    say()
    say(Text(f"{questions.heading(draft, index)}{added}{new}", style="bold" if colour() else ""))
    say(questions.clause_text(draft, clause), indent=2)
    for value in questions.values_of(draft, index):
        if isinstance(clause.values[value.name], Placeholder):
            review = _ask_value(review, library, index, value, required=False)
    return review


def _wording(review: Review, library: Library, index: int, options: list[questions.Option]) -> Review:
    say("Other wordings, each against the clause as it stands:")
    page([numbered(n, diff_text(o.diff), f"as in {o.sources or '(no source)'}")
          for n, o in enumerate(options, start=1)])
    picked = select("Which wording?", [questionary.Choice(f"{n}. as in {o.sources}", o.variant.id)
                                       for n, o in enumerate(options, start=1)] + [BACK])
    if picked == BACK:
        return review
    return review.wording(library, index, picked)


def _edit(review: Review, library: Library, index: int) -> Review:
    shown = questions.values_of(review.draft, index)
    if not shown:
        say("This clause has no values to edit.")
        return review
    picked = select("Which value?", [questionary.Choice(f"{v.where}: {v.shown}", v) for v in shown] + [BACK])
    if picked == BACK:
        return review
    return _ask_value(review, library, index, picked, required=True)


def _ask_value(review: Review, library: Library, index: int, value: questions.Value, required: bool) -> Review:
    draft = review.draft
    clause = draft.clauses[index]
    family = questions.family_of(library, clause)

    def read(raw: str) -> Any:
        parsed = questions.parse_value(value.kind, raw, draft)
        reason = questions.check_value(family, value.name, value.kind, parsed, draft)
        if reason:
            raise values.Refused(reason)
        return parsed

    unknown = isinstance(clause.values[value.name], Placeholder)
    question = values.kind(value.kind).question
    where = f" ({value.where})" if value.where else ""
    hint = " (Enter to leave it to fill later)" if unknown and not required else ""
    answer = ask(f"{question.capitalize()}{where}{hint}", read, None if unknown else value.shown,
                 required=required)
    if answer is _KEPT:
        return review
    return review.value(index, value.name, answer)


def _drop(review: Review, library: Library, index: int) -> Review:
    review = review.drop(index)
    say(f"Dropped. {UNDO} is offered with the next clause.")
    return review


def _move(review: Review, library: Library, index: int) -> Review:
    draft = review.draft
    kind = draft.clauses[index].kind
    here = questions.position(draft, index)
    total = questions.count(draft, kind)
    say(f"The {total} {kind} paragraphs:")
    page([f"{line}{'   ← this one' if n == here else ''}"
          for n, line in enumerate(questions.outline(draft, kind), start=1)])
    to = ask(f"New position (1 to {total}, first or last)",
             lambda raw: questions.read_position(raw, kind, total), str(here))
    if to is _KEPT or to == here:
        return review
    return review.move(index, to)


def _add(review: Review, library: Library, index: int) -> Review:
    query = ask("Search the library for (Enter to go back)", str, required=False)
    if query is _KEPT:
        return review
    found = questions.find_to_add(library, query)
    if not found:
        say(f"Nothing in the library matches “{query}”.")
        return review
    draft = review.draft
    clauses = [questions.to_add(draft, library, family, questions.preferred(family)) for family in found]
    page([numbered(n, questions.clause_text(draft, c), _hit_head(draft, c)) for n, c in enumerate(clauses, start=1)])
    picked = select("Which clause?", [questionary.Choice(f"{n}. {questions.opening(draft, c)} ({c.kind})", n - 1)
                                      for n, c in enumerate(clauses, start=1)] + [BACK])
    if picked == BACK:
        return review
    family = found[picked]
    clause = _add_wording(draft, library, family, clauses[picked])
    return _place(review, index, clause)


def _add_wording(draft: Draft, library: Library, family, clause):
    active = [v for v in family.variants if v.status == "active"]
    if len(active) < 2:
        return clause
    candidates = [questions.to_add(draft, library, family, variant) for variant in active]
    say("Its wordings:")
    page([numbered(n, questions.clause_text(draft, c), f"as in {questions.sources_of(c.variant)}")
          for n, c in enumerate(candidates, start=1)])
    picked = select("Which wording?", [questionary.Choice(f"{n}. as in {questions.sources_of(c.variant)}", n - 1)
                                       for n, c in enumerate(candidates, start=1)],
                    default=None)
    return candidates[picked]


def _hit_head(draft: Draft, clause) -> str:
    where = questions.in_draft(draft, clause.family_id)
    return f"{clause.kind}" + (f", already in the draft as {where}" if where else "")


def _place(review: Review, index: int, clause) -> Review:
    """Ask where the clause goes among the paragraphs of its own kind, and put it there."""
    draft = review.draft
    kind = clause.kind
    total = questions.count(draft, kind)
    if draft.clauses[index].kind == kind:
        default = questions.position(draft, index) + 1
    else:
        say(f"This is {'an operative' if kind == 'operative' else 'a preambular'} clause: "
            f"it goes among the {kind} paragraphs.")
        default = 1 if kind == "operative" else total + 1
    if total:
        say(f"The {total} {kind} paragraphs now:")
        page(questions.outline(draft, kind))
    at = ask(f"Its position (1 to {total + 1}, first or last)",
             lambda raw: questions.read_position(raw, kind, total + 1), str(default))
    return review.add(clause, default if at is _KEPT else at)


def _summary(draft: Draft, start: Draft, made: list, output: Path | None, answers: Path | None) -> None:
    found = questions.summary(draft, start)
    table = Table(title="The draft", show_header=False, box=None, padding=(0, 2))
    table.add_column("what")
    table.add_column("how many", justify="right")
    for name, number in found.counts.items():
        table.add_row(name, str(number))
    say()
    say(table)
    _list("What you changed", found.changes)
    if made:
        say(f"What drafter changed by itself ({_kinds(made)}):")
        page([_edit_line(draft, edit) for edit in made])
    _list("Still to fill", questions.still_to_fill(draft))
    _list("Facts to confirm", questions.facts_to_confirm(draft))
    if output is None:
        say("The draft goes to standard output; no answers file is written.")
    else:
        say(f"The draft goes to {output}, its answers to {answers}.")


def _edit_line(draft: Draft, edit) -> Text:
    """One automatic edit: its kind, where, and its words as a diff."""
    place = "" if edit.place == "text" else edit.place
    if edit.clause is not None and edit.clause < len(draft.clauses):
        where = questions.label(draft, edit.clause) + (f", {place}" if place else "")
    else:
        where = place or "heading"                  # the draft's heading, or a section heading
    return Text(f"- {edit.kind}, {where}: ") + diff_text(word_diff(edit.before, edit.after, marks=True))


def _kinds(made: list) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in Counter(edit.kind for edit in made).items())


def _list(title: str, items: list[str]) -> None:
    if not items:
        return
    say(f"{title}:")
    page([f"- {item}" for item in items])


def offer(draft: Draft, library: Library, index: int, change) -> bool:
    """`drafter update`: show a change the library made under a clause, as a word diff, and ask."""
    from drafter.assemble import update

    current = questions.clause_text(draft, draft.clauses[index])
    candidate = update.take(draft, library, index, change.offered)
    say()
    say(f"{questions.label(draft, index)}: {change.what}")
    say(diff_text(word_diff(current, questions.clause_text(candidate, candidate.clauses[index]),
                                      marks=True)), indent=2)
    return questionary.confirm("Take the library's wording?", default=False).unsafe_ask()


def confirm(question: str) -> bool:
    """A yes/no question whose default is no: for what is probably a mistake."""
    return questionary.confirm(question, default=False).unsafe_ask()
