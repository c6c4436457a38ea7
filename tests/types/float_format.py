# Formatting floats: repr/str, format specs, % and f-strings.
vals = [0.0, -0.0, 1.0, 0.1, 1 / 3, 2 / 3, 1e-7, 1e-4, 123456.789, 1e15, 1e16, 1.5e300, 2.5e-308, 12345678901234567890.0, 3.141592653589793]
for v in vals:
    print(repr(v), str(v), "%g" % v, "%.3e" % v, format(v, ".4g"), format(v, ""))
specs = ["f", ".0f", ".1f", "10.3f", "<10.2f", "^10.2f", "+.2f", " .2f", "010.2f", ",.2f", "_.1f", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%"]
for spec in specs:
    print(repr(spec), format(1234.5678, spec), format(-0.00012345, spec))
print(format(float("inf"), "f"), format(float("-inf"), "e"), format(float("nan"), "g"), format(float("inf"), "10.2f"), format(float("nan"), "F"))
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f} {1e22:f} {1e-5:f} {123.456:.2g} {0.0001:g} {100000.0:g} {1e6:g}")
print(round(2.675, 2), str(1.1 * 3), 1e16 + 1, 0.1 + 0.7, 4.35 * 100, 1.0 / 49 * 49)
print(float.fromhex("0x1.8p1"), (1.5).hex(), (0.1).hex(), float.fromhex("-0x1p-2"))
try:
    format(1.5, "d")
except ValueError as e:
    print("ValueError", e)
try:
    format(1.5, "x")
except ValueError as e:
    print("ValueError", e)
print("{:.15g} {:.17g} {:.20f}".format(0.1, 0.1, 0.1))
