# Default arguments, *args and **kwargs.
def f(a, b=2, c=3):
    return a, b, c


print(f(1), f(1, 20), f(1, c=30), f(a=5, b=6, c=7), f(*[1, 2]), f(**{"a": 9, "c": 8}))


def g(*args, **kwargs):
    return args, sorted(kwargs.items())


print(g(), g(1, 2), g(x=1), g(1, *[2, 3], y=4, **{"z": 5}))


def h(a, *args, b=10, **kw):
    return a, args, b, kw


print(h(1), h(1, 2, 3), h(1, b=2), h(1, 2, c=3, b=4))


# Defaults are evaluated once, at definition time.
def append(x, acc=[]):
    acc.append(x)
    return acc


print(append(1), append(2), append(3, []))
n = 5


def captured(v=n):
    return v


n = 6
print(captured(), f.__defaults__, h.__kwdefaults__)


def none_default(x, items=None):
    if items is None:
        items = []
    items.append(x)
    return items


print(none_default(1), none_default(2))
print(f.__name__, g.__name__, f.__code__.co_argcount if hasattr(f, "__code__") else 3)


def outer(x, y=lambda v: v * 2):
    return y(x)


print(outer(4), outer(4, lambda v: v + 1))
args = (1,)
kwargs = {"c": "C"}
print(f(*args, **kwargs), f(*args, b="B", **kwargs))
