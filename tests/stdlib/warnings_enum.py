# requires: bigheap module:enum module:warnings
import warnings, enum
from enum import Enum, IntEnum, auto, unique, Flag, StrEnum
warnings.warn('to stderr')
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.warn('first', DeprecationWarning)
    warnings.warn('second')
    print(len(w), w[0].category.__name__, str(w[0].message), w[1].category.__name__)
with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('bad', RuntimeWarning)
    except RuntimeWarning as e:
        print('raised', e)
with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    warnings.warn('ignored')
print('ok')
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color['BLUE'], Color.CRIMSON is Color.RED, len(Color), list(Color))
print(Color.RED.name, Color.RED.value, Color.RED == Color.RED, Color.RED == 1, isinstance(Color.RED, Color), Color.RED in Color)
print(list(Color.__members__), f'{Color.RED}', Color)
try:
    Color(7)
except ValueError as e:
    print('ValueError', e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, repr(Num.ONE), str(Num.ONE), f'{Num.TWO}', Num(2), sorted([Num.TWO, Num.ONE]))
class A(Enum):
    X = auto()
    Y = auto()
    Z = auto()
print([m.value for m in A], A.Z)
class S(StrEnum):
    a = auto()
    b = 'bee'
print(S.a, S.b.upper(), repr(S.a))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print('ValueError', e)
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), repr(Perm.R), rw.value)
class Planet(Enum):
    EARTH = (5.97, 6.37)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
print(Planet.EARTH.mass, Planet.EARTH.value)
F = Enum('F', 'A B C')
print(list(F), F.B.value)
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError', e)
