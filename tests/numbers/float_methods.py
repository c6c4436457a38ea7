# float(): strings, bytes, __float__/__index__, subclasses; methods: is_integer, as_integer_ratio, hex/fromhex, round, trunc/floor/ceil.
print(float(), float(3), float(-2 ** 60), float(True), float(" 1.5 "), float("-1_000.25"), float("1e3"), float(".5"), float("5."))
print(float("inf"), float("-Infinity"), float("nAn"), float("  -iNF\n"), float(b"2.5"), float("1e400"), float("-1e-400"))
for s in ("", "abc", "1.5.2", "1__0", "_1", "1e", "- 1", "0x10", "infx", b"x", "1,5"):
    try:
        print(float(s))
    except ValueError as e:
        print("ValueError", e)
for x in (None, [1.5], 1j, 10 ** 400):
    try:
        print(float(x))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)


class Fl:
    def __float__(self):
        return 2.25


class Ix:
    def __index__(self):
        return 5


class BadF:
    def __float__(self):
        return 1


class MyF(float):
    pass


print(float(Fl()), float(Ix()), MyF(1.5), type(MyF(1.5)).__name__, MyF("2.5") * 2, type(MyF(3) + 1).__name__, float(MyF(7.0)))
try:
    float(BadF())
except TypeError as e:
    print("TypeError", e)
print((1.0).is_integer(), (1.5).is_integer(), float("inf").is_integer(), float("nan").is_integer(), (-0.0).is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio(), (1e300).as_integer_ratio()[1], (0.0).as_integer_ratio(), (8.0).as_integer_ratio())
for v in (float("inf"), float("nan")):
    try:
        print(v.as_integer_ratio())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((1.0).hex(), (-0.1).hex(), (0.0).hex(), (-0.0).hex(), (5e-324).hex(), (1.7976931348623157e308).hex(), float("inf").hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex(" 0X.8 "), float.fromhex("inf"), float.fromhex("1"), MyF.fromhex("0x2p0"), type(MyF.fromhex("0x2p0")).__name__)
for s in ("0x", "1p", "0x1p99999"):
    try:
        print(float.fromhex(s))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print((2.5).__round__(), (3.5).__round__(), (-2.5).__round__(), (0.5).__round__(), (1.5).__round__(), type((2.7).__round__()).__name__)
print((2.675).__round__(2), (1234.5678).__round__(-2), (0.125).__round__(2), (-0.5).__round__(0), (5e-324).__round__(400), (1e300).__round__(-400))
print((123.456).__round__(None), (1.5).__trunc__(), (-1.5).__trunc__(), (-1.5).__floor__(), (-1.5).__ceil__(), (1e20).__trunc__(), (2.5).__ceil__())
for f in (lambda: float("inf").__round__(), lambda: float("nan").__round__(), lambda: float("inf").__floor__(), lambda: (1.5).__round__(1.5), lambda: (1.7e308).__round__(-308)):
    try:
        print(f())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print((1.5).real, (1.5).imag, (1.5).conjugate(), MyF(2.5).real, type(MyF(2.5).real).__name__, (2.5).__getnewargs__(), (1.5).__sizeof__())
print(f"{1.5!r} {1e16!r} {1e-5!r} {123456789012345678.0} {-0.0} {1/3} {2.0**0.5} {float('nan')} {-float('inf')} {0.1+0.2}")
