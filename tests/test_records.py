"""drafter.records.dataclass behaves as dataclasses.dataclass, class by class.

Each case defines the same class body twice, once with the standard decorator and once with
drafter's, and compares what the two classes do with the same values: ==, hash (or being
unhashable), repr, frozen assignment, dataclasses.fields/replace/asdict. Then every dataclass of
drafter's drafting path is checked against a standard twin made from its own fields, on the
objects of a real draft.
"""

from __future__ import annotations

import dataclasses
import importlib
import math
from pathlib import Path
from dataclasses import field

import pytest

from drafter.records import dataclass

LIBRARY = Path(__file__).resolve().parent.parent / "clause_library"


def twins(body, **options):
    """The class `body` makes, decorated by the standard library and by drafter.records."""
    standard = dataclasses.dataclass(**options)(body())
    ours = dataclass(**options)(body())
    return standard, ours


def same(standard, ours, *args, **kwargs):
    a, b = standard(*args, **kwargs), ours(*args, **kwargs)
    assert repr(a).replace("Standard", "X") == repr(b).replace("Ours", "X")
    assert [f.name for f in dataclasses.fields(a)] == [f.name for f in dataclasses.fields(b)]
    assert dataclasses.asdict(a) == dataclasses.asdict(b)
    return a, b


def _point():
    class Point:
        x: int
        y: int = 0
        label: str = field(default="", compare=False)
        secret: str = field(default="s", repr=False)
        weight: float = field(default=1.0, hash=False)
    return Point


@pytest.mark.parametrize("frozen", [False, True])
def test_equality_hash_and_repr_follow_the_fields_options(frozen):
    standard, ours = twins(_point, frozen=frozen)
    standard.__qualname__, ours.__qualname__ = "Standard", "Ours"
    values = [(1,), (1, 2), (1, 2, "a"), (1, 2, "b"), (1, 2, "a", "t"), (1, 2, "a", "s", 2.0), (math.nan,)]
    made = [same(standard, ours, *v) for v in values]
    for a1, b1 in made:
        for a2, b2 in made:
            assert (a1 == a2) == (b1 == b2)
            assert (a1 != a2) == (b1 != b2)
        assert (a1 == (1, 2)) == (b1 == (1, 2))          # another class: NotImplemented, then identity
        assert b1.__eq__(object()) is NotImplemented
        if frozen:
            assert hash(a1) == hash(b1)
            with pytest.raises(dataclasses.FrozenInstanceError):
                b1.x = 5
        else:
            assert standard.__hash__ is None and ours.__hash__ is None
            with pytest.raises(TypeError):
                hash(b1)
    nan = math.nan                                       # the same object: equal as tuples compare
    assert (standard(nan) == standard(nan)) == (ours(nan) == ours(nan))


def test_a_class_with_no_field_and_one_field():
    def empty():
        class Empty:
            pass
        return Empty

    def single():
        class Single:
            name: str
        return Single

    for body in (empty, single):
        standard, ours = twins(body, frozen=True)
        args = () if body is empty else ("a",)
        a, b = standard(*args), ours(*args)
        assert repr(a) == repr(b)
        assert hash(a) == hash(b)
        assert (a == standard(*args)) and (b == ours(*args))
        if args:
            assert standard("a") != standard("b") and ours("a") != ours("b")


def test_methods_the_class_writes_are_kept():
    def body():
        class Written:
            a: int

            def __eq__(self, other):
                return True

            def __hash__(self):
                return 7

            def __repr__(self):
                return "written"
        return Written

    for frozen in (False, True):
        standard, ours = twins(body, frozen=frozen)
        assert ours(1) == ours(2) and standard(1) == standard(2)
        assert hash(ours(1)) == hash(standard(1)) == 7
        assert repr(ours(1)) == repr(standard(1)) == "written"


def test_an_eq_without_a_hash_gets_the_standard_hash_when_frozen():
    def body():
        class OwnEq:
            a: int

            def __eq__(self, other):
                return isinstance(other, type(self)) and self.a == other.a
        return OwnEq

    standard, ours = twins(body, frozen=True)
    assert hash(standard(3)) == hash(ours(3)) == hash((3,))


def test_options_off_and_inheritance():
    standard, ours = twins(_point, eq=False, repr=False)
    assert ours(1) != ours(1) and standard(1) != standard(1)         # identity, as without eq
    assert repr(ours(1)).startswith("<") and repr(standard(1)).startswith("<")

    base_standard, base_ours = twins(_point, frozen=True)

    @dataclasses.dataclass(frozen=True)
    class ChildStandard(base_standard):
        z: int = 3

    @dataclass(frozen=True)
    class ChildOurs(base_ours):
        z: int = 3

    a, b = ChildStandard(1, 2, z=4), ChildOurs(1, 2, z=4)
    assert repr(a).replace("ChildStandard", "C") == repr(b).replace("ChildOurs", "C")
    assert hash(a) == hash(b)
    assert b == ChildOurs(1, 2, "other label", z=4) and b != ChildOurs(1, 2, z=5)
    assert dataclasses.replace(b, z=9).z == 9


def test_a_recursive_repr_shows_dots():
    def body():
        class Node:
            children: list = field(default_factory=list)
        return Node

    standard, ours = twins(body)
    a, b = standard(), ours()
    a.children.append(a)
    b.children.append(b)
    assert repr(a).replace("Standard", "") == repr(b) == repr(b)


DRAFTING_MODULES = ["drafter.model", "drafter.library.model", "drafter.library.clauses",
                    "drafter.library.templates", "drafter.assemble.draft", "drafter.assemble.base",
                    "drafter.render.layout"]


def hash_of(value):
    try:
        return hash(value)
    except TypeError as error:
        return str(error)


def standard_twin(cls):
    """A class made by the standard decorator from `cls`'s own fields and options."""
    specs = []
    for f in dataclasses.fields(cls):
        extra = {"default": f.default} if f.default is not dataclasses.MISSING else {}
        if f.default_factory is not dataclasses.MISSING:
            extra = {"default_factory": f.default_factory}
        specs.append((f.name, f.type, field(compare=f.compare, repr=f.repr, hash=f.hash, **extra)))
    twin = dataclasses.make_dataclass(cls.__name__, specs, frozen=cls.__dataclass_params__.frozen)
    twin.__qualname__ = cls.__qualname__
    return twin


def test_drafters_dataclasses_on_a_real_draft():
    """Every object of a real draft (58/208 for session 60, from the bundled library) and of its
    base's model: its repr, its hash and its equality to a copy and to a changed copy are those
    of a standard twin holding the same values."""
    from drafter.assemble import run
    from drafter.assemble.compose import compose

    draft, _ = run.new_draft(LIBRARY, "58/208", 60, answers_path=None, choose=None)
    ours = {cls for name in DRAFTING_MODULES for cls in vars(importlib.import_module(name)).values()
            if isinstance(cls, type) and dataclasses.is_dataclass(cls) and "_record_compared" in vars(cls)}
    assert len(ours) >= 20
    twins_of = {cls: standard_twin(cls) for cls in ours}

    def as_twin(value):
        if type(value) in twins_of:
            return twins_of[type(value)](**{f.name: as_twin(getattr(value, f.name)) for f in dataclasses.fields(value)
                                           if f.init})
        if isinstance(value, (list, tuple)):
            return type(value)(as_twin(v) for v in value)
        if isinstance(value, dict):
            return {k: as_twin(v) for k, v in value.items()}
        return value

    seen, kept = set(), []

    def walk(value):
        if id(value) in seen:
            return
        seen.add(id(value))
        kept.append(value)
        if type(value) in twins_of:
            twin = as_twin(value)
            assert repr(value) == repr(twin)
            assert value == dataclasses.replace(value)
            assert hash_of(value) == hash_of(twin)            # a hash, or the same TypeError
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(draft)
    walk(compose(draft).resolution)
    checked = {type(v).__name__ for v in kept if type(v) in twins_of}
    assert {"Paragraph", "SubParagraph", "FootnoteRef", "Resolution", "DraftClause", "Variant"} <= checked
