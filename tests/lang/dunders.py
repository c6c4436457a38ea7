# Special methods: __missing__, __index__, __length_hint__, __bytes__,
# __format__, __round__, __reversed__, reflected/in-place fallbacks.
class D(dict):
    def __missing__(self, key):
        return key * 2
d = D(a=1)
print(d["a"], d["bb"], "bb" in d, d.get("zz"))

class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
l = list(range(10))
print(l[I(3)], l[I(1):I(4)], l[::I(2)], "abcdef"[I(2):], (1, 2, 3)[I(-1)])
print(bin(I(5)), hex(I(255)), oct(I(8)), range(I(3)), [0] * I(2))

class B:
    def __bytes__(self):
        return b"bytes!"
print(bytes(B()))

class F:
    def __format__(self, spec):
        return f"F<{spec}>"
print(format(F(), "xyz"), f"{F():abc}", "{:q}".format(F()), f"{F()}")

class R:
    def __round__(self, n=None):
        return ("round", n)
print(round(R()), round(R(), 2))

class Rev:
    def __reversed__(self):
        return iter([3, 2, 1])
print(list(reversed(Rev())))

class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(reversed(Seq())), list(Seq()), 10 in Seq(), 20 in Seq())

class A:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        if isinstance(o, A):
            return A(self.v + o.v)
        return NotImplemented
    def __radd__(self, o):
        return A(o + self.v)
    def __repr__(self):
        return f"A({self.v})"
print(A(1) + A(2), 5 + A(1), sum([A(1), A(2)], A(0)))
try:
    A(1) + "x"
except TypeError as e:
    print(e)

class IP:
    def __init__(self):
        self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
x = IP()
x += 1
x += 2
print(x.items)

class NoIP:
    def __init__(self, v):
        self.v = v
    def __mul__(self, o):
        return NoIP(self.v * o)
y = NoIP(2)
z = y
y *= 3
print(y.v, z.v, y is z)

class Sub(A):
    def __radd__(self, o):
        return "Sub.__radd__ first"
print(A(1) + Sub(2))

class LH:
    def __iter__(self):
        return iter([1, 2])
    def __length_hint__(self):
        return 2
print(list(LH()))

class Cmp:
    def __eq__(self, o):
        return True
print(Cmp() == 1, 1 == Cmp(), Cmp() != 1)
try:
    hash(Cmp())
except TypeError as e:
    print(e)
print(Cmp.__hash__)

class H2:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
print(type(hash(H2())).__name__)

class Lt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(Lt(1) < Lt(2), Lt(3) > Lt(2))
try:
    Lt(1) <= Lt(2)
except TypeError as e:
    print(e)
