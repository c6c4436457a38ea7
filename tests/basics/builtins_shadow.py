# Builtin names can be shadowed by globals and locals, and reappear after del.
print(len("abc"))
len = lambda x: "shadowed"  # noqa: E731
print(len("abc"))
del len
print(len("abc"))


def local_shadow():
    list = "local list"  # noqa: F841
    return list


print(local_shadow(), list("ab"))


def param_shadow(max):
    return max * 2


print(param_shadow(21), max(1, 2))


class C:
    str = "class attr"

    def method(self):
        return str(5)


print(C().method(), C.str)
import builtins  # noqa: E402

original = builtins.abs
builtins.abs = lambda x: "patched"
print(abs(-1))
builtins.abs = original
print(abs(-1))
print = print  # noqa: A001
print("print rebound to itself still works")
try:
    del sorted
except NameError as e:
    builtins.print("NameError", e)
