# math: constants and functions with exactly representable results.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.0), math.pow(2, 10), math.pow(2.0, -1), math.exp(0), math.exp(1) == math.e)
print(math.floor(2.7), math.floor(-2.2), math.ceil(2.1), math.ceil(-2.9), math.trunc(-2.9), math.trunc(2.9), type(math.floor(1.5)).__name__)
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(3, -0.0), math.hypot(3, 4), math.hypot(5, 12))
print(math.log(1), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(1000), math.log1p(0), math.expm1(0))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1) == math.pi / 2, math.acos(1), math.atan(0), math.atan2(0, -1) == math.pi)
print(math.degrees(math.pi), math.radians(180) == math.pi, math.sinh(0), math.cosh(0), math.tanh(0))
print(math.factorial(0), math.factorial(10), math.factorial(25), math.gcd(12, 18), math.gcd(0, 5), math.gcd(2 ** 70, 6))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(1.0), math.isclose(0.1 + 0.2, 0.3))
print(math.modf(3.5), math.modf(-2.25), math.frexp(8.0), math.ldexp(0.5, 4), math.frexp(0.0))
print(math.isqrt(17), math.isqrt(10 ** 20), math.comb(5, 2), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10))
print(math.floor(1e20), math.ceil(-1e20), math.floor(True), math.ceil(5), math.lcm(4, 6), math.dist((0, 0), (3, 4)))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), round(math.tan(math.pi / 4), 12))
print(math.copysign(1.0, -2.0), math.erf(0), math.gamma(5), math.lgamma(1))
