# sys._getframe(): f_back chains to the callers; f_code, f_globals.
import sys


def a():
    return b()


def b():
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


print(a())
print(sys._getframe().f_back)
print(sys._getframe().f_globals is globals())


def c():
    return sys._getframe(1).f_code.co_name, sys._getframe(1).f_back.f_code.co_name


def d():
    return c()


print(d())
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError", e)
