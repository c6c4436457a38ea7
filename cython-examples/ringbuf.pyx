# cython: language_level=3
"""A fixed-capacity ring buffer of C doubles as a `cdef class`: C storage
from PyMem_Malloc, properties, and the special methods Python code uses
(len, indexing with negative indices, iteration, `in`, truth, repr,
equality)."""

from cpython.mem cimport PyMem_Malloc, PyMem_Free


cdef class RingBuffer:
    cdef double* data
    cdef Py_ssize_t cap, head, count
    cdef public str name
    cdef readonly int overruns

    def __cinit__(self, Py_ssize_t capacity, str name="ring"):
        if capacity <= 0:
            raise ValueError(f"capacity must be positive, not {capacity}")
        self.data = <double*>PyMem_Malloc(capacity * sizeof(double))
        if self.data is NULL:
            raise MemoryError()
        self.cap = capacity
        self.head = 0
        self.count = 0
        self.name = name
        self.overruns = 0

    def __dealloc__(self):
        PyMem_Free(self.data)

    cpdef push(self, double x):
        cdef Py_ssize_t tail = (self.head + self.count) % self.cap
        self.data[tail] = x
        if self.count == self.cap:
            self.head = (self.head + 1) % self.cap
            self.overruns += 1
        else:
            self.count += 1

    def extend(self, values):
        for v in values:
            self.push(v)

    cpdef double pop(self) except? -1.0:
        """Remove and return the oldest value."""
        if self.count == 0:
            raise IndexError("pop from an empty RingBuffer")
        cdef double x = self.data[self.head]
        self.head = (self.head + 1) % self.cap
        self.count -= 1
        return x

    @property
    def capacity(self):
        return self.cap

    @property
    def full(self):
        return self.count == self.cap

    @property
    def mean(self):
        if self.count == 0:
            return None
        cdef double s = 0
        cdef Py_ssize_t i
        for i in range(self.count):
            s += self.data[(self.head + i) % self.cap]
        return s / self.count

    def __len__(self):
        return self.count

    def __bool__(self):
        return self.count > 0

    def __getitem__(self, Py_ssize_t i):
        if i < 0:
            i += self.count
        if i < 0 or i >= self.count:
            raise IndexError("RingBuffer index out of range")
        return self.data[(self.head + i) % self.cap]

    def __iter__(self):
        cdef Py_ssize_t i
        for i in range(self.count):
            yield self.data[(self.head + i) % self.cap]

    def __contains__(self, double x):
        cdef Py_ssize_t i
        for i in range(self.count):
            if self.data[(self.head + i) % self.cap] == x:
                return True
        return False

    def __eq__(self, other):
        if not isinstance(other, RingBuffer):
            return NotImplemented
        return list(self) == list(other)

    def __repr__(self):
        return f"RingBuffer({self.name!r}, {list(self)}, capacity={self.cap})"
