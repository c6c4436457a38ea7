# cython: language_level=3
"""`cpdef` functions and methods: callable from Python and, without
Python call overhead, from Cython; a Python subclass can override a cpdef
method and Cython callers see the override."""

from libc.stdint cimport int64_t


cpdef int64_t gcd(int64_t a, int64_t b):
    while b:
        a, b = b, a % b
    return a if a >= 0 else -a


cpdef int64_t lcm(int64_t a, int64_t b) except? -1:
    if a == 0 or b == 0:
        return 0
    return a // gcd(a, b) * b


cpdef double poly(list coeffs, double x):
    """Horner's rule: coeffs[0] + coeffs[1]*x + ..."""
    cdef double acc = 0.0
    for c in reversed(coeffs):
        acc = acc * x + <double>c
    return acc


cpdef bint is_prime(long n):
    cdef long d
    if n < 2:
        return False
    d = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def primes_below(long n):
    return [k for k in range(n) if is_prime(k)]


cdef class Shape:
    cpdef double area(self):
        return 0.0

    cpdef str describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


cdef class Rect(Shape):
    cdef double w, h

    def __init__(self, double w, double h):
        self.w = w
        self.h = h

    cpdef double area(self):
        return self.w * self.h


cpdef double total_area(list shapes):
    cdef double s = 0.0
    cdef Shape sh
    for sh in shapes:
        s += sh.area()
    return s
