# hex(), oct(), bin() and the matching format() specs.
for n in (0, 1, 7, 8, 255, 256, -1, -255, 2 ** 32, 2 ** 64 + 5, -(2 ** 70)):
    print(n, hex(n), oct(n), bin(n))
print(format(255, "x"), format(255, "X"), format(255, "#x"), format(255, "#X"), format(8, "o"), format(8, "#o"))
print(format(5, "b"), format(5, "#b"), format(5, "08b"), format(-5, "b"), format(255, "#010x"), format(2 ** 40, "_x"))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print(f"{3054:x} {3054:#_x} {-3054:x} {10:>6b} {10:<6o}|")
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2), int(hex(-99), 0))


class Idx:
    def __index__(self):
        return 42


print(hex(Idx()), oct(Idx()), bin(Idx()), hex(True))
for bad in (1.5, "10", None):
    try:
        hex(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    bin(2.0)
except TypeError as e:
    print("TypeError", e)
print(0x_ff, 0o7_7, 0b1_0, 1_000_000, 0XAB, 0O17, 0B11)
