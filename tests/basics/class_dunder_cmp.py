# Rich comparisons, __hash__ and NotImplemented.
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        return self == other or self < other

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != b, a < b, b > a, a <= c, b >= a, a is c)
print(sorted([b, a, Version(0, 9)]), max(a, b), min([b, a]))
print(len({a, b, c}), {a: "x"}[c], a == (1, 2), a != "str")
try:
    a < 5
except TypeError as e:
    print("TypeError", e)


class NoHash:
    def __eq__(self, other):
        return True


print(NoHash.__hash__ is None, NoHash() == 3)
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)


class Default:
    pass


d1, d2 = Default(), Default()
print(d1 == d1, d1 == d2, d1 != d2, hash(d1) == hash(d1))


class Reflect:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print("eq on", self.name)
        return NotImplemented

    def __gt__(self, other):
        print("gt on", self.name)
        return True


x, y = Reflect("x"), Reflect("y")
print(x == y)
print(1 < x)
print(x > 2)


class Always:
    def __eq__(self, other):
        return "truthy"


print(Always() == 1, [Always()] == [2], Always() in [1, 2])
