# __repr__, __str__ and __format__.
class Both:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return "Both(%r)" % (self.v,)

    def __str__(self):
        return "<%s>" % self.v


class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"


class StrOnly:
    def __str__(self):
        return "just str"


b = Both("x")
print(b, str(b), repr(b), [b], (b,), {"k": b})
print(ReprOnly(), str(ReprOnly()), [ReprOnly()])
print(StrOnly(), "%s" % StrOnly(), f"{StrOnly()}", "{}".format(StrOnly()))
print(repr(StrOnly()).startswith("<__main__.StrOnly object at "))
print(f"{b!r} {b!s} {b}", "%r|%s" % (b, b))


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return "$%d" % (self.cents // 100)
        return "$" + format(self.cents / 100, spec or ".2f")


m = Money(12345)
print(format(m), format(m, "short"), f"{m:short}", f"{m:.1f}", "{:short}".format(m))


class Sub(Both):
    pass


print(Sub(5), repr(Sub([1])))


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)


class Nested:
    def __init__(self, children):
        self.children = children

    def __repr__(self):
        return "N%r" % (self.children,)


print(Nested([Nested([]), Nested([Nested([])])]))
print(repr(Both), Both.__repr__(b), object.__str__(ReprOnly()))
