"""`drafter new` at a real terminal (pexpect drives a pty), as a delegate would use it.

Each test waits for what the screen says before it types (no sleeps), with generous timeouts, and
then reads the file written. The clause menu has one key per action (k, w, e, d, a, m, u, f), so
a test picks an action by its key, not by counting arrow presses.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from conftest import ROOT

LIBRARY = str(ROOT / "clause_library")
MENU = r"What to do with it\?.{0,40}?\(Use shortcuts"                   # the menu, not yet answered
ANSWERED = r"What to do with it\? (?:\x1b\[[0-9;]*m)*[A-Z]"               # "? What to do with it? Keep"
COLOUR = re.compile(r"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;5;\d+)m")     # a foreground colour


def flat(screen: str) -> str:
    """What the screen says, as one line of words: escapes out, lines joined (rich wraps at the width)."""
    return " ".join(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen).split())


class Terminal:
    """One `drafter new` run in a pty."""

    def __init__(self, tmp_path: Path, *args: str, session: int = 60, env: dict | None = None,
                 output: str = "draft.txt") -> None:
        self.output = tmp_path / output
        environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
        # pexpect does not answer cursor-position requests as a terminal does; say so to prompt_toolkit.
        environment.update(TERM="xterm-256color", PROMPT_TOOLKIT_NO_CPR="1", **(env or {}))
        self.child = pexpect.spawn(
            sys.executable, ["-m", "drafter", "new", "--session", str(session), "--base", "58/208",
                             "--library", LIBRARY, "--format", "text", "-o", str(self.output), *args],
            cwd=str(tmp_path), encoding="utf-8", timeout=60, dimensions=(200, 160), env=environment)
        self.seen = ""

    def expect(self, pattern: str) -> str:
        self.child.expect(pattern)
        self.seen += self.child.before + self.child.after
        return self.child.before

    def line(self, text: str = "") -> None:
        self.child.sendline(text)

    def heading(self, symbol: str = "", item: str = "", sponsor: str = "") -> None:
        for prompt, answer in (("Draft symbol", symbol), ("Agenda item", item), ("Sponsor line", sponsor)):
            self.expect(prompt)
            self.line(answer)

    def menu(self) -> str:
        """Wait for the clause menu; returns what was shown before it (the clause), flattened."""
        return flat(self.expect(MENU))

    def act(self, key: str, shown: str | None = None) -> str:
        """At the clause menu, press the action's key and Enter; returns what was shown before it."""
        shown = self.menu() if shown is None else shown
        self.child.send(key + "\r")
        self.expect(ANSWERED)
        return shown

    def keep(self, times: int = 1) -> None:
        for _ in range(times):
            self.act("k")

    def finish(self, write: bool = True) -> str:
        self.act("f")
        summary = flat(self.expect(r"Write the draft\?"))
        self.line("y" if write else "n")
        self.child.expect(pexpect.EOF)
        self.seen += self.child.before
        self.child.close()
        return summary

    def text(self) -> str:
        return self.output.read_text(encoding="utf-8")


def pick(term: "Terminal", hits: str, opening: str) -> None:
    """In the list of hits just shown, choose the one whose text begins with `opening`."""
    found = re.search(r"(\d+)\. (?:operative|preambular)(?:, already in the draft as \w+ \d+)? " + re.escape(opening),
                      hits)
    assert found, hits
    term.child.send("\x1b[B" * (int(found.group(1)) - 1) + "\r")


def operative(text: str) -> list[str]:
    return [b for b in text.split("\n\n") if re.match(r"\d+\. ", b)]


def test_typing_over_a_default_and_a_bad_symbol_refused(tmp_path):
    term = Terminal(tmp_path)
    term.expect(r"Draft symbol \[A/C\.2/60/L\.…\]:")          # the default is offered, not pre-filled
    term.line("A/C.2/60/12")
    # Refused with the reason and an example, and asked again: a fresh line, the default shown as a
    # default, nothing of what was refused left in it, so what is typed next is all there is.
    term.expect(r"a draft resolution's symbol has an L\. part \(e\.g\. A/C\.2/60/L\.12\)")
    term.expect(r"Draft symbol \[A/C\.2/60/L\.…\]:")
    term.line("A/C.2/60/L.12")
    term.expect(r"Agenda item \[Agenda item …\]")
    term.line("foo")
    term.expect(r"not an agenda item \(e\.g\. Agenda item 18 \(c\)\)")
    term.expect(r"Agenda item \[Agenda item …\]:")
    term.line("52 (c)")
    term.expect("Sponsor line")
    term.line("")
    term.finish()
    assert term.child.exitstatus == 0
    heading = term.text().split("\n\n")[0]
    # Typing replaced the default: no "A/C.2/60/L.…A/C.2/60/L.12".
    assert "A/C.2/60/L.12" in heading and "…" not in heading.split("A/C.2/60/L.12")[0][-3:]
    assert "Agenda item 52 (c)" in term.text()
    saved = yaml.safe_load((tmp_path / "draft.txt.answers.yaml").read_text())
    assert saved["heading"]["symbol"] == "A/C.2/60/L.12"


def test_enter_keeps_a_default(tmp_path):
    term = Terminal(tmp_path)
    term.heading()
    term.finish()
    saved = yaml.safe_load((tmp_path / "draft.txt.answers.yaml").read_text())
    assert saved["heading"]["symbol"] == "A/C.2/60/L.…" and saved["heading"]["agenda_item"] == "Agenda item …"


def _wordings(tmp_path: Path, env: dict | None = None) -> str:
    term = Terminal(tmp_path, env=env)
    term.heading()
    term.act("w")                                   # the first clause has four other wordings
    shown = term.expect("Which wording")
    term.child.sendintr()
    term.child.expect(pexpect.EOF)
    return shown


def test_word_diffs_in_colour(tmp_path):
    shown = _wordings(tmp_path)
    # 52/189 lacks the key actions of S-21/2: struck through in red (SGR 9 and 31).
    assert re.search(r"\x1b\[[0-9;]*9[;m].*?key actions", shown) and "\x1b[" in shown and "31" in shown
    assert "[-" not in shown and "{+" not in shown


def test_no_color_gives_plain_marks(tmp_path):
    shown = _wordings(tmp_path, env={"NO_COLOR": "1"})
    assert not COLOUR.search(shown), repr(COLOUR.search(shown))
    assert "[-key actions for the further" in shown and "{+ and+}" in shown


def test_each_wording_is_shown_once_and_none_is_the_same(tmp_path):
    shown = _wordings(tmp_path, env={"NO_COLOR": "1"})
    headers = re.findall(r"\d\. as in ([^\r\n]+)", shown)
    assert len(headers) == len(set(headers)) == 4
    # Every wording offered differs from the clause as it stands.
    blocks = re.split(r"\d\. as in [^\r\n]+", shown)[1:]
    assert all("[-" in block or "{+" in block for block in blocks)


def test_move_shows_an_outline_and_asks_about_the_next_clause(tmp_path):
    term = Terminal(tmp_path)
    term.heading()
    term.keep(16)                                   # the preamble
    term.expect("document symbol")
    term.line("")                                   # op. 1's report symbol: later
    term.keep()
    shown = term.act("m")                           # op. 2, "Urges Member States ..."
    assert "Operative paragraph 2 of 11" in shown and "Urges Member States" in shown
    outline = flat(term.expect(r"New position \(1 to 11, first or last\) \[2\]"))
    assert "2. Urges Member States and the United Nations system to … ← this one" in outline
    assert "11. Decides to include in the provisional agenda of its …" in outline
    term.line("last")
    # The clause that followed is asked about next: nothing skipped.
    shown = term.menu()
    assert "Operative paragraph 2 of 11" in shown and "Calls upon all relevant bodies" in shown
    term.act("f", shown)
    summary = flat(term.expect(r"Write the draft\?"))
    # Named as the draft will print it, with the base's number said to be the base's.
    assert "operative 11 (“Urges Member States and the United …”): moved here from operative 2 of 58/208" in summary
    term.line("y")
    term.child.expect(pexpect.EOF)
    paragraphs = operative(term.text())
    assert paragraphs[1].startswith("2. Calls upon all relevant bodies")
    # Punctuation follows the new order: the old last paragraph gives up its full stop.
    assert paragraphs[9].endswith("“International migration and development”;")
    assert paragraphs[10].startswith("11. Urges Member States") and paragraphs[10].endswith("all those concerned.")
    assert sum(p.endswith(".") for p in paragraphs) == 1


def test_add_a_clause_at_a_position_and_review_it(tmp_path):
    term = Terminal(tmp_path)
    term.heading()
    term.keep(2)
    term.act("a")                                   # at preambular 3
    term.expect("Search the library for")
    term.line("remittances")
    hits = flat(term.expect("Which clause"))
    # Each hit shows its text, filled, not an id.
    assert "Reaffirms that there is a need to address and to promote conditions for cheaper" in hits
    assert "already in the draft as preambular 16" in hits and "op-" not in hits
    pick(term, hits, "Reaffirms that there is a need")   # an operative clause
    placed = flat(term.expect(r"Its position \(1 to 12, first or last\) \[1\]"))
    assert "This is an operative clause: it goes among the operative paragraphs." in placed
    term.line("3")
    # Back at the clause the drafter was on; the added one is asked about when its turn comes.
    shown = term.menu()
    assert "Preambular paragraph 3 of 16" in shown
    term.act("k", shown)
    term.keep(13)
    term.expect("document symbol")
    term.line("A/60/205")
    term.keep(2)
    shown = term.act("k")
    assert "Operative paragraph 3 of 12, added by you" in shown and "Reaffirms that there is a need" in shown
    summary = term.finish()
    assert re.search(r"clauses added\s+1", summary) and "operative 3 (“Reaffirms that there is a need …”): added" in summary
    paragraphs = operative(term.text())
    assert paragraphs[2].startswith("3. Reaffirms that there is a need") and paragraphs[2].endswith("action;")
    assert len(paragraphs) == 12


def test_a_preambular_clause_added_at_preambular_3_is_preambular_3(tmp_path):
    term = Terminal(tmp_path)
    term.heading()
    term.keep(2)
    term.act("a")
    term.expect("Search the library for")
    term.line("increasing feminization of international migration")
    hits = flat(term.expect("Which clause"))
    pick(term, hits, "Recognizing that the increasing feminization")
    term.expect(r"Its position \(1 to 17, first or last\) \[4\]")    # by default after this clause
    term.line("3")
    shown = term.menu()
    assert "Preambular paragraph 3 of 17, added by you" in shown
    assert "Recognizing that the increasing feminization" in shown
    term.act("k", shown)
    term.finish()
    preamble = term.text().split("The General Assembly,\n\n", 1)[1].split("\n\n")
    assert preamble[2].startswith("Recognizing that the increasing feminization of international migration")
    # The clause now between "Recalling also" and "Recalling further" parts the run of "Recalling"
    # paragraphs, so the one after it starts a run of its own (drafter/assemble/edits/sequence.py).
    assert preamble[3].startswith("Recalling its resolution 57/270 B")


def test_drop_and_undo(tmp_path):
    term = Terminal(tmp_path)
    term.heading()
    term.act("d")
    shown = term.menu()
    assert "Preambular paragraph 1 of 15" in shown and "Recalling also its resolutions" in shown
    term.act("u", shown)
    shown = term.menu()
    assert "Undone: dropped preambular 1" in shown and "Preambular paragraph 1 of 16" in shown
    term.act("d", shown)
    summary = term.finish()
    assert re.search(r"clauses dropped\s+1", summary) and "dropped preambular 1 of 58/208 (“Recalling the Programme" in summary
    assert "Recalling the Programme of Action" not in term.text()


def _to_the_last_clause(term: Terminal) -> None:
    term.heading()
    term.keep(16)
    term.expect("document symbol")
    term.line("")
    term.keep(10)


def test_a_session_is_asked_as_a_number(tmp_path):
    term = Terminal(tmp_path)
    _to_the_last_clause(term)
    term.act("e")
    term.expect("Which value")
    term.child.send("\r")
    term.expect(r"The session, as a number \(after “… the provisional agenda of its”\) \[61\]")
    term.line("2")
    term.expect(r"session 2 is before this draft's session, 60: give one from 60 to 70 \(e\.g\. 61\)")
    term.line("62")
    shown = term.menu()
    assert "provisional agenda of its sixty-second session" in shown
    term.act("k", shown)
    term.expect(r"Write the draft\?")
    term.line("y")
    term.child.expect(pexpect.EOF)
    assert operative(term.text())[-1].startswith("11. Decides to include in the provisional agenda of its "
                                                 "sixty-second session")


def test_an_impossible_date_is_refused(tmp_path):
    term = Terminal(tmp_path)
    term.heading()
    term.keep()
    term.act("e")                                   # "Recalling also its resolutions ... decision 1995/313"
    term.expect("Which value")
    listing = flat(term.expect("Back"))
    # Values as a delegate writes them, never Python reprs.
    assert "49/127 of 19 December 1994, 50/123 of 20 December 1995" in listing and "{'number'" not in listing
    term.child.send("\x1b[B\r")                     # the Council decision
    term.expect(r"\[1995/313 of 27 July 1995\]")
    term.line("1995/313 of 31 February 1995")
    term.expect("31 February 1995 is not a date: February 1995 has 28 days")
    term.line("1995/313 of 28 July 1995")
    shown = term.menu()
    assert "decision 1995/313 of 28 July 1995" in shown
    term.act("f", shown)
    term.expect(r"Write the draft\?")
    term.line("y")
    term.child.expect(pexpect.EOF)
    # A date typed anew is written as the UN writes one, the day held to its month.
    assert "Economic and Social Council decision 1995/313 of 28\u00a0July 1995," in term.text()


def test_decline_then_resume(tmp_path):
    term = Terminal(tmp_path)
    term.heading(symbol="A/C.2/60/L.12", item="52 (c)", sponsor="Qatar (on behalf of the Group of 77 and China)")
    term.act("d")
    term.finish(write=False)
    # Saying no is no error: said plainly, with the exit code --help gives (1: nothing written).
    assert term.child.exitstatus == 1
    assert "drafter: not written: you declined at the summary; your choices are saved in" in flat(term.seen)
    assert "error" not in term.seen and "--answers" in term.seen
    assert not term.output.exists()
    answers = tmp_path / "draft.txt.answers.yaml"
    assert yaml.safe_load(answers.read_text())["heading"]["symbol"] == "A/C.2/60/L.12"

    again = Terminal(tmp_path, "--answers", str(answers))
    again.expect(r"Draft symbol \[A/C\.2/60/L\.12\]")          # the saved answers are the defaults
    again.line("")
    again.expect(r"Agenda item \[Agenda item 52 \(c\)\]")
    again.line("")
    again.expect(r"Sponsor line \[Qatar \(on behalf of the Group of 77 and China\)\]")
    again.line("")
    shown = again.act("f")
    assert "Preambular paragraph 1 of 15" in shown            # the drop was kept
    again.expect(r"Write the draft\?")
    again.line("y")
    again.child.expect(pexpect.EOF)
    again.child.close()
    assert again.child.exitstatus == 0
    text = again.text()
    assert "Qatar (on behalf of the Group of 77 and China)" in text and "Recalling the Programme" not in text


def test_data_values_are_not_asked(tmp_path):
    term = Terminal(tmp_path, "--data", "symbol=A/C.2/60/L.12", "--data", "agenda_item=52 (c)")
    term.expect("Sponsor line")                     # the first question left
    assert "Draft symbol" not in term.seen and "Agenda item" not in term.seen
    term.line("")
    term.finish()
    assert "A/C.2/60/L.12" in term.text() and "Agenda item 52 (c)" in term.text()


@pytest.mark.parametrize("rows", [20])
def test_a_long_list_is_shown_a_screenful_at_a_time(tmp_path, rows):
    term = Terminal(tmp_path)
    term.child.setwinsize(rows, 100)
    term.heading()
    term.act("w")
    first = flat(term.expect("-- more: Enter; q to stop --"))
    assert "1. as in 52/189" in first and "4. as in" not in first
    term.line("")                                   # the next screenful starts where the first stopped
    term.expect(r"(\d)\. as in")
    assert term.child.match.group(1) in "23"
    term.expect("-- more: Enter; q to stop --")
    term.line("q")                                  # enough: straight to the choice
    term.expect("Which wording")
    term.child.sendintr()
    term.child.expect(pexpect.EOF)
    term.child.close()
    assert term.child.exitstatus == 130


def test_the_summary_lists_drafters_own_edits_and_one_kind_can_be_refused(tmp_path):
    term = Terminal(tmp_path, env={"NO_COLOR": "1"})
    term.heading()
    term.act("f")
    summary = flat(term.expect(r"Write the draft\?"))
    assert "What drafter changed by itself (1 series, 1 report, 4 session):" in summary
    assert "- session, operative 11 (“Decides to include in the provisional …”): [-fifty-ninth-]{+sixty-first+} session" \
        in summary
    assert "Still to fill: - draft symbol (A/C.2/60/L.…) - date of issue - agenda item - sponsor line - operative 1" in summary
    assert re.search(r"clauses changed\s+0", summary) and "What you changed" not in summary
    term.child.send("r\r")
    term.expect("Which kind of edit should drafter not make")
    term.child.send("\r")                          # series, report, session: the first
    again = flat(term.expect(r"Write the draft\?"))
    # The refusal is listed as one, not as a value the drafter changed in the clause it undid.
    assert "What you changed: - refused the series edits: the base's words stay" in again
    assert re.search(r"clauses changed\s+0", again) and "citations" not in again and "resolutions with" not in again
    term.child.send("r\r")
    term.expect("Which kind of edit should drafter not make")
    term.child.send("\x1b[B\r")                    # report, session: the second
    again = flat(term.expect(r"Write the draft\?"))
    assert "No session edits: the base's words stay." in again
    assert "(1 report):" in again and "{+sixty-first+}" not in again
    term.line("y")
    term.child.expect(pexpect.EOF)
    text = term.text()
    assert "provisional agenda of its fifty-ninth session" in text
    assert yaml.safe_load((tmp_path / "draft.txt.answers.yaml").read_text())["no_edit"] == ["series", "session"]
