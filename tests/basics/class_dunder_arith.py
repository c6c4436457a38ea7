# Arithmetic dunders: binary, reflected, in-place and unary.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        return NotImplemented

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __bool__(self):
        return bool(self.x or self.y)

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y


a, b = Vec(1, 2), Vec(3, 4)
print(a + b, b - a, a * 3, 2 * a, -a, abs(b), bool(Vec(0, 0)), bool(a), a @ b)
print(a == Vec(1, 2), a != b)
try:
    a + 1
except TypeError as e:
    print("TypeError", e)
try:
    "s" * a
except TypeError as e:
    print("TypeError", e)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, v):
        self.items.append(v)
        return self


acc = Acc()
ref = acc
acc += 1
acc += 2
print(acc is ref, acc.items)


class OnlyAdd:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        return OnlyAdd(self.n + (o.n if isinstance(o, OnlyAdd) else o))


o = OnlyAdd(1)
before = o
o += 5
print(o.n, o is before)


class Num:
    def __init__(self, n):
        self.n = n

    def __add__(self, other):
        return Num(self.n + other.n)

    def __radd__(self, other):
        # Not called for Num + Num: same types only try __add__.
        return Num(other + self.n)

    def __index__(self):
        return self.n

    def __int__(self):
        return self.n

    def __float__(self):
        return float(self.n)

    def __pow__(self, e, mod=None):
        return ("pow", self.n, e, mod)


print(sum([Num(1), Num(2)], 0).n, [0, 10, 20][Num(2)], hex(Num(255)), int(Num(7)), float(Num(3)))
print(Num(2) ** 5, pow(Num(2), 3, 4), sum([Num(1), Num(2)]).n)
