# Exact comparisons between ints (including big ones) and floats.
big = 2 ** 53
print(big == float(big), big + 1 == float(big + 1), big + 1 > float(big), float(big) < big + 1)
print(2 ** 64 == 2.0 ** 64, 2 ** 64 + 1 > 2.0 ** 64, 10 ** 400 > 1e308, -10 ** 400 < -1e308)
print(10 ** 400 < float("inf"), -10 ** 400 > float("-inf"), 10 ** 400 == float("inf"), 1 == float("nan"))
print(1 < 1.5 < 2, 3 == 3.0, 3 != 3.000000001, -0 == -0.0, 0 < 5e-324, 9007199254740993 == 9007199254740992.0)
print(max(2 ** 60, 2.0 ** 60), min(2 ** 60 + 1, 2.0 ** 60), sorted([2.5, 2, 3, 2 ** 70, 1e21]))
print(1e16 == 10 ** 16, 1e23 == 10 ** 23, int(1e23), 0.1 == 1 / 10, 0.5 == 1 / 2)
print(hash(2 ** 53) == hash(2.0 ** 53), hash(10 ** 16) == hash(1e16), {1e16: "f"}.get(10 ** 16))
print(True == 1.0, False < 0.5, 2 > True, 7 // 2 == 3.0, 7 / 2 == 3.5)
for a, b in [(1, 1.0), (2 ** 70, 2.0 ** 70), (-3, -2.5), (0, -0.0), (5, 4.999999999999999)]:
    print(a, b, a < b, a <= b, a == b, a >= b, a > b)
