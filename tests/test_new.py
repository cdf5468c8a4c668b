"""`drafter new`: next session's draft from a base, with every mechanical edit made."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from conftest import ROOT, corpus_or_skip

LIBRARY = str(ROOT / "clause_library")


def drafter(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120, stdin=subprocess.DEVNULL)


def new_text(tmp_path: Path, base: str, session: int, *extra: str) -> tuple[str, subprocess.CompletedProcess]:
    out = tmp_path / f"{base.replace('/', '-')}-{session}.txt"
    result = drafter("new", "--session", str(session), "--base", base, "--library", LIBRARY, "--no-input",
                     "--format", "text", "-o", str(out), *extra, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8"), result


def paragraphs(text: str) -> tuple[list[str], list[str]]:
    blocks = text.split("\n\n")
    start = next(i for i, b in enumerate(blocks) if b.startswith("The ") and b.endswith(","))
    body = [b for b in blocks[start + 1:] if not b.startswith("_______________")]
    operative = [b for b in body if b.split(" ", 1)[0].rstrip(".").isdigit()]
    return [b for b in body if b not in operative], operative


def test_58_208_for_the_sixtieth_session(tmp_path):
    text, result = new_text(tmp_path, "58/208", 60)
    preamble, operative = paragraphs(text)
    assert (len(preamble), len(operative)) == (16, 11)
    # The base joins its series' list as the UN writes a date (the day held to its month); what the
    # list held keeps the seed's own spacing.
    assert preamble[1].endswith("… 56/203 of 21 December 2001 and 58/208 of 23\u00a0December 2003 on international "
                                "migration and development, as well as Economic and Social Council decision "
                                "1995/313 of 27 July 1995,".split("… ", 1)[1])
    assert operative[-1] == ("11. Decides to include in the provisional agenda of its sixty-first session the "
                             "sub-item entitled “International migration and development”.")
    assert "fifty-ninth" not in text
    # The footnote that cited the old report points at a placeholder for the new one.
    assert "A/58/98" not in text and "¹² [to fill: symbol]." in text
    assert "Sixtieth session" in text.split("\n\n")[0]
    assert "plenary meeting" not in text
    # What is left to fill, named as the summary names it: by the paragraph and the note the draft prints.
    assert "operative 1 (“Takes note of the report of …”): a document symbol (in footnote 12, at the start)" \
        in result.stdout and "op-takes-note" not in result.stdout


def test_56_203_for_the_fifty_eighth_session(tmp_path):
    text, _ = new_text(tmp_path, "56/203", 58)
    preamble, _ = paragraphs(text)
    assert "… 54/212 of 22 December 1999 and 56/203 of 21\u00a0December 2001 on international migration and development,".split("… ")[1] in preamble[1]
    # Special sessions are not the Assembly's regular sessions: they stay as written.
    assert "twenty-fourth⁵ and twenty-fifth⁶ special sessions of the General Assembly" in preamble[0]


def test_commission_resolution_counts_its_own_sessions(tmp_path):
    text, _ = new_text(tmp_path, "2006/2", 40)
    assert "The Commission on Population and Development," in text
    assert "Fortieth session" in text
    assert "the report of the Commission on its fortieth session to the High-level Dialogue." in text
    # Another body's session (the Assembly's, spoken of by the Commission) stays as written.
    assert "held during the sixty-first session of the General Assembly" in text


def test_answers_replay_byte_for_byte_and_a_chosen_wording(tmp_path):
    first, _ = new_text(tmp_path, "58/208", 60)
    answers_path = tmp_path / "58-208-60.txt.answers.yaml"
    answers = yaml.safe_load(answers_path.read_text())
    assert answers["library_version"] and answers["base"] == "58/208" and answers["session"] == 60
    again = drafter("new", "--session", "60", "--base", "58/208", "--library", LIBRARY, "--no-input",
                    "--format", "text", "--answers", str(answers_path), "-o", str(tmp_path / "again.txt"),
                    cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again.txt").read_text(encoding="utf-8") == first

    # A delegate picks the 52/189 wording for the clause on remaining in one's country.
    library = yaml.safe_load((ROOT / "clause_library" / "families" /
                              "op-calls-upon-international-community-seek-make.yaml").read_text())
    old = next(v for v in library["variants"] if v["sources"][0]["resolution"] == "52/189")
    clause = next(c for c in answers["clauses"] if c["family"] == library["id"])
    clause.update(variant=old["id"], values={})
    answers_path.write_text(yaml.safe_dump(answers, allow_unicode=True))
    text, _ = new_text(tmp_path, "58/208", 60, "--answers", str(answers_path), "--force")
    assert ("7. Calls upon the international community to seek to make the option of remaining in one’s country "
            "viable for all people; to that end,") in text


@pytest.mark.parametrize("change, key", [
    (lambda a: a.update(session="sixty"), "session"),
    (lambda a: a["clauses"][0].update(family="pp-no-such-family"), "clauses[0].family"),
    (lambda a: a["clauses"][0].update(variant="v0000000000"), "clauses[0].variant"),
    (lambda a: a["clauses"][16]["values"].update(symbol="not a symbol"), "clauses[16].values.symbol"),
    (lambda a: a["clauses"][26]["values"].update(session_offset=-3), "clauses[26].values.session_offset"),
])
def test_bad_answers_name_the_key(tmp_path, change, key):
    new_text(tmp_path, "58/208", 60)
    path = tmp_path / "58-208-60.txt.answers.yaml"
    answers = yaml.safe_load(path.read_text())
    change(answers)
    path.write_text(yaml.safe_dump(answers, allow_unicode=True))
    result = drafter("new", "--session", "60", "--base", "58/208", "--library", LIBRARY, "--no-input",
                     "--format", "text", "--answers", str(path), "-o", str(tmp_path / "x.txt"), cwd=tmp_path)
    assert result.returncode == 1
    assert f"{path}: {key}:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "x.txt").exists()


def test_template_syntax_in_a_source_is_text(tmp_path):
    # A clause that carries jinja2 syntax from its source must come out exactly as written.
    seed = (ROOT / "seeds" / "001_dc7a3f17028d8240.txt").read_text(encoding="utf-8")
    base = tmp_path / "base.txt"
    base.write_text(seed.replace("Round tables and informal exchanges are useful for dialogue;",
                                 "Round tables {{ 7*7 }} and {% for x in y %}exchanges{# c #} are useful;"),
                    encoding="utf-8")
    text, _ = new_text(tmp_path, str(base), 60)
    assert "(c) Round tables {{ 7*7 }} and {% for x in y %}exchanges{# c #} are useful;" in text


def test_base_from_another_series_as_a_file(tmp_path):
    corpus = corpus_or_skip()
    text, result = new_text(tmp_path, str(corpus / "75" / "75_100_E.xml"), 76)
    assert "Seventy-sixth session" in text
    assert "The General Assembly," in text
    answers = yaml.safe_load((tmp_path / (str(corpus / "75" / "75_100_E.xml").replace("/", "-") + "-76.txt.answers.yaml")).read_text())
    # Clauses the library lacks are carried with their own wording, marked new.
    assert any("wording" in c for c in answers["clauses"])


@pytest.mark.parametrize("name", ["79/A_RES_79_144-2423832E.xml",     # 16 sections
                                  "78/A_RES_78_80AB-2324937E.xml"])    # parts A and B
def test_the_count_of_paragraphs_written_counts_sections_and_parts(tmp_path, name):
    from collections import Counter

    from drafter.ingest import read_resolution

    base = corpus_or_skip() / name
    _, result = new_text(tmp_path, str(base), 80)
    kinds = Counter(kind for kind, _ in read_resolution(base).all_paragraphs())
    # Nothing dropped or added: the draft has every paragraph of its base, wherever it stands.
    assert f"({kinds['preambular']} preambular, {kinds['operative']} operative paragraphs)" in result.stdout


def test_output_dash_streams_the_draft_and_writes_no_file(tmp_path):
    written, _ = new_text(tmp_path, "58/208", 60)
    before = set(tmp_path.iterdir())
    for fmt in ("text", "akn"):
        result = drafter("new", "--session", "60", "--base", "58/208", "--library", LIBRARY, "--no-input",
                         "--format", fmt, "-o", "-", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        # The draft alone on stdout, as `render -o -` gives a resolution; what drafter says goes to stderr.
        if fmt == "text":
            assert result.stdout == written
        else:
            assert result.stdout.startswith("<akomaNtoso") and result.stdout.endswith("</akomaNtoso>\n")
        assert "no answers file is written" in result.stderr and "still to fill:" in result.stderr
    refused = drafter("new", "--session", "60", "--base", "58/208", "--library", LIBRARY, "--no-input",
                      "-o", "-", cwd=tmp_path)
    assert refused.returncode == 2 and "cannot go to stdout" in refused.stderr and "-o FILE.docx" in refused.stderr
    assert set(tmp_path.iterdir()) == before           # no "-", no "-.answers.yaml"


def test_no_terminal_without_no_input_does_not_hang(tmp_path):
    result = drafter("new", "--session", "60", "--base", "58/208", "--library", LIBRARY, "--format", "text",
                     cwd=tmp_path)
    assert result.returncode == 2 and "--no-input" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_existing_output_needs_force(tmp_path):
    new_text(tmp_path, "58/208", 60)
    again = drafter("new", "--session", "60", "--base", "58/208", "--library", LIBRARY, "--no-input",
                    "--format", "text", "-o", str(tmp_path / "58-208-60.txt"), cwd=tmp_path)
    assert again.returncode == 1 and "already exists" in again.stderr and "--force" in again.stderr


def test_unknown_base_is_a_clear_error(tmp_path):
    result = drafter("new", "--session", "60", "--base", "99/999", "--library", LIBRARY, "--no-input", cwd=tmp_path)
    assert result.returncode == 2 and "99/999" in result.stderr and len(result.stderr.splitlines()) == 1


# --- the real terminal -------------------------------------------------------------------------

def spawn(tmp_path: Path, *extra: str) -> pexpect.spawn:
    child = pexpect.spawn(sys.executable, ["-m", "drafter", "new", "--session", "60", "--base", "58/208",
                                           "--library", LIBRARY, "--format", "text", "-o",
                                           str(tmp_path / "draft.txt"), *extra],
                          cwd=str(tmp_path), encoding="utf-8", timeout=30, dimensions=(50, 200))
    return child


def test_interactive_keep_fill_refuse_and_finish(tmp_path):
    child = spawn(tmp_path)
    child.expect("Draft symbol")
    child.sendline("")
    child.expect("Agenda item")
    child.sendline("Agenda item 52 (c)")
    child.expect("Sponsor line")
    child.sendline("")
    for _ in range(16):                      # every preambular paragraph: keep
        child.expect("What to do with it")
        child.sendline("")
    child.expect("document symbol")          # the new report symbol is asked for
    child.sendline("not-a-symbol")
    child.expect(r"not a UN document symbol \(e\.g\. A/60/325\)")   # refused with the reason, asked again
    child.sendline("A/60/205")
    child.expect("What to do with it")
    child.send("\x1b[A")                     # up from the first choice wraps to "finish"
    child.sendline("")
    child.expect("Write the draft")
    child.sendline("y")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = (tmp_path / "draft.txt").read_text(encoding="utf-8")
    assert "Agenda item 52 (c)" in text and "¹² A/60/205." in text


def test_ctrl_c_leaves_nothing_and_exits_130(tmp_path):
    child = spawn(tmp_path)
    child.expect("Draft symbol")
    child.sendline("")
    child.expect("Agenda item")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.iterdir()) == []
