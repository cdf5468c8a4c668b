"""Mangled seeds thrown at the readers: a clean model or a ParseError, never anything else."""

from __future__ import annotations

from conftest import SEED_BY_NUMBER
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.errors import ParseError
from drafter.ingest import parse_bytes

SEED_TEXTS = [path.read_text(encoding="utf-8") for path in SEED_BY_NUMBER.values()]
NOISE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def mangled(draw) -> str:
    lines = draw(st.sampled_from(SEED_TEXTS)).split("\n")
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["drop", "duplicate", "noise", "swap", "cut"]))
        at = draw(st.integers(0, len(lines) - 1))
        if op == "drop" and len(lines) > 1:
            del lines[at]
        elif op == "duplicate":
            lines.insert(at, lines[at])
        elif op == "noise":
            lines.insert(at, draw(NOISE))
        elif op == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif op == "cut":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
    return "\n".join(lines)


def _check(data: bytes) -> None:
    try:
        resolution = parse_bytes(data, "mangled.txt")
    except ParseError as error:
        assert str(error).startswith("mangled.txt")
        return
    for _, paragraph in resolution.all_paragraphs():
        assert "\n" not in paragraph.text
        for ref in paragraph.footnotes:
            assert 0 <= ref.at <= len(paragraph.text)
    resolution.to_dict()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled())
def test_mangled_seeds(text):
    _check(text.encode("utf-8"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    _check(data)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SEED_TEXTS), st.integers(0, 3000), NOISE)
def test_xml_looking_garbage(seed, cut, noise):
    _check(("<?xml version='1.0'?><akomaNtoso>" + noise + seed[:cut]).encode("utf-8"))
