# cython: language_level=3
"""A framed serial protocol: `0x7E | type | len | payload | crc8`. The
parser raises exceptions (a hierarchy rooted at ProtocolError) whose
messages say what went wrong, and keeps statistics."""

from libc.stdint cimport uint8_t

START = 0x7E
MAX_PAYLOAD = 32

class ProtocolError(Exception):
    """Base class of the parser's errors."""

class FramingError(ProtocolError):
    pass

class ChecksumError(ProtocolError):
    def __init__(self, expected, got):
        super().__init__(f"bad checksum: expected 0x{expected:02x}, got 0x{got:02x}")
        self.expected = expected
        self.got = got


cdef uint8_t crc8(const unsigned char* p, Py_ssize_t n):
    cdef uint8_t crc = 0
    cdef Py_ssize_t i
    cdef int b
    for i in range(n):
        crc ^= p[i]
        for b in range(8):
            if crc & 0x80:
                crc = <uint8_t>((crc << 1) ^ 0x07)
            else:
                crc = <uint8_t>(crc << 1)
    return crc


def checksum(bytes data):
    return crc8(data, len(data))


def encode(int ftype, bytes payload):
    if not 0 <= ftype <= 255:
        raise ValueError(f"frame type {ftype} does not fit in a byte")
    if len(payload) > MAX_PAYLOAD:
        raise ValueError(f"payload too long: {len(payload)} > {MAX_PAYLOAD}")
    body = bytes([ftype, len(payload)]) + payload
    return bytes([START]) + body + bytes([crc8(body, len(body))])


TYPES = {1: "ping", 2: "reading", 3: "config"}


cdef class Parser:
    cdef public int frames, errors

    def __init__(self):
        self.frames = 0
        self.errors = 0

    def parse(self, bytes frame):
        """Return (type name, payload) or raise a ProtocolError."""
        cdef const unsigned char* p = frame
        cdef Py_ssize_t n = len(frame)
        try:
            if n < 4:
                raise FramingError(f"frame too short: {n} bytes")
            if p[0] != START:
                raise FramingError(f"bad start byte 0x{p[0]:02x}")
            length = p[2]
            if n != length + 4:
                raise FramingError(f"length field says {length}, frame has {n - 4}")
            got = crc8(p + 1, n - 2)
            if got != p[n - 1]:
                raise ChecksumError(p[n - 1], got)
            try:
                name = TYPES[p[1]]
            except KeyError:
                raise ProtocolError(f"unknown frame type {p[1]}") from None
        except ProtocolError:
            self.errors += 1
            raise
        self.frames += 1
        return name, frame[3:n - 1]

    def parse_reading(self, bytes frame):
        name, payload = self.parse(frame)
        if name != "reading":
            raise ProtocolError(f"expected a reading, got {name!r}")
        if len(payload) != 2:
            raise ProtocolError(f"reading needs 2 bytes, got {len(payload)}")
        return int.from_bytes(payload, "big", signed=True)
