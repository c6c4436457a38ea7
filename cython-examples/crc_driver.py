# CRCs over bytes, bytearray and memoryview (same results as zlib.crc32).
import crc

for data in [b"", b"123456789", b"ferropy firmware", bytes(range(256))]:
    print(len(data), hex(crc.crc32(data)), hex(crc.crc16_ccitt(data)),
          crc.fletcher16(data), crc.xor8(data))
# Incremental: crc32(b) continuing from crc32(a) equals crc32(a + b).
a, b = b"hello, ", b"world"
print(crc.crc32(b, crc.crc32(a)) == crc.crc32(a + b))
print(hex(crc.crc32(bytes(bytearray(b"123456789")))))
print(hex(crc.crc32(bytes(memoryview(b"xx123456789")[2:]))))
try:
    crc.crc32("text")
except (TypeError, ValueError) as e:
    print(type(e).__name__)
