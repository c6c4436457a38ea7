# __call__, __getattr__, __getattribute__-free attribute hooks, __setattr__, __delattr__.
class Multiplier:
    def __init__(self, k):
        self.k = k

    def __call__(self, x, *more):
        return x * self.k + sum(more)


m = Multiplier(3)
print(m(5), m(1, 2, 3), callable(m), callable(5), callable(print), callable(Multiplier))


class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        # Only called when normal lookup fails.
        print("forwarding", name)
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1))
try:
    p.nonexistent
except AttributeError as e:
    print("AttributeError", e)


class Record:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)


r = Record()
r.a = 1
r.b = 2
del r.a
setattr(r, "c", 3)
print(r.log, hasattr(r, "a"), r.b, getattr(r, "c"), getattr(r, "zz", "default"))


class Dynamic:
    def __getattr__(self, name):
        if name.startswith("get_"):
            return lambda: name[4:].upper()
        raise AttributeError("no attribute %r" % name)


d = Dynamic()
print(d.get_thing(), hasattr(d, "get_x"), hasattr(d, "other"))
try:
    d.other
except AttributeError as e:
    print("AttributeError", e)


class Slots:
    __slots__ = ("x",)


s = Slots()
s.x = 1
try:
    s.y = 2
except AttributeError as e:
    print("AttributeError", e)
print(s.x)
try:
    delattr(r, "nope")
except AttributeError as e:
    print("AttributeError", e)
