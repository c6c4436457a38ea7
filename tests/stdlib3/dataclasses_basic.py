# requires: bigheap module:dataclasses module:typing
# dataclasses: fields, defaults, default_factory, repr/eq, asdict/astuple,
# replace, InitVar and __post_init__, errors of the generated __init__.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         is_dataclass, InitVar, MISSING)
from typing import ClassVar, List


@dataclass
class P:
    x: int
    y: int = 0
    tags: List[str] = field(default_factory=list)
    k: ClassVar[int] = 5


p = P(1)
print(p, p == P(1), p == P(2), p != P(1, 0, ['a']), P.k)
print([f.name for f in fields(P)], fields(p)[1].default, fields(p)[2].default is MISSING)
print(asdict(P(1, 2, ['t'])), astuple(p), replace(p, y=9))
print(is_dataclass(p), is_dataclass(P), is_dataclass(1), P.__hash__, P.__match_args__)
print(P.__doc__)
for args in [(), (1, 2, [], 4)]:
    try:
        P(*args)
    except TypeError as e:
        print(e)
try:
    P(1, z=2)
except TypeError as e:
    print(e)


@dataclass
class I:
    a: int
    scale: InitVar[int] = 2
    b: int = field(init=False)
    c: int = field(default=0, repr=False, compare=False)

    def __post_init__(self, scale):
        self.b = self.a * scale


print(I(3), I(3, 10), I(1, c=5) == I(1), [f.name for f in fields(I)])
print(replace(I(2, 3), scale=4))


@dataclass
class Child(P):
    z: int = 3


print(Child(1, 2, ['t'], 4), [f.name for f in fields(Child)])


@dataclass
class Nested:
    p: P
    items: list = field(default_factory=list)


n = Nested(P(1), [P(2), (P(3), 4)])
print(asdict(n))
print(astuple(n))
try:
    asdict(1)
except TypeError as e:
    print(e)
match P(1, 2):
    case P(x, y):
        print('match', x, y)
