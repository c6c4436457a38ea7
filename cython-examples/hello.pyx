# cython: language_level=3
"""A small firmware-style module: typed ints, a checksum over bytes,
an exception with a message, and Python containers."""


def add(int a, int b):
    """Add two C ints."""
    return a + b


cpdef unsigned int checksum(bytes data):
    """Sum of the bytes of `data`, modulo 65536."""
    cdef unsigned int total = 0
    cdef Py_ssize_t i
    for i in range(len(data)):
        total = (total + data[i]) & 0xFFFF
    return total


def check_level(int level):
    """Return `level`, or raise ValueError when it is out of 0..10."""
    if level < 0 or level > 10:
        raise ValueError(f"level out of range: {level}")
    return level


def histogram(list values):
    """Count each value of `values` in a dict; return (dict, sorted keys)."""
    cdef dict counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts, sorted(counts)
