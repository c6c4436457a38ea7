# math: exact-result functions, integer functions, fsum, hypot/dist, floor/ceil/trunc protocols, edge values.
import math

inf, nan = math.inf, math.nan
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan, type(math.pi).__name__)
print(math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(inf), math.sqrt(2 ** 100), math.cbrt(-8), math.exp2(10), math.exp(0), math.exp(-inf))
print(math.log(1), math.log(2 ** 1000), math.log(10 ** 400) > 921, math.log(8, 2), math.log(100, 10), math.log2(2 ** 2000), math.log10(10 ** 300), math.log10(1000), math.log(inf))
print(math.log1p(0), math.expm1(0), math.log1p(-0.0), math.atan(inf), math.atan2(1, 1) == math.pi / 4, math.atan2(-0.0, -1), math.atan2(0.0, -0.0), math.asin(-0.0))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(10 ** 30), math.ceil(True), math.floor(1e300) == 10 ** 300)
print(math.fabs(-2), math.fabs(-inf), math.fmod(-7, 3), math.fmod(7, -3), math.fmod(5, inf), math.fmod(-0.0, 1), math.remainder(7, 4), math.remainder(5, 2), math.remainder(-5, 2))
print(math.modf(2.5), math.modf(-2.5), math.modf(inf), math.modf(-inf), math.frexp(1.0), math.frexp(-3.0), math.frexp(inf), math.frexp(5e-324), math.ldexp(3, -1), math.ldexp(1, -1075))
print(math.copysign(1, -0.0), math.copysign(inf, -1), math.copysign(2, nan), math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(inf, nan), math.hypot(1e-320, 1e-320))
print(math.hypot(1e308, 1e308), math.hypot(0.1, 0.2, 0.3), math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], [2, 2, 2]), math.dist((1.5,), (-1,)))
print(math.isfinite(0), math.isinf(1e308 * 10), math.isnan(inf - inf), math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(nan, nan))
print(math.degrees(math.pi / 2), math.radians(90) == math.pi / 2, math.pow(2, 0.5), math.pow(-2, 3), math.pow(nan, 0), math.pow(1, nan), math.pow(-inf, 3), math.pow(0.5, -inf), math.pow(-1, inf))
print(math.factorial(0), math.factorial(20), math.factorial(21), math.factorial(30), math.factorial(True), math.factorial(200) % 10 ** 70)
print(math.gcd(), math.gcd(12), math.gcd(-12, 18), math.gcd(0, 0), math.gcd(12, 18, 8), math.gcd(2 ** 80, 6 ** 40), math.lcm(), math.lcm(4, 6), math.lcm(-4, 6, 10), math.lcm(0, 5))
print(math.comb(10, 3), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50), math.perm(5), math.perm(5, 2), math.perm(3, 5), math.perm(10, 0), math.comb(10 ** 20, 2))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40 + 1), math.isqrt(True), math.prod([]), math.prod([1.5, 2]), math.prod(range(1, 11)), math.prod([2, 3], start=10), math.prod(["a", 3], start=1))
print(math.fsum([]), math.fsum([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([1, 2, 3]), math.fsum([inf, 1]), math.fsum([-inf, nan]), math.fsum(x / 4 for x in (2, 1)))
print(math.fsum([1e308, 1e308, -1e308]) if False else math.fsum([2.0 ** 53, 1.0, 1.0]), math.fsum([1.1, 2.2, 3.3]), math.fsum([-0.0, -0.0]))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(-inf), math.ulp(1e308), math.nextafter(1, 2), math.nextafter(0, -1), math.nextafter(1, 1), math.erf(0), math.erfc(0), math.gamma(1), math.gamma(6), math.gamma(23), math.lgamma(1), math.lgamma(2))
print(math.gamma(0.5) == math.sqrt(math.pi), math.gamma(inf), math.lgamma(inf), math.lgamma(-inf), math.sinh(0), math.cosh(0), math.tanh(inf), math.asinh(0), math.acosh(1), math.atanh(0))


class Fl:
    def __floor__(self):
        return "floor!"

    def __ceil__(self):
        return "ceil!"

    def __trunc__(self):
        return "trunc!"


class R:
    def __float__(self):
        return 2.5


print(math.floor(Fl()), math.ceil(Fl()), math.trunc(Fl()), math.floor(R()), math.ceil(R()), math.sqrt(R()), math.isnan(R()))
