# cython: language_level=3
"""A cdef class (Limited-API type from a spec) with special methods, a
Python subclass using super(), and a traceback through a method."""
cdef class Ring:
    cdef list items
    cdef int cap
    def __init__(self, int cap):
        self.cap = cap
        self.items = []
    def push(self, x):
        self.items.append(x)
        if len(self.items) > self.cap:
            self.items.pop(0)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __iter__(self):
        return iter(self.items)
    def __repr__(self):
        return f"Ring({self.items!r})"
    def __eq__(self, other):
        return isinstance(other, Ring) and self.items == (<Ring>other).items
    def fail(self):
        raise KeyError("nope")

def make(n):
    r = Ring(n)
    for i in range(n + 2):
        r.push(i)
    return r
