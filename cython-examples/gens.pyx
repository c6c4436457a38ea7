# cython: language_level=3
"""Generators and closures compiled by Cython: a sensor-sample generator
with send(), a windowed generator, `yield from`, generator expressions,
closures capturing loop state, and a counter factory with `nonlocal`."""


def samples(int start, int step, int count):
    """Yield `count` values; a value sent in resets the current one."""
    cdef int i
    value = start
    for i in range(count):
        sent = yield value
        if sent is not None:
            value = sent
        else:
            value += step


def windows(iterable, int size):
    """Sliding windows as tuples."""
    window = []
    for x in iterable:
        window.append(x)
        if len(window) > size:
            del window[0]
        if len(window) == size:
            yield tuple(window)


def chain(*iterables):
    for it in iterables:
        yield from it


def squares_over(values, threshold):
    return list(v * v for v in values if v * v > threshold)


def make_counter(int start=0):
    count = start
    def increment(int by=1):
        nonlocal count
        count += by
        return count
    def reset():
        nonlocal count
        count = start
    return increment, reset


def make_scalers(factors):
    """One closure per factor (each captures its own value)."""
    return [lambda x, f=f: x * f for f in factors]


def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    return composed


def take(gen, int n):
    out = []
    for x in gen:
        if len(out) == n:
            break
        out.append(x)
    return out


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
