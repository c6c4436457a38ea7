# hash(): equal numbers hash equal; hashable vs unhashable types.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(2 ** 70) == hash(float(2 ** 70)), hash(-1) == hash(-1.0), hash(1.5) == hash(1.5))
print(hash(3 + 0j) == hash(3), hash(2 ** 100) == hash(2 ** 100), hash(-2 ** 65) == hash(float(-2 ** 65)))
print(hash("abc") == hash("ab" + "c"), hash((1, "a")) == hash((1, "a")), hash((1, 2)) == hash((1.0, 2)))
print(hash(b"x") == hash(b"x"), hash(frozenset({1, 2})) == hash(frozenset({2, 1})), hash(None) == hash(None))
print(type(hash("s")).__name__, type(hash(2 ** 100)).__name__, hash(42), hash(-42), hash(0), hash(True))
# Equal numbers of different types are the same dict key.
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
print(d, len({1, 1.0, True, 0, 0.0, False}))
s = {2 ** 64, float(2 ** 64)}
print(len(s))
for bad in ([], {}, set(), bytearray(), ([1],)):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError", e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))


print(len({Point(1, 2), Point(1, 2), Point(2, 1)}), Point(1, 2) in {Point(1, 2)})


class H:
    def __hash__(self):
        return 2 ** 100


print(hash(H()) == hash(2 ** 100))


class BadHash:
    def __hash__(self):
        return "x"


try:
    hash(BadHash())
except TypeError as e:
    print("TypeError", e)
f = lambda: 0
print(hash(f) == hash(f), hash(print) == hash(print))
