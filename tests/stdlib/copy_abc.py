import copy
from abc import ABC, ABCMeta, abstractmethod
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]['k'] is a[2]['k'], c)
t = (1, [2]); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, 2)) == (1, 2))
class P:
    def __init__(self, x): self.x = x; self.l = [x]
p = P(3); q = copy.copy(p); r = copy.deepcopy(p)
print(type(q).__name__, q.x, q.l is p.l, r.l is p.l, r.l)
class S:
    __slots__ = ('a', 'b')
class Cp:
    def __init__(self): self.v = 1
    def __copy__(self): return 'shallow!'
    def __deepcopy__(self, memo): return 'deep!'
print(copy.copy(Cp()), copy.deepcopy(Cp()))
rec = [1]; rec.append(rec); d = copy.deepcopy(rec); print(d[1] is d, d[0])
print(copy.deepcopy({1: {2: 3}}), copy.copy({1, 2}), copy.deepcopy(set([1])))
class Base(ABC):
    @abstractmethod
    def area(self): ...
    def describe(self): return 'shape ' + str(self.area())
class Sq(Base):
    def area(self): return 4
try:
    Base()
except TypeError as e:
    print('TypeError', e)
class Half(Base):
    pass
try:
    Half()
except TypeError as e:
    print('TypeError', e)
print(Sq().describe(), isinstance(Sq(), Base), Base.__abstractmethods__, Sq.__abstractmethods__)
class Iface(metaclass=ABCMeta):
    @abstractmethod
    def f(self): pass
    @abstractmethod
    def g(self): pass
try:
    Iface()
except TypeError as e:
    print('TypeError', e)
class Other: pass
Base.register(Other)
print(isinstance(Other(), Base), issubclass(Other, Base), issubclass(int, Base))
class Hook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return True if hasattr(C, 'quack') else NotImplemented
class Duck:
    def quack(self): pass
print(isinstance(Duck(), Hook), isinstance(1, Hook))
class WithInit(ABC):
    def __init__(self, v): self.v = v
print(WithInit(5).v)
