# cython: language_level=3
"""Sensor filters: a Q15 fixed-point one-pole low-pass (integer only, as on
an MCU without FPU), a float exponential moving average, a moving average
over a C array window, and a median-of-3 spike filter."""

from libc.math cimport fabs, sqrt
from libc.stdint cimport int16_t, int32_t

DEF_WINDOW = 8


cdef inline int16_t sat16(int32_t x) noexcept:
    if x > 32767:
        return 32767
    if x < -32768:
        return -32768
    return <int16_t>x


cdef class LowPassQ15:
    """y += alpha * (x - y), alpha in Q15 (0..32767)."""
    cdef int32_t alpha
    cdef int32_t y

    def __init__(self, double alpha):
        if not 0.0 < alpha < 1.0:
            raise ValueError(f"alpha must be in (0, 1), got {alpha}")
        self.alpha = <int32_t>(alpha * 32768.0 + 0.5)
        self.y = 0

    cpdef int16_t step(self, int16_t x):
        self.y += (self.alpha * (<int32_t>x - self.y)) >> 15
        return sat16(self.y)

    def run(self, samples):
        return [self.step(s) for s in samples]


cdef class EMA:
    cdef double alpha, value
    cdef bint primed

    def __init__(self, double alpha):
        self.alpha = alpha
        self.primed = False

    cpdef double update(self, double x):
        if not self.primed:
            self.value = x
            self.primed = True
        else:
            self.value += self.alpha * (x - self.value)
        return self.value

    @property
    def value(self):
        return self.value if self.primed else None


cdef class MovingAverage:
    cdef double buf[8]
    cdef int n, pos
    cdef double total

    def __init__(self):
        self.n = 0
        self.pos = 0
        self.total = 0.0

    def push(self, double x):
        if self.n == 8:
            self.total -= self.buf[self.pos]
        else:
            self.n += 1
        self.buf[self.pos] = x
        self.total += x
        self.pos = (self.pos + 1) % 8
        return self.total / self.n


def median3(a, b, c):
    return max(min(a, b), min(max(a, b), c))


def despike(list samples):
    """Median-of-3 filter (the ends are kept)."""
    if len(samples) < 3:
        return list(samples)
    out = [samples[0]]
    for i in range(1, len(samples) - 1):
        out.append(median3(samples[i - 1], samples[i], samples[i + 1]))
    out.append(samples[-1])
    return out


def rms(samples):
    cdef double acc = 0.0
    cdef Py_ssize_t n = 0
    for s in samples:
        acc += <double>s * <double>s
        n += 1
    return sqrt(acc / n) if n else 0.0


def max_abs_error(a, b):
    cdef double worst = 0.0, d
    for x, y in zip(a, b):
        d = fabs(<double>x - <double>y)
        if d > worst:
            worst = d
    return worst
