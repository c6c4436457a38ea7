# enumerate/zip/map/filter/reversed, range with big values, tuple hash.
# requires: host
# (hash() values and len() limits are those of a 64-bit CPython.)
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate("ab", start=-1)), list(enumerate([], 5)))
e = enumerate("xy", 2**70)
print(next(e), next(e), type(e).__name__)
print(list(zip()), list(zip("abc", range(10))), list(zip([1, 2], "ab", strict=True)), list(zip("a", "b", "c")))
t(lambda: list(zip([1], [1, 2], strict=True)))
t(lambda: list(zip([1, 2], [1], strict=True)))
t(lambda: list(zip([1, 2], [1, 2], [3], strict=True)))
t(lambda: zip(1))
t(lambda: zip([], foo=1))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, range(3))))
t(lambda: map(len))
t(lambda: map(len, 5))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda v: v % 2, range(7))), list(filter(bool, [0, 2])))
t(lambda: filter(None))
t(lambda: list(filter(5, [1])))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed(range(5))), list(reversed("abc")), list(reversed({1: 2, 3: 4})))
t(lambda: reversed(5))
t(lambda: reversed({1, 2}))


class Seq:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


class NoRev:
    __reversed__ = None

    def __len__(self):
        return 0

    def __getitem__(self, i):
        raise IndexError


print(list(reversed(Seq())), reversed(Seq()).__length_hint__(), list(iter(Seq())))
t(lambda: reversed(NoRev()))
m = map(int, "123")
print(next(m), list(m), list(m))
it = iter(range(3))
print(it.__length_hint__(), next(it), it.__length_hint__(), type(it).__name__)
print(type(iter(range(2**64))).__name__, next(iter(range(2**64, 2**64 + 5, 2))), list(range(2**64, 2**64 + 5, 2)))
big = range(-2**70, 2**70, 3)
print(big[0], big[-1], big[10**15], 3 in big, 2**70 - 1 in big, big.index(-2**70 + 9), big.count(1), big[::2**60][:3])
t(lambda: len(big))
t(lambda: big[2**80])
t(lambda: range(5).index(2.5))
print(range(10)[::-1], range(10)[2:8:3], range(10)[-2:-8:-2], range(0, 20, 4)[1:], range(5)[100:], range(5)[:-100])
print(list(reversed(range(0, 10, 3))), list(reversed(range(5, 5))), range(3, 9, 2).index(7), range(3).count(True))
print(range(0) == range(4, 2), range(1, 3) == range(1, 4, 5) , range(1) != range(0), hash(range(0)) == hash(range(3, 1)))
print(hash((1, 2)), hash(()), hash((1, (2, 3), "")) == hash((1, (2, 3), "")), hash((-1,)), hash((1.5, None)) == hash((1.5, None)))
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset({0})), frozenset([1, 2]) == {1, 2})
print((1, 2) + (3,), (1,) * 3, (0,) * 0, tuple([1, 2]) is tuple([1, 2]), () == tuple(), (1, 2)[::-1], (1, 2, 3)[1:])
t(lambda: (1,) + [2])
t(lambda: (1, 2)[5])
key = "a"
t(lambda: (1, 2)[key])
t(lambda: (1,).index(0))
t(lambda: tuple(1))
t(lambda: hash((1, [])))
tp = (1, 2)
print(tuple(tp) is tp, tp[:] is tp, tp * 1 is tp)


class P(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]


p = P(3, 4)
print(p, p.x, type(p).__name__, p == (3, 4), hash(p) == hash((3, 4)), p + (5,), len(p))
s = slice(1, 10, 2)
print(s, s.indices(5), slice(None).indices(3), slice(-1, None, -1).indices(4), slice(2**70).indices(4))
t(lambda: hash(slice(1)))
t(lambda: slice(1, 2, 0).indices(3))
t(lambda: slice(1).indices(-1))
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3), slice(1, 2, 3).start, slice(5).stop)
