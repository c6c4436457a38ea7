# Number builtins (abs, round, divmod, pow, hash, format) over int/float/complex; needs those builtins.
import math

print(abs(-5), abs(-2 ** 70), abs(-1.5), abs(3 + 4j), abs(True), round(2.5), round(-0.5), round(2.675, 2), round(1250, -2))
print(divmod(7, -2), divmod(-7.5, 2), divmod(2 ** 70, 3), pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2, -1, 7), pow(-8, 1 / 3))
print(hash(1) == hash(1.0) == hash(1 + 0j), hash(2 ** 70) == hash(2.0 ** 70), hash(-1), format(1234.5, ",.2f"), format(255, "#x"))
print(round(math.pi, 3), round(1e300), type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(5, 2), round(-7.5))
for f in (lambda: pow(2, 3, 0), lambda: pow(1.5, 2, 3), lambda: divmod(1, 0), lambda: round(float("inf")), lambda: abs("x")):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
