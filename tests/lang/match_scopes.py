# Pattern matching inside functions, closures, classes, generators,
# comprehension-like loops; nested or-patterns reordering captures.

def outer(v):
    match v:
        case [x, y]:
            pass
        case _:
            x = y = None
    def inner():
        return x, y
    return inner()

print(outer([1, 2]), outer(3))

class K:
    match (1, 2):
        case (a, b):
            total = a + b
print(K.total, K.a, K.b)

def gen(items):
    for it in items:
        match it:
            case {"yield": v}:
                yield v
            case [*vs]:
                yield from vs
            case _:
                pass

print(list(gen([{"yield": 1}, [2, 3], "x", {"no": 1}, (4,)])))

def reorder(v):
    match v:
        case (a, b, c) | [c, b, a, _] | {"a": a, "c": c, "b": b}:
            return a, b, c
    return None

print(reorder((1, 2, 3)), reorder([1, 2, 3, 4]), reorder({"a": 1, "b": 2, "c": 3}))

def deep(v):
    match v:
        case [(1 | 2) as a, [b, *c] | {"b": b, "c": c}] if a < 2:
            return "first", a, b, c
        case [(1 | 2) as a, [b, *c] | {"b": b, "c": c}]:
            return "second", a, b, c
    return "none"

print(deep([1, [2, 3, 4]]), deep([2, {"b": 5, "c": 6}]), deep([3, []]))

# Walrus in guards, and globals bound by patterns.
def walrus(v):
    match v:
        case [x] if (y := x * 2) > 4:
            return y
        case [x]:
            return -x
    return 0

print(walrus([3]), walrus([1]), walrus([]))

match {"name": "g", "n": 3}:
    case {"name": str(gname), "n": int(gn)}:
        pass
print(gname, gn)

def setter():
    global gset
    match 5:
        case gset:
            pass
setter()
print(gset)

# Class pattern with inherited __match_args__ and keyword attributes.
class Base:
    __match_args__ = ("a",)
    def __init__(self, a, b=0):
        self.a = a
        self.b = b

class Child(Base):
    pass

match Child(1, 2):
    case Base(a, b=bb):
        print("child", a, bb)

# Properties are looked up as attributes.
class P:
    __match_args__ = ("v",)
    @property
    def v(self):
        return [1, 2, 3]

match P():
    case P([1, *rest]):
        print("property", rest)

# Subclass of a match-self builtin.
class MyInt(int):
    pass

match MyInt(7):
    case int(n):
        print("myint", n, type(n).__name__)

class MyList(list):
    pass

match MyList([1, 2]):
    case [a, b]:
        print("mylist", a, b)

class MyDict(dict):
    pass

match MyDict(a=1):
    case {"a": v}:
        print("mydict", v)

# A mapping via get(): only .get is used.
class Getter(dict):
    def get(self, key, default=None):
        print("get", key)
        return dict.get(self, key, default)

match Getter(x=1, y=2):
    case {"x": 1, "y": yv}:
        print("getter", yv)

# Length checks and failing sub-pattern effects.
match [1, 2, 3]:
    case [1, 2]:
        print("no")
    case [1, 2, 3, *more]:
        print("more", more)

# Literal vs singleton semantics.
match 1:
    case True:
        print("1 is True?")
    case 1:
        print("1 == 1")
match 0.0:
    case False:
        print("bad")
    case 0:
        print("0.0 == 0")

# Exhaustion: no case matches, nothing happens.
match 99:
    case 1:
        print("no")
print("done")
