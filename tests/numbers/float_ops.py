# float arithmetic: signs of % and //, divmod, pow edge cases and errors, int/float mixing, comparisons.
inf = float("inf")
nan = float("nan")
for a in (7.5, -7.5, 0.0, -0.0, 1e300):
    for b in (2.0, -2.0, 0.3, 3):
        print(a + b, a - b, a * b, a / b, a // b, a % b, a.__divmod__(b))
print(5 % -0.0 if False else 0.0 % 5, -0.0 % 5, 0.0 % -5, 1e-300 % 1e300, -1e-300 % 1e300, 5.0 // inf, -5.0 // inf, 5.0 % inf, -5.0 % inf)
print(2.0 ** 10, 2.0 ** -2, (-2.0) ** 3, (-2.0) ** -3, 0.0 ** 0, 0.0 ** 5, (-0.0) ** 3, 1.0 ** nan, nan ** 0, 4 ** 0.5)
print(inf ** 2, inf ** -2, (-inf) ** 3, (-inf) ** 2, (-inf) ** -3, 0.5 ** inf, 2.0 ** -inf, (-1.0) ** inf, 2 ** 0.5)
print((-8.0) ** (1 / 3), (-1) ** 0.5, 10 ** -2, 2 ** -1074, 2 ** -1080)
print(1e308 * 10, -1e308 * 10, inf - inf, inf * 0, 1e-320 / 10, 0.1 + 0.2, 1 - 0.9, 3 * 0.1)
print(2 ** 53 + 1.0, 10 ** 20 + 0.5, 1 / 3 + 2, True + 0.5, 7 // 2.0, -7 // 2.0, 7 % -2.5, (2 ** 80) * 1.5)
print(1 == 1.0, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 < 2.0 ** 53 + 2, -(2 ** 70) < -1e21, 10 ** 400 > inf)
print(nan == nan, nan != nan, nan < 1, 1 < nan, nan == 1, 1 != nan, inf > 10 ** 400, -inf < -(10 ** 400), 0.0 == -0.0)
print(0.5 < 1, 1 <= 1.0, 3 > 2.9999999999999996, 2 ** 63 == 9.223372036854776e18, 2 ** 63 - 1 < 9.223372036854776e18)
print((1.5).__add__(1), (1.5).__radd__(1), (1.5).__sub__(0.5), (1.5).__rsub__(0.5), (1.5).__mul__("x"), (3.0).__rpow__(2))
print((7.5).__floordiv__(2), (7.5).__rfloordiv__(20), (7.5).__mod__(2), (7.5).__rmod__(20), (7.5).__truediv__(2), (2.0).__rtruediv__(1))
print((7.5).__rdivmod__(20), (1.5).__eq__(1.5), (1.5).__lt__(2), (1.5).__eq__("x"), (1.5).__neg__(), (-1.5).__abs__(), (-0.0).__abs__())
print((1.5).__bool__(), (0.0).__bool__(), (-0.0).__bool__(), nan.__bool__(), (2.5).__int__(), (2.5).__float__())
cases = [
    lambda: 1.0 / 0,
    lambda: 1 / 0.0,
    lambda: 1.0 // 0.0,
    lambda: 1.0 % 0,
    lambda: (1.0).__divmod__(0),
    lambda: 0.0 ** -1,
    lambda: 0.0 ** -inf,
    lambda: 10.0 ** 400,
    lambda: (-10.0) ** 401,
    lambda: 1.5 ** 10000,
    lambda: 1.0 + 10 ** 400,
    lambda: 2.0 ** (10 ** 400),
    lambda: ~1.5,
    lambda: 1.5 << 1,
    lambda: 1.5 & 1,
    lambda: 1.5 + "a",
    lambda: float.__add__(1, 1.5),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e, e.args)
