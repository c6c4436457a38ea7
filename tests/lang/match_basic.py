# Structural pattern matching (PEP 634): literals, captures, sequences,
# mappings, classes, guards, or-patterns.

def lit(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2+3j:
            return "complex"
        case -2-3j:
            return "neg complex"
        case "hello" "world":
            return "concat"
        case b"x":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case _:
            return "other"

for v in [0, 1, 2, 3, -1, 1.5, 2+3j, -2-3j, "helloworld", b"x", None, True, False, 1.0, 0.0, "zz", 4]:
    print(repr(v), lit(v))

def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case [a, *rest, z] if len(rest) > 2:
            return f"long {a} {rest} {z}"
        case (a, *_, z):
            return f"many {a} {z}"
        case _:
            return "nope"

for v in [[], [1], (1, 2), [1, 2, 3], [1, 2, 3, 4, 5], range(3), "ab", b"ab", {1: 2}, 5, bytearray(b"ab")]:
    print(repr(v), seq(v))

def star(x):
    match x:
        case [*a]:
            return a
    return None

print(star((1, 2)), star([]), star("no"))

def wild_star(x):
    match x:
        case [first, *_, last]:
            return first, last
        case [*_, last]:
            return ("last", last)
    return None

print(wild_star([1, 2, 3, 4]), wild_star([1]), wild_star(()), wild_star(range(10)))

def mapping(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return ("point", px, py)
        case {"type": "circle", **rest}:
            return ("circle", rest)
        case {}:
            return "any mapping"
        case _:
            return "not a mapping"

print(mapping({"type": "point", "x": 1, "y": 2, "z": 3}))
print(mapping({"type": "circle", "r": 4, "c": (0, 0)}))
print(mapping({"type": "square"}))
print(mapping([1, 2]))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def cls(p):
    match p:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case int(n) if n > 100:
            return f"big int {n}"
        case int() | float() as num:
            return f"number {num!r}"
        case str(s):
            return f"str {s}"
        case [Point(x=a), Point(x=b)]:
            return f"two points {a} {b}"
        case _:
            return "unknown"

for p in [Point(0, 0), Point3(0, 0, 0), Point(0, 5), Point(5, 0), Point(3, 3), Point(1, 2), 500, 5, 2.5, True, "s", [Point(1, 0), Point(2, 0)], None]:
    print(cls(p))

def as_pat(x):
    match x:
        case [1, 2] as whole:
            return whole
        case (1 | 2) as one_or_two:
            return one_or_two
        case [(1 | 2) as a, (3 | 4) as b]:
            return a, b
        case [1, [2, (3 | 4) as inner]]:
            return inner
    return "no"

print(as_pat([1, 2]), as_pat(2), as_pat([2, 4]), as_pat((1, [2, 4])), as_pat(7))

def orbind(x):
    match x:
        case [a, 1] | [1, a]:
            return a
        case {"k": a, "j": b} | [b, a, _]:
            return a, b
    return "none"

print(orbind([5, 1]), orbind([1, 6]), orbind({"k": 1, "j": 2}), orbind([1, 2, 3]), orbind(0))

# Dotted value patterns.
class Color:
    RED = 1
    GREEN = 2

def color(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
    return "?"

print(color(1), color(2), color(3))

# The subject is evaluated once; tuples as subjects.
calls = []
def subj():
    calls.append(1)
    return (1, 2)

match subj():
    case (1, 3):
        print("no")
    case (1, x):
        print("x =", x)
print(len(calls))

match 1, 2:
    case a, b:
        print("tuple subject", a, b)

# Capture in a failing case leaves a binding (CPython does too).
match [1, 2]:
    case [q, 3]:
        pass
    case _:
        pass

# `match` and `case` remain usable as names.
match = [1, 2]
case = 3
print(match, case)
match[0] = 5
print(match)
def match(x):
    return x * 2
print(match(21))
print(case)

# Guards that fall through.
for n in range(5):
    match n:
        case k if k % 2 == 0:
            print(n, "even")
        case k:
            print(n, "odd")

# Mapping with a default-dict like __missing__ is not triggered.
class D(dict):
    def __missing__(self, key):
        print("missing called")
        return 0

match D(a=1):
    case {"a": 1, "b": _}:
        print("has b")
    case {"a": 1}:
        print("only a")

# Self-matching builtins.
for v in [1, 1.0, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), bytearray(b"x"), True]:
    match v:
        case bool(x):
            print("bool", x)
        case int(x):
            print("int", x)
        case float(x):
            print("float", x)
        case str(x) | bytes(x) | bytearray(x):
            print("strish", x)
        case list(x) | tuple(x):
            print("seq", x)
        case dict(x) | set(x) | frozenset(x):
            print("other", x)
