# cython: language_level=3
"""Typed memoryviews the way firmware code uses them: 2-D sample blocks
(`int[:, ::1]`) in a `cython.view.array`, reductions over any buffer
(`double[:]` of an array or a strided memoryview), filling a bytearray in
place, and a `cdef class` exporting its C array with `__getbuffer__`."""

from cython.view cimport array as cvarray


def make_block(int rows, int cols):
    """A rows x cols block of C ints: row * 10 + column."""
    cdef cvarray arr = cvarray(shape=(rows, cols), itemsize=sizeof(int), format="i")
    cdef int[:, ::1] v = arr
    cdef int i, j
    for i in range(rows):
        for j in range(cols):
            v[i, j] = i * 10 + j
    return arr


def block_sum(const int[:, :] v):
    cdef long s = 0
    cdef Py_ssize_t i, j
    for i in range(v.shape[0]):
        for j in range(v.shape[1]):
            s += v[i, j]
    return s


def row_max(const int[:, :] v):
    """The largest value of each row, as a list."""
    cdef Py_ssize_t i, j
    cdef int best
    out = []
    for i in range(v.shape[0]):
        best = v[i, 0]
        for j in range(1, v.shape[1]):
            if v[i, j] > best:
                best = v[i, j]
        out.append(best)
    return out


def mean(const double[:] d):
    cdef double s = 0
    cdef Py_ssize_t i
    if d.shape[0] == 0:
        raise ValueError("mean of no samples")
    for i in range(d.shape[0]):
        s += d[i]
    return s / d.shape[0]


def fill(unsigned char[:] out, unsigned char val):
    out[:] = val


def scale_q15(short[:] samples, double gain):
    """Scale Q15 samples in place, saturating."""
    cdef Py_ssize_t i
    cdef double x
    for i in range(samples.shape[0]):
        x = samples[i] * gain
        if x > 32767:
            x = 32767
        elif x < -32768:
            x = -32768
        samples[i] = <short>x


cdef class Samples:
    """Four doubles exported as a buffer; counts its live exports."""
    cdef double data[4]
    cdef Py_ssize_t shape[1]
    cdef Py_ssize_t strides[1]
    cdef public int exports

    def __cinit__(self):
        cdef int i
        for i in range(4):
            self.data[i] = i * 1.5

    def __getbuffer__(self, Py_buffer *info, int flags):
        self.shape[0] = 4
        self.strides[0] = sizeof(double)
        info.buf = self.data
        info.obj = self
        info.len = 4 * sizeof(double)
        info.itemsize = sizeof(double)
        info.readonly = 0
        info.ndim = 1
        info.format = "d"
        info.shape = self.shape
        info.strides = self.strides
        info.suboffsets = NULL
        info.internal = NULL
        self.exports += 1

    def __releasebuffer__(self, Py_buffer *info):
        self.exports -= 1
