# cython: language_level=3
"""Checksums over byte buffers, the way firmware computes them: CRC-32
(table driven), CRC-16/CCITT (bitwise), Fletcher-16 and a simple XOR, over
any bytes-like object (bytes, bytearray, memoryview, array('B')) taken as a
typed memoryview `const unsigned char[:]`."""

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


cpdef uint32_t crc32(const unsigned char[:] data, uint32_t crc=0):
    """CRC-32 (as zlib.crc32), continuing from `crc`."""
    cdef Py_ssize_t i, n = data.shape[0]
    crc = crc ^ 0xFFFFFFFF
    for i in range(n):
        crc = CRC32_TABLE[(crc ^ data[i]) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


cpdef uint16_t crc16_ccitt(const unsigned char[:] data, uint16_t crc=0xFFFF):
    """CRC-16/CCITT-FALSE, bit by bit."""
    cdef Py_ssize_t i, n = data.shape[0]
    cdef int b
    for i in range(n):
        crc ^= <uint16_t>data[i] << 8
        for b in range(8):
            if crc & 0x8000:
                crc = <uint16_t>((crc << 1) ^ 0x1021)
            else:
                crc = <uint16_t>(crc << 1)
    return crc


def fletcher16(const unsigned char[:] data):
    cdef uint32_t s1 = 0, s2 = 0
    cdef Py_ssize_t i, n = data.shape[0]
    for i in range(n):
        s1 = (s1 + data[i]) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1


def xor8(const unsigned char[:] data):
    cdef uint8_t x = 0
    cdef Py_ssize_t i, n = data.shape[0]
    for i in range(n):
        x ^= data[i]
    return x
