"""`@dataclass` as the standard library makes it, with equality, hash and repr written once here.

The standard `dataclasses.dataclass` writes each class's methods as Python source and compiles
them when the module is imported: six compilations for a frozen class (`__init__`, `__repr__`,
`__eq__`, `__hash__`, `__setattr__`, `__delattr__`), about 0.5 ms a class. A draft imports some
sixty dataclasses, so that compiling was a tenth of `drafter new`'s start-up. Equality, hash and
repr do the same thing in every class, on a tuple of the class's fields: here they are written
once, as ordinary code (compiled with this module's bytecode), and each class keeps only its
fields' getters. `__init__` (and a frozen class's guards) still come from the standard library.

What a class does is what `dataclasses.dataclass(frozen=..., eq=..., repr=...)` gives it, method
for method: `==` compares the fields with compare=True, as one tuple, between objects of the very
same class (NotImplemented otherwise); a frozen class hashes the tuple of its hashed fields and a
mutable one is unhashable; repr lists the fields with repr=True, "..." for an object inside itself;
a method the class writes itself is kept. `dataclasses.fields`, `replace` and `asdict` work as on
any dataclass. tests/test_records.py holds the proof, class by class, against the standard one.
Only `__dataclass_params__` tells them apart (it records eq=False, repr=False).
"""

from __future__ import annotations

import dataclasses
import reprlib
from operator import attrgetter


def dataclass(cls=None, /, *, frozen: bool = False, eq: bool = True, repr: bool = True):
    """Drop-in for `dataclasses.dataclass(cls, frozen=..., eq=..., repr=...)`."""
    def wrap(cls):
        own = cls.__dict__
        explicit_hash = not ("__hash__" not in own or (own["__hash__"] is None and "__eq__" in own))
        writes_eq, writes_repr = "__eq__" in own, "__repr__" in own
        cls = dataclasses.dataclass(cls, frozen=frozen, eq=False, repr=False)
        fields = dataclasses.fields(cls)
        if repr and not writes_repr:
            cls._record_shown = tuple(f.name for f in fields if f.repr)
            cls.__repr__ = _repr
        if eq:
            if not writes_eq:
                cls._record_compared = _getter([f.name for f in fields if f.compare])
                cls.__eq__ = _eq
            if not explicit_hash:
                if frozen:
                    cls._record_hashed = _getter([f.name for f in fields
                                                  if (f.compare if f.hash is None else f.hash)])
                    cls.__hash__ = _hash
                else:
                    cls.__hash__ = None
        return cls

    return wrap if cls is None else wrap(cls)


def _getter(names: list[str]):
    """The tuple of these fields of an object (attrgetter gives a bare value for one name). Always
    called on the class (`self.__class__._record_compared(self)`): a function kept on a class would
    bind as a method if looked up on the instance."""
    if len(names) >= 2:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda item: (one(item),)
    return lambda item: ()


def _eq(self, other):
    if other.__class__ is self.__class__:
        compared = self.__class__._record_compared
        return compared(self) == compared(other)
    return NotImplemented


def _hash(self):
    return hash(self.__class__._record_hashed(self))


@reprlib.recursive_repr()
def _repr(self):
    return (f"{self.__class__.__qualname__}("
            + ", ".join(f"{name}={getattr(self, name)!r}" for name in self._record_shown) + ")")
