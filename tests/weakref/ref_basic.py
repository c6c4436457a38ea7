# weakref.ref: calling, sharing, callbacks, hash, equality, repr shape,
# requires: bigheap
# subclassing, and which objects can be weakly referenced.
import gc
import weakref


class C:
    pass


c = C()
r = weakref.ref(c)
print(r() is c, r is weakref.ref(c), weakref.ref(c, None) is r)
print(weakref.getweakrefcount(c), weakref.getweakrefs(c) == [r])
print(type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print(hash(r) == hash(c), r == weakref.ref(c), r != weakref.ref(c))


def cb(w):
    print("callback, referent is", w())


r2 = weakref.ref(c, cb)
print(r2 is not r, r2 == r, r2.__callback__ is cb, r.__callback__)
print(weakref.getweakrefcount(c))
print(repr(r).startswith("<weakref at 0x"), "to 'C' at" in repr(r))
h = hash(r2)
del c
gc.collect()
print(r(), r2(), r2.__callback__, weakref.getweakrefcount(r))
print(repr(r).endswith("; dead>"), hash(r2) == h, r == r2, r == r)
d = weakref.ref(C())
gc.collect()
try:
    hash(d)
except TypeError as e:
    print("TypeError:", e)
try:
    r(1)
except TypeError:
    print("TypeError on call with args")
try:
    weakref.ref()
except TypeError:
    print("TypeError on no args")

# What can be weakly referenced.
for o in [1, 2.5, "s", b"b", (), [], {}, None, object(), True, 10 ** 30,
          bytearray(), range(3)]:
    try:
        weakref.ref(o)
        print(type(o).__name__, "ok")
    except TypeError as e:
        print("TypeError:", e)


def f():
    pass


class D:
    def m(self):
        pass


def gen():
    yield 1


for o in [C, f, len, set(), frozenset(), gen(), D().m, weakref, f.__code__,
          type, lambda: 0]:
    print(type(o).__name__, weakref.ref(o)() is o)

# Classes: __slots__, variable-size bases.
class S1:
    __slots__ = ("a",)


class S2:
    __slots__ = ("a", "__weakref__")


class S3(S2):
    __slots__ = ("b",)


class Str(str):
    pass


class Int(int):
    pass


class Tup(tuple):
    pass


class Lst(list):
    pass


class Exc(Exception):
    pass


for t, args in [(S1, ()), (S2, ()), (S3, ()), (Str, ("x",)), (Int, (3,)),
                (Tup, ()), (Lst, ()), (Exc, ())]:
    try:
        o = t(*args)
        print(t.__name__, weakref.ref(o)() is o)
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.ref(ValueError())
except TypeError as e:
    print("TypeError:", e)


# Subclasses of ref.
class KRef(weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class NRef(weakref.ref):
    pass


o = C()
k = KRef(o, lambda w: print("KRef dead, key", w.key), "the key")
n = NRef(o)
n.extra = 1
print(k.key, k() is o, isinstance(k, weakref.ref), n() is o, n.extra)
print(n is not weakref.ref(o))
gc.collect()
print(weakref.getweakrefcount(o))
print(weakref.ref(n)() is n)
try:
    weakref.ref(k)
except TypeError as e:
    print("TypeError:", e)
print(weakref.ref[int])
del o
gc.collect()
print(k(), n())
