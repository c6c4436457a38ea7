# Encode frames, parse good and corrupted ones, print the error messages.
import protocol as p

print("crc8:", hex(p.checksum(b"123456789")))
good = p.encode(2, (-1234).to_bytes(2, "big", signed=True))
print("frame:", good.hex())
parser = p.Parser()
print(parser.parse(good), parser.parse_reading(good))
print(parser.parse(p.encode(1, b"")))
bad = [
    b"\x7e\x01",
    b"\x55" + good[1:],
    good[:-2] + good[-1:],
    good[:-1] + bytes([good[-1] ^ 0xFF]),
    p.encode(9, b"x"),
    p.encode(3, b"cfg"),
]
for frame in bad:
    try:
        print(parser.parse_reading(frame))
    except p.ChecksumError as e:
        print("ChecksumError:", e, e.expected == e.got)
    except p.ProtocolError as e:
        print(type(e).__name__ + ":", e, "| cause:", e.__cause__, "| suppress:", e.__suppress_context__)
print("frames:", parser.frames, "errors:", parser.errors)
for args in [(300, b""), (1, bytes(40))]:
    try:
        p.encode(*args)
    except ValueError as e:
        print("ValueError:", e)
print(issubclass(p.FramingError, p.ProtocolError), p.ProtocolError.__doc__)
