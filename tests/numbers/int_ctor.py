# int(): strings with bases, underscores and whitespace, bytes, floats, __int__/__index__/__trunc__, subclasses.
print(int(), int(0), int(-5), int(True), int(2 ** 80), int(" 42 "), int("\t-17\n"), int("+8"), int("1_000_000"))
print(int("ff", 16), int("0xff", 16), int("0XFF", 0), int("0o17", 0), int("0b1010", 0), int("z", 36), int("ZZ", 36))
print(int("0", 0), int("00", 0), int("0_0", 0), int("0x_1f", 0), int("1" * 30), int("-" + "9" * 25), int(b" 12 "), int(b"ff", 16))
print(int("١٢٣"), int(base=16, x="ff") if False else int("10", base=2), int("10", 8), int("zz", base=36))
print(int(3.99), int(-3.99), int(-0.0), int(1e20), int(2.0 ** 100), int(1e-300), int(123456789.999))
bad = [("",), (" ",), ("1 2",), ("1__0",), ("_1",), ("1_",), ("0x",), ("12", 2), ("9", 8), ("010", 0), ("1.5",), ("abc",),
       ("0b2", 0), ("1e5",), ("--1",), (b"1.5",), ("12", 37), ("12", 1), ("12", -1), (12, 10), (1.5, 2), (None,),
       ([1],), (float("nan"),), (float("inf"),), (float("-inf"),), ("5", 1.5), ("5", "10")]
for args in bad:
    try:
        print(int(*args))
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)


class Idx:
    def __index__(self):
        return 11


class Tr:
    def __trunc__(self):
        return Idx()


class In:
    def __int__(self):
        return 12


class BadInt:
    def __int__(self):
        return "x"


print(int(Idx()), int(In()), int("12", Idx()))
for x in (BadInt(), object()):
    try:
        print(int(x))
    except TypeError as e:
        print("TypeError", e)


class MyInt(int):
    pass


class Over(int):
    def __int__(self):
        return 99


m = MyInt(7)
print(m, type(m).__name__, m + 1, type(m + 1).__name__, m * m, -m, m == 7, type(int(m)).__name__, int(Over(3)))
print(MyInt("ff", 16), MyInt(), MyInt(2 ** 70), type(MyInt(2 ** 70)).__name__, MyInt(2 ** 70) // 2 ** 69)
print(f"{MyInt(255):x}", str(MyInt(-3)), MyInt(5).__index__(), type(MyInt(5).__index__()).__name__)
print(int.__new__(MyInt, 3), type(int.__new__(MyInt, 3)).__name__, int("11111111111111111111111111111111111111111111111111") == 10 ** 50 // 9)
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError", e)
