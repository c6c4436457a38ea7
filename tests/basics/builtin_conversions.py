# Conversions between builtin types and their errors.
print(int("42"), int(" -7 "), int("+3"), int("1_000"), int(3.99), int(-3.99), int(True), int("0"))
print(float("3.5"), float(2), float("  1e-3 "), float("-inf"), str(1.0), str(-0.5), str(10 ** 20))
print(str(None), str(True), str([1, "a"]), str((1,)), str({"k": None}), str(b"x"), str(3 + 0j))
print(repr("it's"), repr('say "hi"'), repr(1.5), repr([None, True]), repr((1,)), repr(()))
print(bool("False"), bool(0j), list("ab"), list((1, 2)), tuple([3]), set([1, 1]), dict([(1, 2)]))
print(list({"a": 1}), tuple(range(3)), list(b"AB"), bytes([65, 66]), bytes("é", "utf-8"), str(b"\xc3\xa9", "utf-8"))
print(int(" 12 "), float("nan") != float("nan"), complex("1+2j"), complex(1, -1), int(2 ** 70 + 0.0 + 1 > 0))
tests = [
    lambda: int("abc"),
    lambda: int(""),
    lambda: int("1.5"),
    lambda: int(None),
    lambda: int([1]),
    lambda: int("12", 1),
    lambda: float("1.2.3"),
    lambda: float(""),
    lambda: float([]),
    lambda: list(5),
    lambda: dict([1, 2]),
    lambda: dict([(1, 2, 3)]),
    lambda: bytes("abc"),
    lambda: bytes([256]),
    lambda: str(b"\xff", "utf-8"),
    lambda: tuple(None),
    lambda: int("__1"),
    lambda: int("1__0"),
]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError, UnicodeDecodeError) as e:
        print(type(e).__name__, e)


class Conv:
    def __int__(self):
        return 7

    def __float__(self):
        return 2.5

    def __str__(self):
        return "conv"

    def __bool__(self):
        return False


c = Conv()
print(int(c), float(c), str(c), bool(c))
print(int("0x1f", 16), int("1f", 16), int("0b101", 0), int("0o17", 0), int("z", 36), int("-0x10", 0))
