# Ints grow into arbitrary precision transparently.
a = 2 ** 62
print(a, a * 2, a * 4, a * a)
print(2 ** 64 - 1, 2 ** 64, -(2 ** 63), -(2 ** 63) - 1)
big = 1
for i in range(1, 31):
    big *= i
print(big)
print(big // 10 ** 20, big % 10 ** 20)
print(-big // 7, -big % 7, big // -7, big % -7)
print(divmod(big, 12345678901234567890))

# Overflow during add/sub/mul of machine-sized values.
m = 9223372036854775807
print(m + 1, m * m, -m - 2, m * -m)
print((m + 1) - 1 == m, type(m + 1).__name__)

# Big powers, shifts and comparisons.
p = 3 ** 100
print(p)
print(p > 2 ** 158, p < 2 ** 159, p == 3 ** 100, p != p + 1)
print(len(str(7 ** 500)), str(7 ** 500)[:20], str(7 ** 500)[-20:])
print(1 << 100, (1 << 100) >> 99, -(1 << 100) >> 98)
print(pow(3, 200, 10 ** 9 + 7), pow(12345678901234567890, 3, 98765432109876543210))

# Mixed with floats.
print(float(2 ** 80), 2 ** 80 / 2 ** 78, 2 ** 80 + 0.5)
print(int(1e20), int(-1.5e19))

# Bigints as dict keys and in sets: equal values are the same key.
d = {2 ** 70: "big", 5: "small"}
print(d[2 ** 70], d[(2 ** 70 * 3) // 3], (2 ** 70 - 2 ** 70 + 5) in d)
print(hash(2 ** 70 - 2 ** 70 + 5) == hash(5))
print(sorted({2 ** 65, 2 ** 64, -2 ** 64, 0}))

# Parsing and formatting.
print(int("123456789012345678901234567890") * 3)
print(int("-ffffffffffffffffffff", 16), hex(2 ** 100), bin(2 ** 70), oct(2 ** 66))
print(abs(-2 ** 100), -(-2 ** 100) == 2 ** 100)
print(int("1" * 50) % 97, (10 ** 40) // (10 ** 20 + 1))
