# requires: bigheap module:typing
# typing: Generic and TypeVar in classes, NamedTuple (class and functional
# forms), TypedDict, Protocol with runtime_checkable.
from typing import (Generic, TypeVar, NamedTuple, TypedDict, Protocol, runtime_checkable,
                    List, Optional)

T = TypeVar('T')
K = TypeVar('K')


class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v


class Pair(Box[T], Generic[T, K]):
    pass


print(Box[int], Box.__parameters__, Box(3).v, Box[int](4).v, Pair.__parameters__)
print(Pair[int, str], issubclass(Pair, Box), isinstance(Box(1), Box))
try:
    Box[int, str]
except TypeError as e:
    print(e)


class P(NamedTuple):
    x: int
    y: int = 0

    def s(self):
        return self.x + self.y


print(P(1), P(1, 2).s(), P._fields, P.__annotations__, P._field_defaults)
print(P(3, 4)._asdict(), P(1)._replace(y=5), isinstance(P(1), tuple))
Q = NamedTuple('Q', [('a', int), ('b', str)])
print(Q(5, 'x'), Q._fields)


class M(TypedDict):
    name: str
    year: int


class M2(M, total=False):
    extra: Optional[int]


m = M(name='x', year=1)
print(m, type(m), sorted(M.__required_keys__), M.__total__)
print(sorted(M2.__required_keys__), sorted(M2.__optional_keys__), M2.__total__)
print(TypedDict('D', {'a': int})(a=1))


@runtime_checkable
class Closable(Protocol):
    def close(self): ...


class Proto2(Protocol):
    x: int


class F:
    def close(self):
        pass


print(isinstance(F(), Closable), isinstance(1, Closable), issubclass(F, Closable))
try:
    isinstance(F(), Proto2)
except TypeError as e:
    print(e)
try:
    Closable()
except TypeError as e:
    print(e)


class Impl(Closable):
    def close(self):
        return 'closed'


print(Impl().close(), isinstance(Impl(), Closable))
