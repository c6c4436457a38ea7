# cython: language_level=3
"""Checksums over byte buffers, the way firmware computes them: CRC-32
(table driven), CRC-16/CCITT (bitwise), Fletcher-16 and a simple XOR, over
the bytes' buffer as a `const unsigned char*` (typed memoryviews need the
buffer protocol, which ferropy's C API does not have yet)."""

from libc.stdint cimport uint8_t, uint16_t, uint32_t

cdef uint32_t CRC32_TABLE[256]


cdef int _build_table() except -1:
    cdef uint32_t c
    cdef int n, k
    for n in range(256):
        c = n
        for k in range(8):
            if c & 1:
                c = 0xEDB88320 ^ (c >> 1)
            else:
                c = c >> 1
        CRC32_TABLE[n] = c
    return 0


_build_table()


cpdef uint32_t crc32(bytes data, uint32_t crc=0):
    """CRC-32 (as zlib.crc32), continuing from `crc`."""
    cdef Py_ssize_t i, n = len(data)
    cdef const uint8_t* p = data
    crc = crc ^ 0xFFFFFFFF
    for i in range(n):
        crc = CRC32_TABLE[(crc ^ p[i]) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


cpdef uint16_t crc16_ccitt(bytes data, uint16_t crc=0xFFFF):
    """CRC-16/CCITT-FALSE, bit by bit."""
    cdef Py_ssize_t i, n = len(data)
    cdef const uint8_t* p = data
    cdef int b
    for i in range(n):
        crc ^= <uint16_t>p[i] << 8
        for b in range(8):
            if crc & 0x8000:
                crc = <uint16_t>((crc << 1) ^ 0x1021)
            else:
                crc = <uint16_t>(crc << 1)
    return crc


def fletcher16(bytes data):
    cdef uint32_t s1 = 0, s2 = 0
    cdef Py_ssize_t i, n = len(data)
    cdef const uint8_t* p = data
    for i in range(n):
        s1 = (s1 + p[i]) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1


def xor8(bytes data):
    cdef uint8_t x = 0
    cdef Py_ssize_t i, n = len(data)
    cdef const uint8_t* p = data
    for i in range(n):
        x ^= p[i]
    return x
