"""Abstract base classes of containers (no mixin methods yet): the builtin
types are registered, so isinstance/issubclass checks answer as CPython's."""

from abc import ABCMeta


class Hashable(metaclass=ABCMeta):
    pass


class Iterable(metaclass=ABCMeta):
    pass


class Iterator(Iterable):
    pass


class Sized(metaclass=ABCMeta):
    pass


class Container(metaclass=ABCMeta):
    pass


class Callable(metaclass=ABCMeta):
    pass


class Collection(Sized, Iterable, Container):
    pass


class Sequence(Collection):
    pass


class MutableSequence(Sequence):
    pass


class Set(Collection):
    pass


class MutableSet(Set):
    pass


class Mapping(Collection):
    pass


class MutableMapping(Mapping):
    pass


# Registered on each ABC up the chain (the registries are not inherited).
for _t in (tuple, str, range, bytes, list, bytearray):
    for _abc in (Sequence, Collection, Sized, Iterable, Container):
        _abc.register(_t)
for _t in (list, bytearray):
    MutableSequence.register(_t)
for _abc in (MutableMapping, Mapping, Collection, Sized, Iterable, Container):
    _abc.register(dict)
for _t in (set, frozenset):
    for _abc in (Set, Collection, Sized, Iterable, Container):
        _abc.register(_t)
MutableSet.register(set)
for _t in (int, float, str, bytes, tuple, frozenset, type(None)):
    Hashable.register(_t)
del _t, _abc
