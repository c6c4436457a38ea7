# Builtins that read a list/tuple/dict subclass use its overridden
# iteration where CPython does; concatenation messages of sequences.


def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class ML(list):
    def __iter__(self):
        return iter([7, 8])


ml = ML([1, 2, 3])
t(lambda: list(ml))
t(lambda: tuple(ml))
t(lambda: sorted(ml))
t(lambda: [*ml])
t(lambda: set(ml))
t(lambda: len(ml))
t(lambda: ml[0])
x = []
x.extend(ml)
t(lambda: x)
a, b = ml
t(lambda: (a, b))
t(lambda: str(ml))


class PlainL(list):
    pass


t(lambda: list(PlainL([1, 2])))
t(lambda: tuple(PlainL([1, 2])))


class MT(tuple):
    def __iter__(self):
        return iter("xy")


mt = MT((1, 2, 3))
t(lambda: list(mt))
t(lambda: tuple(mt))
t(lambda: mt[1])


class MD(dict):
    def __getitem__(self, k):
        return "over"

    def keys(self):
        return ["z"]


md = MD(a=1)
t(lambda: dict(md))
t(lambda: {**md})
d = {}
d.update(md)
t(lambda: d)


class MDI(dict):
    def __iter__(self):
        return iter(["a"])

    def keys(self):
        return ["a"]

    def __getitem__(self, k):
        return "via getitem"


t(lambda: dict(MDI(a=1, b=2)))


class V:
    def __radd__(self, o):
        return NotImplemented


for left in ["s", [1], (1,), b"b", bytearray(b"x")]:
    t(lambda: left + V())
t(lambda: "s" + 1)
t(lambda: [1] + (1,))
t(lambda: (1,) + [1])
t(lambda: b"a" + "b")


class GI:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i


t(lambda: reversed(GI()))
t(lambda: reversed(5))
t(lambda: type(reversed({})).__name__)
