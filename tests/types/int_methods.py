# int methods and the int() constructor with bases.
print((255).to_bytes(2, "big"), (255).to_bytes(2, "little"), (0).to_bytes(1, "big"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x00\xff", "big"), int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"", "little"))
print((2 ** 70).to_bytes(9, "big"), int.from_bytes((2 ** 70).to_bytes(9, "little"), "little") == 2 ** 70)
print((10).bit_length(), (-10).bit_length(), (0).bit_length(), (255).bit_count(), (-7).bit_count())
print((7).real, (7).imag, (7).numerator, (7).denominator, (7).conjugate(), (6).as_integer_ratio(), int.__name__)
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("777", 8), int("0o777", 0), int("101", 2), int("0b101", 0), int("z", 36), int("Zz", 36))
print(int("  42\n"), int("-0"), int("+0x10", 0), int("1_0", 0), int(b"12"), int(bytearray(b"-3")))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
for s, base in (("12", 2), ("0x", 16), ("010", 0), ("9", 8), ("", 16), ("1 2", 10), ("ab", 37)):
    try:
        print(int(s, base))
    except ValueError as e:
        print("ValueError", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError", e)
print(int(), int(0.9999), int(-0.5), int(1e18), int("9" * 30), int(str(-(2 ** 80))))


class Trunc:
    def __index__(self):
        return 9


print(int(Trunc()), (5).__add__(3), (5).__mul__("x") is NotImplemented, (2).__pow__(10), (9).__floordiv__(2))
print(isinstance(5, int), int is type(5), type(2 ** 100) is int, (1).__class__.__name__)
print((5).__hash__() == hash(5), (0).__bool__(), (3).__neg__(), (3).__invert__(), (17).__mod__(5))
