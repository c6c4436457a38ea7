# cython: language_level=3
"""`libc` cimports: math (sqrt, atan2, floor, fmod, hypot, isnan...),
string (memcpy, memset, memcmp, strlen, strncpy, strchr), stdlib
(malloc/free, qsort with a C comparison callback, abs) and stdio
(snprintf into a C buffer)."""

from libc.math cimport sqrt, sin, cos, atan2, floor, ceil, fmod, fabs, hypot, pow, log10, exp, isnan, isinf, M_PI, NAN, INFINITY
from libc.string cimport memcpy, memset, memcmp, strlen, strncpy, strchr
from libc.stdlib cimport malloc, free, qsort, labs
from libc.stdio cimport snprintf


def polar(double x, double y):
    """(radius, angle in degrees)."""
    return hypot(x, y), atan2(y, x) * 180.0 / M_PI


def rounding(double x):
    return floor(x), ceil(x), fmod(x, 1.0), fabs(x)


def db(double ratio):
    return 20.0 * log10(ratio)


def classify(double x):
    if isnan(x):
        return "nan"
    if isinf(x):
        return "inf" if x > 0 else "-inf"
    return "finite"


def special():
    return NAN != NAN, INFINITY > 1e308, sqrt(2.0) ** 2, pow(2.0, 10), round(exp(1.0), 6)


def sine_table(int n):
    """n samples of one sine period scaled to 0..4095 (a 12-bit DAC)."""
    return [<int>floor(2047.5 + 2047.5 * sin(2 * M_PI * i / n) + 0.5) for i in range(n)]


def c_copy(bytes src, int fill, int pad):
    """memcpy src into a malloc'ed buffer, memset `pad` fill bytes after it."""
    cdef Py_ssize_t n = len(src)
    cdef char* buf = <char*>malloc(n + pad)
    if buf is NULL:
        raise MemoryError()
    try:
        memcpy(buf, <const char*>src, n)
        memset(buf + n, fill, pad)
        return buf[:n + pad]
    finally:
        free(buf)


def c_compare(bytes a, bytes b):
    cdef size_t n = min(len(a), len(b))
    cdef int r = memcmp(<const char*>a, <const char*>b, n)
    return (r > 0) - (r < 0)


def c_strlen(bytes s):
    return strlen(s)


def c_find(bytes s, str ch):
    cdef const char* p = strchr(s, ord(ch))
    if p is NULL:
        return -1
    return p - <const char*>s


def c_truncate(bytes s, int n):
    cdef char out[16]
    if n > 15:
        n = 15
    memset(out, 0, 16)
    strncpy(out, s, n)
    return out[:strlen(out)]


cdef int cmp_int(const void* a, const void* b) noexcept nogil:
    cdef int x = (<const int*>a)[0], y = (<const int*>b)[0]
    return (x > y) - (x < y)


def c_sort(values):
    cdef Py_ssize_t n = len(values), i
    cdef int* arr = <int*>malloc(max(n, 1) * sizeof(int))
    if arr is NULL:
        raise MemoryError()
    try:
        for i in range(n):
            arr[i] = values[i]
        qsort(arr, n, sizeof(int), cmp_int)
        return [arr[i] for i in range(n)]
    finally:
        free(arr)


def c_format(int code, double volts):
    cdef char buf[64]
    cdef int n = snprintf(buf, sizeof(buf), b"E%03d %+.2fV [%5s]", code, volts, b"ok")
    return buf[:n].decode("ascii"), labs(-code)
