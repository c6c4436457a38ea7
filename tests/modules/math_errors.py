# math: domain and range errors, type errors.
import math

cases = [
    lambda: math.sqrt(-1),
    lambda: math.log(0),
    lambda: math.log(-1),
    lambda: math.log(10, 1),
    lambda: math.acos(2),
    lambda: math.asin(-1.5),
    lambda: math.exp(1000),
    lambda: math.pow(0, -1),
    lambda: math.pow(-8, 1 / 3),
    lambda: math.factorial(-1),
    lambda: math.factorial(2.5),
    lambda: math.fmod(1, 0),
    lambda: math.sqrt("4"),
    lambda: math.floor("x"),
    lambda: math.floor(math.inf),
    lambda: math.ceil(math.nan),
    lambda: math.isqrt(-1),
    lambda: math.gcd(1.5, 2),
    lambda: math.log2(0),
    lambda: math.comb(3, -1),
    lambda: math.cosh(1000),
    lambda: math.ldexp(1.0, 100000),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(i, type(e).__name__, e)
print(math.sqrt(math.inf), math.exp(-math.inf), math.atan(math.inf) == math.pi / 2, math.isnan(math.sin(math.nan)))
print(math.fsum([1e100, 1.0, -1e100]), sum([1e100, 1.0, -1e100]))
