# int arithmetic: small/big boundaries, floor division and modulo signs, shifts, bitwise ops, pow.
big = 2 ** 62

for a in (0, 1, -1, 7, -7, big):
    for b in (3, -3, big, -(2 ** 70)):
        print(a + b, a - b, a * b, a // b, a % b, a.__divmod__(b), a / b)
print(2 ** 63, -(2 ** 63), 2 ** 63 - 1 + 1, (2 ** 64) // (2 ** 32), 10 ** 30 % 7, -(10 ** 30) % 7)
print(1 << 62, 1 << 63, 1 << 64, 1 << 200, (1 << 200) >> 199, -1 << 70, -(1 << 70) >> 3, 5 >> 100, -5 >> 100)
print(0xF0 & 0x3C, 0xF0 | 0x3C, 0xF0 ^ 0x3C, ~0, ~(2 ** 70), -(2 ** 70) & 0xFFFF, (2 ** 70) | 1, -1 ^ (2 ** 65))
print(2 ** 10, (-2) ** 3, 2 ** -1, (-2) ** -2, 0 ** 0, 7 ** 0, (-1) ** (10 ** 20), 3 ** 40)
print(10 ** 18 * 10, -(10 ** 18) * 10, (2 ** 64 - 1) * (2 ** 64 - 1), 2 ** 128 // 3)
print(7 / 2, -7 / 2, 10 ** 30 / 10 ** 10, 1 / 3, (2 ** 53 + 1) / 1, 2 ** 1000 / 2 ** 998)
print((5).__pow__(3, 7), (2).__pow__(-1, 7), (3).__pow__(200, 10 ** 9 + 7), (-3).__pow__(3, -7))
print((5).__add__(3), (5).__radd__(3), (5).__sub__(8), (5).__rsub__(8), (6).__mul__(7), (7).__floordiv__(2))
print((7).__truediv__(2), (7).__rtruediv__(2), (7).__mod__(-3), (7).__rmod__(-3), (1).__lshift__(5), (64).__rshift__(2))
print((5).__add__(1.5), (5).__mul__("x"), (5).__and__(3), (5).__or__(2), (5).__xor__(1), (3).__rpow__(2))
print((5).__neg__(), (5).__pos__(), (5).__invert__(), (-5).__abs__(), (2 ** 70).__neg__(), (-(2 ** 70)).__abs__())
print((5).__eq__(5), (5).__lt__(6), (5).__ge__(6.5), (5).__eq__("5"), (5).__ne__(4), (5).__gt__(2 ** 70))
print((5).__bool__(), (0).__bool__(), (2 ** 70).__bool__(), (5).__index__(), (5).__int__(), (5).__float__())
cases = [
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: 1 / 0,
    lambda: (1).__divmod__(0),
    lambda: 0 ** -1,
    lambda: 1 << -1,
    lambda: 1 >> -1,
    lambda: (2).__pow__(3, 0),
    lambda: (2).__pow__(-1, 4),
    lambda: (2 ** 2000) / 1,
    lambda: 1 / (2 ** 2000) + (2 ** 2000) / (2 ** -1 and 1),
    lambda: 1 + "a",
    lambda: "a" - 1,
    lambda: 2 ** 10000 * 1.0,
    lambda: (5).__add__(),
    lambda: int.__add__(1.5, 1),
    lambda: 1 << (2 ** 70),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
