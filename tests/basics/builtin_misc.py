# Assorted builtins: callable, id, type, iter/next, dir, vars, globals, locals.
def f():
    pass


class C:
    pass


print(callable(f), callable(C), callable(C()), callable(len), callable("s"), callable(None))
a = []
b = a
print(id(a) == id(b), id(a) == id([]), type(id(a)).__name__)
print(type(1), type("s"), type([]), type(None), type(f).__name__, type(len).__name__, type(C()))
print(type(type), type(C), type(1.5).__name__, type(2 ** 80).__name__, type(range(1)).__name__)


def local_names(x, y=2):
    z = 3
    return sorted(locals())


print(local_names(1))
g = globals()
print(g["__name__"], "f" in g, "local_names" in g)
print(sorted(n for n in dir(C()) if not n.startswith("__")), "__init__" in dir(C))
print(isinstance(dir(), list), "f" in dir())
print(vars(C()) == {}, "k" in vars(type("T", (), {"k": 1})))
print(__name__, __name__ == "__main__")
print(ascii("héllo"), ascii([1, "€"]), repr("héllo"))
print(pow(2, 8), pow(2.0, 3), pow(4, 0.5))
print(format(3.14159, ".2f"), format("s", ">3"), format(42), format(True))
import builtins
print(builtins.len is len, builtins.print is print)
x = 10
print(eval("x * 2"), eval("[i for i in range(x) if i % 4 == 0]"))
print(slice(3).stop, slice(1, 2).start, slice(1, 10, 2).step)
print(object.__name__, object().__class__.__name__, isinstance(object(), object))
print(NotImplemented, Ellipsis, ... is Ellipsis, type(...).__name__, type(NotImplemented).__name__)
