"""The command line as a user meets it: real process, real exit codes, stderr as printed."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEED_BY_NUMBER, corpus_or_skip


def drafter(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_version_and_help():
    from drafter import __version__

    assert drafter("--version").stdout.strip() == f"drafter {__version__}"
    help_text = drafter("--help").stdout
    assert "parse" in help_text and "examples" in help_text and "drafter new --session" in help_text
    assert "--json" in drafter("parse", "--help").stdout


def test_parse_outline_of_a_seed():
    result = drafter("parse", str(SEED_BY_NUMBER["58/208"].relative_to(ROOT)))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("58/208. International migration and development\n")
    assert "[Takes note] of the report of the Secretary-General;^12" in out
    assert "Operative (11)" in out and "Preamble (16)" in out


def test_parse_json_one_object_for_one_file_a_list_for_several():
    one = json.loads(drafter("parse", "--json", "seeds/001_dc7a3f17028d8240.txt").stdout)
    assert one["number"] == "58/208"
    assert one["source"] == {"path": "seeds/001_dc7a3f17028d8240.txt", "format": "pdf-text"}
    several = json.loads(drafter("parse", "--json", *sorted(str(p.relative_to(ROOT))
                                                           for p in SEED_BY_NUMBER.values())).stdout)
    assert [r["number"] for r in several] == ["56/203", "58/208", "52/189", "54/212", "2006/2"]


def test_warnings_go_to_stderr():
    result = drafter("parse", "--json", "seeds/004_be3f4e82546494b4.txt")
    assert result.returncode == 0
    assert "warning" in result.stderr and "15–20" in result.stderr
    json.loads(result.stdout)   # stdout stays pure JSON


def test_parse_akn():
    corpus = corpus_or_skip()
    result = drafter("parse", "--json", str(corpus / "75" / "75_100_E.xml"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["number"] == "75/100"


def _bad_inputs(tmp_path):
    seed = SEED_BY_NUMBER["58/208"].read_bytes()
    files = {
        "empty": b"",
        "binary": bytes(range(256)) * 40,
        "not a resolution": b"Dear colleagues,\n\nPlease find attached the minutes.\n" * 20,
        "truncated": seed[: len(seed) * 2 // 3],
        "invalid XML": b"<?xml version='1.0'?>\n<akomaNtoso><statement>\n<preamble></statement>",
        "XML that is not AKN": b"<?xml version='1.0'?>\n<html><body>Hello</body></html>",
        "PDF": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    }
    paths = {}
    for name, data in files.items():
        path = tmp_path / (name.replace(" ", "_") + ".txt")
        path.write_bytes(data)
        paths[name] = path
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)       # 50 MB, sparse: cheap to make
    paths["50 MB"] = big
    paths["missing"] = tmp_path / "no-such-file.txt"
    paths["a folder"] = tmp_path
    return paths


def test_bad_input_is_one_line_exit_2_no_traceback(tmp_path):
    for name, path in _bad_inputs(tmp_path).items():
        result = drafter("parse", str(path))
        assert result.returncode == 2, (name, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (name, result.stderr)
        assert lines[0].startswith("drafter: error: ") and str(path) in lines[0], (name, lines)
        assert "Traceback" not in result.stderr
        assert result.stdout == ""


def test_one_bad_file_among_good_ones_still_prints_the_good(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = drafter("parse", "--json", "seeds/001_dc7a3f17028d8240.txt", str(bad))
    assert result.returncode == 2
    assert [r["number"] for r in json.loads(result.stdout)] == ["58/208"]


def test_a_part_number_split_by_the_shell_is_refused_with_the_quoting(tmp_path):
    # `--base 77/292 B` unquoted reaches drafter as two words; argparse alone would say
    # "unrecognized arguments: B", and `library remove 77/292 B` would take "B" for a second number.
    for args in (["new", "--session", "78", "--base", "77/292", "B", "--no-input"],
                 ["render", "77/292", "B", "-o", "-"], ["library", "remove", "77/292", "B"]):
        result = drafter(*args, cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines() == [
            "drafter: error: 77/292 then B are one resolution, a part with its letter: quote them as one "
            "word, '77/292 B'"]
