# cython: language_level=3
"""An event dispatcher that calls back into Python: handlers registered
per event, called with positional and keyword arguments; a handler's
exception propagates to the caller unless the dispatcher is told to
collect errors."""


cdef class Dispatcher:
    cdef dict handlers
    cdef public list errors
    cdef bint collect

    def __init__(self, bint collect_errors=False):
        self.handlers = {}
        self.errors = []
        self.collect = collect_errors

    def on(self, str event, handler):
        if not callable(handler):
            raise TypeError(f"handler for {event!r} is not callable: {handler!r}")
        self.handlers.setdefault(event, []).append(handler)
        return handler

    def emit(self, str event, *args, **kwargs):
        """Call every handler of `event`; return their results."""
        results = []
        for h in self.handlers.get(event, ()):
            try:
                results.append(h(*args, **kwargs))
            except Exception as e:
                if not self.collect:
                    raise
                self.errors.append((event, type(e).__name__, str(e)))
        return results

    def count(self, event=None):
        if event is None:
            return sum(len(v) for v in self.handlers.values())
        return len(self.handlers.get(event, ()))


def apply_n(f, x, int n):
    """f(f(...f(x))) n times."""
    cdef int i
    for i in range(n):
        x = f(x)
    return x


def map_reduce(values, mapper, reducer, initial):
    acc = initial
    for v in values:
        acc = reducer(acc, mapper(v))
    return acc


cdef double _integrate(f, double a, double b, int steps) except? -1.0:
    cdef double h = (b - a) / steps, total = 0.0
    cdef int i
    for i in range(steps):
        total += f(a + (i + 0.5) * h)
    return total * h


def integrate(f, double a, double b, int steps=1000):
    """Midpoint rule with a Python callable as the integrand."""
    return _integrate(f, a, b, steps)
