# Bitwise operators on small and big ints, positive and negative.
vals = [0, 1, 5, -5, 255, -256, 2 ** 40 + 3, -(2 ** 40) - 3, 2 ** 70 + 1]
for a in vals[:5]:
    print(a, a & 0xF0, a | 0x0F, a ^ 0xFF, ~a)
for a in vals:
    for b in (3, -3, 2 ** 65 - 1):
        print(a & b, a | b, a ^ b)
print(1 << 0, 1 << 10, 1 << 63, 1 << 64, -1 << 3, 5 << 70)
print(1024 >> 3, -1024 >> 3, -1 >> 100, 7 >> 100, (2 ** 100) >> 98, -(2 ** 100 + 1) >> 99)
for n in (0, 1, 2, 255, 256, -1, -256, 2 ** 64, -(2 ** 64)):
    print(n, n.bit_length())
x = 0b1011
x |= 0b0100
x &= 0b1110
x ^= 0b0001
x <<= 2
x >>= 1
print(x, bin(x))
for f in (lambda: 1 << -1, lambda: 1 >> -1, lambda: 1.0 & 1, lambda: 1 | "a"):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
