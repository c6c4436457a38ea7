# Float arithmetic and repr.
print(0.1 + 0.2, 1.5 * 2, 3.0 / 2, 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(1e16, 1e15, 123456789.0, 1.0e-5, 0.0001, 1e22, 1.5e300 * 1e10)
print(2.0 ** 0.5, 2 ** 0.5, 4 ** 0.5, (-8.0) ** 2, 10.0 ** -2)
print(float("inf"), -float("inf"), float("inf") - float("inf") != float("inf") - float("inf"))
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan])
print(1.0 == 1, 1.5 > 1, 2 ** 53 + 1 == float(2 ** 53 + 1), 0.1 * 3 == 0.3)
print(-0.0, 0.0 == -0.0, abs(-0.0), -0.0 + 0.0)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2), round(0.5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, -2.5))
print(int(3.9), int(-3.9), int(1e3), float(7), float(-0.0))
print(1 / 3 * 3, 100 * 1.1, 1e-320, 5e-324, 1.7976931348623157e308)
print(float("1.5"), float(" -2.25 "), float("1e3"), float("Infinity"), float("-nan"), float("1_000.5"))
print(3.0.is_integer(), 3.5.is_integer(), (0.5).as_integer_ratio(), (-0.75).as_integer_ratio())
print(hash(1.0) == hash(1), hash(0.0) == hash(0), hash(-0.0) == hash(0))
for f in (lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0, lambda: float("abc"),
          lambda: int(float("inf")), lambda: int(nan), lambda: (-8.0) ** 0.5 == 0):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
x = 1.0
x += 0.5
x *= 4
x /= 3
x -= 1
print(x)
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
