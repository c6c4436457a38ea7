# requires: module:dataclasses
# dataclasses: order, frozen, unsafe_hash, eq=False, kw_only, KW_ONLY,
# slots, make_dataclass and the definition-time errors.
from dataclasses import dataclass, field, FrozenInstanceError, KW_ONLY, make_dataclass


@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = 'z'


v = V(1)
print(v < V(2), v >= V(1, 'a'), hash(v) == hash(V(1)))
print(sorted([V(3), V(1, 'b'), V(1, 'a')]))
for action in ('set', 'del'):
    try:
        if action == 'set':
            v.a = 5
        else:
            del v.b
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))


@dataclass(kw_only=True)
class K:
    a: int
    b: int = 1


print(K(a=2))
try:
    K(1)
except TypeError as e:
    print(e)


@dataclass
class KO:
    a: int
    _: KW_ONLY
    b: int
    c: int = 0


print(KO(1, b=2), KO.__match_args__)


@dataclass(slots=True)
class S:
    a: int
    b: int = 2


s = S(1)
print(s, S.__slots__, hasattr(s, '__dict__'))


@dataclass(unsafe_hash=True)
class H:
    a: int
    b: int = field(hash=False, default=0)


print(hash(H(1)) == hash((1,)), hash(H(1, 5)) == hash(H(1, 6)))


@dataclass(eq=False, repr=False)
class NE:
    a: int


print(NE(1) == NE(1), 'object at' in repr(NE(1)))
MD = make_dataclass('MD', ['x', ('y', int, field(default=5))], namespace={'f': lambda s: s.x})
print(MD(1), MD(1).f())
for src in ['a: list = []', 'a: int = 1\n    b: int', 'a = field()']:
    try:
        exec('@dataclass\nclass Bad:\n    ' + src)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    @dataclass(order=True)
    class O:
        a: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print(e)
try:
    @dataclass
    class FC(V):
        c: int = 0
except TypeError as e:
    print(e)
