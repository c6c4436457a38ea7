# cython: language_level=3
"""Integer overflow: C integer arguments reject out-of-range Python ints
with OverflowError, unsigned arithmetic wraps modulo 2**N, signed C
arithmetic is checked with `cython.overflowcheck`, and saturating helpers
clamp, as firmware counters and ADC math need."""

cimport cython
from libc.stdint cimport int8_t, int16_t, int32_t, int64_t, uint8_t, uint16_t, uint32_t, uint64_t


def to_u8(uint8_t x):
    return x


def to_i16(int16_t x):
    return x


def to_u64(uint64_t x):
    return x


def wrap_add_u16(uint16_t a, uint16_t b):
    """Unsigned C arithmetic wraps."""
    cdef uint16_t r = a + b
    return r


def wrap_mul_u32(uint32_t a, uint32_t b):
    cdef uint32_t r = a * b
    return r


def counter_delta(uint32_t now, uint32_t before):
    """Elapsed ticks of a free-running 32-bit counter (correct across wrap)."""
    cdef uint32_t d = now - before
    return d


@cython.overflowcheck(True)
def checked_mul_i32(int32_t a, int32_t b):
    cdef int32_t r = a * b
    return r


@cython.overflowcheck(True)
def checked_sum_i64(list values):
    cdef int64_t total = 0
    cdef int64_t v
    for v in values:
        total += v
    return total


cdef inline int16_t sat_add16(int16_t a, int16_t b) noexcept:
    cdef int32_t r = <int32_t>a + b
    if r > 32767:
        return 32767
    if r < -32768:
        return -32768
    return <int16_t>r


def saturating_sum16(values):
    cdef int16_t acc = 0
    for v in values:
        acc = sat_add16(acc, v)
    return acc


def truncate_i8(long x):
    """C cast keeps the low 8 bits (two's complement)."""
    return <int8_t>x


def python_ints(n):
    """Python ints do not overflow."""
    return 2 ** n, -(2 ** n) // 3, (2 ** n) % 1000007
