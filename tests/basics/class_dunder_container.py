# Container protocol: __getitem__, __setitem__, __delitem__, __len__,
# __iter__, __contains__, __reversed__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("cell out of range")
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __len__(self):
        return self.w * self.h

    def __contains__(self, value):
        return value in self.cells.values()

    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))


g = Grid(3, 2)
g[0, 0] = "#"
g[2, 1] = "@"
print(len(g), g[0, 0], g[1, 1], "#" in g, "%" in g, list(g))
del g[0, 0]
print(list(g), "#" in g)
try:
    g[5, 5]
except IndexError as e:
    print("IndexError", e)


class Seq:
    """Old-style sequence: iteration via __getitem__ until IndexError."""

    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i


print(list(Seq()), 9 in Seq(), 5 in Seq(), [x for x in Seq()])


class Slicer:
    def __getitem__(self, item):
        return item


s = Slicer()
print(s[1], s[1:2], s[::2], s[1, 2:3], s[...], s["k"])
print(s[1:2].start, s[1:2].stop, s[:].step)


class Rev:
    def __init__(self, data):
        self.data = data

    def __len__(self):
        return len(self.data)

    def __getitem__(self, i):
        return self.data[i]

    def __reversed__(self):
        return iter(["custom"] + self.data[::-1])


print(list(reversed(Rev([1, 2, 3]))), len(Rev([0])), bool(Rev([])))


class Missing(dict):
    def __missing__(self, key):
        return key * 2


m = Missing(a=1)
print(m["a"], m["zz"], "zz" in m, m.get("q"))
