# int methods: bit ops, to_bytes/from_bytes, round with negative ndigits, properties, format specs via f-strings.
for v in (0, 1, -1, 255, -256, 2 ** 64, -(2 ** 100) + 1):
    print(v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real, v.imag, v.numerator, v.denominator, v.__sizeof__())
print((1).to_bytes(), (65535).to_bytes(2, "little"), (-2).to_bytes(3, "big", signed=True), (0).to_bytes(0, "big"), (-1).to_bytes(0 + 1, "little", signed=True))
print((2 ** 64).to_bytes(9, byteorder="big"), (127).to_bytes(1, "big", signed=True), (-128).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\x01\x00"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes([1, 2, 3], "big"))
print(int.from_bytes(b"", "big", signed=True), int.from_bytes(b"\x80\x00\x00\x00\x00\x00\x00\x00\x00\x00", "big", signed=True), bool.from_bytes(b"\x01", "big"))
for f in (lambda: (128).to_bytes(1, "big", signed=True), lambda: (-129).to_bytes(1, "big", signed=True), lambda: (1).to_bytes(-1, "big"),
          lambda: (1).to_bytes(1, "middle"), lambda: int.from_bytes("ab", "big"), lambda: int.from_bytes([256], "big"), lambda: (1).to_bytes(1, 5)):
    try:
        print(f())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print((1234).__round__(-2), (1250).__round__(-2), (1350).__round__(-2), (-1250).__round__(-2), (-1350).__round__(-2), (15).__round__(-1), (25).__round__(-1))
print((5).__round__(), (5).__round__(3), (5).__round__(-1), (4).__round__(-1), (2 ** 70).__round__(-20))
print((7).__trunc__(), (7).__floor__(), (-7).__ceil__(), (7).__index__(), True.__index__(), type(True.__index__()).__name__, (7).__getnewargs__())
print(True.__trunc__(), type(True.real).__name__, True.numerator, (True).__invert__(), type(True.__round__()).__name__)
x = 1234567
print(f"{x} {x:,} {x:_} {-x:,} {x:_b} {x:_x} {x:#x} {x:#X} {x:#o} {x:#b} {x:x} {x:o} {x:n}")
print(f"{x:>12} {x:<12}| {x:^12} {x:*^13} {x:=+12} {x:012} {-x:012} {x:+} {x: } {-x: } {x:012,} {x:e} {x:.2f} {x:%} {x:g}")
print(f"{65:c} {0x1F600:c} {10:c}| {True:d} {True:>5} {True} {False:x} {0:#x} {0:b} {-0:+d} {2 ** 100:,} {2 ** 70:#_x}")
print(f"{255:08b} {255:#010b} {-255:#010x} {3:^+7} {12:,.0%}" if True else "")
for spec in (".2d", "s", "z", "c", "+c", "#c", "q", ",c", "_n", ",b", "=^"):
    try:
        print(spec, (42).__format__(spec))
    except (ValueError, OverflowError) as e:
        print(spec, type(e).__name__, e)
for v, spec in ((-1, "c"), (0x110000, "c"), (2 ** 70, "c"), (10 ** 400, "f")):
    try:
        print(v.__format__(spec))
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    (1).__format__(5)
except TypeError as e:
    print("TypeError", e)
print((10 ** 50).__format__(""), str(-(10 ** 30)), f"{-(2 ** 64)!r}", (12).__repr__(), False.__repr__(), True.__format__(""), True.__format__("d"))
