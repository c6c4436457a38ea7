# __slots__ layouts with multiple inheritance, as CPython.


def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class A:
    __slots__ = ("a",)


class B:
    __slots__ = ("b",)


class Empty:
    __slots__ = ()


class Plain:
    pass


# two bases that both add slots cannot be combined
t(lambda: type("C", (A, B), {}))
t(lambda: type("C", (A, B), {"__slots__": ()}))

# an empty __slots__ or a plain class combines with a slotted one
class E(A, Empty):
    __slots__ = ("e",)


e = E()
e.a = 1
e.e = 2
print(e.a, e.e)
t(lambda: setattr(e, "x", 1))
t(lambda: E.__mro__)


class F(Plain, A):
    __slots__ = ("f",)


f = F()
f.a, f.f, f.other = 1, 2, 3
print(f.a, f.f, f.other, f.__dict__)


class G(A):
    pass


class H(G, Empty):
    __slots__ = ("h",)


h = H()
h.a, h.h = "a", "h"
print(h.a, h.h, h.__dict__)
t(lambda: type("X", (G, B), {}))
t(lambda: type("X", (H, B), {}))


# a subclass of a slotted class may add more slots; all keep their values
class A2(A):
    __slots__ = ("a2",)


class A3(A2):
    __slots__ = ("a3",)


x = A3()
x.a, x.a2, x.a3 = 1, 2, 3
print(x.a, x.a2, x.a3)
del x.a2
t(lambda: x.a2)
print(x.a, x.a3)
t(lambda: type("X", (A3, A2), {}))
t(lambda: type("X", (A2, A3), {}))
t(lambda: type("X", (A3, B), {}))

# same slotted class twice through diamond
class L(A):
    pass


class R(A):
    pass


class D(L, R):
    pass


d = D()
d.a = 5
d.z = 6
print(d.a, d.z)

# builtin bases
t(lambda: type("X", (int, A), {}))
t(lambda: type("X", (list, dict), {}))
t(lambda: type("X", (A, Exception), {}))
