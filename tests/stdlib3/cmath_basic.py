# requires: module:cmath
# cmath: the functions on a few values (rounded: libm may differ by an ulp),
# polar/rect, constants, predicates and errors.
import cmath
import math


def r(z):
    return complex(round(z.real, 11), round(z.imag, 11))


vals = [1 + 0j, -1 + 0j, 1j, 1 + 1j, -2.5 + 0.5j, 0.3 - 0.7j, 3 + 4j, 10 - 3j]
names = ['sqrt', 'exp', 'log', 'log10', 'acos', 'acosh', 'asin', 'asinh', 'atan',
         'atanh', 'cos', 'cosh', 'sin', 'sinh', 'tan', 'tanh']
for n in names:
    f = getattr(cmath, n)
    out = []
    for z in vals:
        try:
            out.append(repr(r(f(z))))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__ + ': ' + str(e))
    print(n, ' '.join(out))
print(cmath.sqrt(-4), cmath.sqrt(4), cmath.sqrt(0j), cmath.sqrt(-0.0 - 0j))
print(cmath.phase(-1), cmath.phase(1j), cmath.phase(-1 - 0j), cmath.polar(3 + 4j))
print(cmath.rect(2, 0), r(cmath.rect(1, math.pi / 2)), r(cmath.log(8, 2)))
print(cmath.isfinite(1 + 1j), cmath.isinf(complex('inf')), cmath.isnan(cmath.nanj))
print(cmath.inf, cmath.infj, cmath.nan, cmath.pi, cmath.e, cmath.tau)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1, rel_tol=0.2),
      cmath.isclose(0j, 1e-10j, abs_tol=1e-9))
for f, a in [(cmath.exp, 1000), (cmath.log, 0), (cmath.atanh, 1), (cmath.sqrt, 'x'),
             (cmath.cosh, 800)]:
    try:
        print(f(a))
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)


class Z:
    def __complex__(self):
        return 2j


class F:
    def __float__(self):
        return 4.0


print(r(cmath.sqrt(Z())), cmath.sqrt(F()), cmath.sqrt(2))
