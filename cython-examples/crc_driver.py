# requires: bigheap
# (Cython's typed-memoryview support imports collections.abc, which needs
# more heap than the board's 150 KB with the current collections package.)
# CRCs over bytes, bytearray, memoryview and array (same results as
# zlib.crc32), taken as typed memoryviews.
import array
import crc

for data in [b"", b"123456789", b"ferropy firmware", bytes(range(256))]:
    print(len(data), hex(crc.crc32(data)), hex(crc.crc16_ccitt(data)),
          crc.fletcher16(data), crc.xor8(data))
# Incremental: crc32(b) continuing from crc32(a) equals crc32(a + b).
a, b = b"hello, ", b"world"
print(crc.crc32(b, crc.crc32(a)) == crc.crc32(a + b))
print(hex(crc.crc32(bytes(bytearray(b"123456789")))))
print(hex(crc.crc32(bytes(memoryview(b"xx123456789")[2:]))))
# Any bytes-like object, contiguous or not.
print(hex(crc.crc32(bytearray(b"123456789"))), hex(crc.crc32(memoryview(b"xx123456789")[2:])))
print(hex(crc.crc32(array.array("B", b"123456789"))), hex(crc.crc16_ccitt(memoryview(b"1a2b3c")[::2])))
print(crc.fletcher16(memoryview(bytearray(b"abcde"))), crc.xor8(bytearray(b"\x0f\xf0\xff")))
# The buffer is given back after each call: the bytearray can grow.
buf = bytearray(b"1234")
for ch in b"56789":
    c = crc.crc32(buf)
    buf.append(ch)
print(hex(c), hex(crc.crc32(buf)), len(buf))
for bad in ["text", 42, None, array.array("h", [1, 2])]:
    try:
        crc.crc32(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
