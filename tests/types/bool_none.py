# bool and None.
print(True, False, None, repr(True), str(None), type(True).__name__, type(None).__name__)
print(True + 1, True * 3, False * 10, True / 2, True // 1, -True, ~True, True << 3, True & 3, True | 2)
print(True == 1, False == 0, True is True, None is None, None == None, None != 0, None == False)
print(bool(None), bool(True), int(False), float(True), str(False), bool("False"), bool([None]))
print(True and None, None or False, not None, [] or None, None and 1)
print(sorted([True, False, 2, -1]), max(True, 0), sum([True] * 5), [10, 20][True], {True: "t"}[1])
print(isinstance(True, bool), isinstance(True, int), isinstance(None, object), bool.__bases__[0].__name__)
print(True.real, True.imag, (True).bit_length(), hash(True), hash(False), True.__class__ is bool)
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError", e)
try:
    None + 1
except TypeError as e:
    print("TypeError", e)
try:
    len(None)
except TypeError as e:
    print("TypeError", e)
nothing_here = None
try:
    nothing_here()
except TypeError as e:
    print("TypeError", e)


def nothing():
    pass


def explicit():
    return


print(nothing(), explicit(), nothing() is None, [nothing() for _ in range(2)], type(None)() is None)
print(f"{True}", f"{True:d}", f"{True:>6}", "%d %s %r" % (True, True, None), format(False), format(None, ""))
print(bool.__name__, True.__bool__(), bool(0.0), bool(-0.0), bool(1e-300), bool(0j), bool(""))
