# Type objects: type(), names, calling types, dynamic class creation.
for v in (1, 1.5, "s", b"b", [], (), {}, set(), frozenset(), None, True, range(1), 1j, bytearray(), len, print, type):
    t = type(v)
    print(t.__name__, t is v.__class__)
print(type(1) is int, type(int) is type, type(type) is type, isinstance(type, object), type.__name__)
print(int("5"), str(5), float("2"), list("ab"), tuple([1]), dict(a=1), set("a"), bool(2), type(3)(4))
Dyn = type("Dyn", (object,), {"x": 10, "double": lambda self: self.x * 2})
d = Dyn()
print(Dyn.__name__, d.x, d.double(), isinstance(d, Dyn), Dyn.__bases__[0] is object)
Sub = type("Sub", (Dyn,), {"x": 21})
print(Sub().double(), issubclass(Sub, Dyn), [c.__name__ for c in Sub.__mro__])
print(int.__name__, str.__name__, list.__name__, dict.__name__, object.__name__, type(None).__name__)
print(repr(int), repr(type), repr(object), str(list), repr(Dyn))
print(int.__mro__, bool.__mro__, object.__bases__, type.__bases__)


class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)

    def __call__(cls, *args):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args)


class Tagged(metaclass=Meta):
    def __init__(self, v):
        self.v = v


t = Tagged(5)
print(Tagged.tag, t.v, type(Tagged).__name__, isinstance(Tagged, type))


class WithNew:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        inst = super().__new__(cls)
        inst.created = True
        return inst

    def __init__(self, a):
        print("__init__", a)


w = WithNew(7)
print(w.created)


class Singleton:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst


print(Singleton() is Singleton())
try:
    type("Bad", (1,), {})
except TypeError as e:
    print("TypeError", e)
print(type.__call__(int, "7"), int.__new__(int, 3), object.__new__(Dyn).x)
