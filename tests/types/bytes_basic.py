# bytes: construction, indexing, slicing, operators and repr.
b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b[::2], type(b[0]).__name__, type(b[0:1]).__name__)
print(bytes(), bytes(3), bytes([1, 2, 255]), bytes(range(65, 70)), bytes(b"copy"), bytes("é", "utf-8"), bytes(bytearray(b"ba")))
print(b + b" world", b * 2, b"x" in b"xyz", 120 in b"xyz", b"" in b"a", b == b"hello", b < b"help", b"a" != "a")
print(list(b), [c for c in b"AB"], b"\x00\x7f\x80\xff", b"\t\n\r\\'", b'"', repr(b"'\""))
print(b.hex(), bytes.fromhex("48 65 6c6c 6f"), b"\xde\xad".hex(), b"abc".hex(":"))
print(b.decode(), b"caf\xc3\xa9".decode("utf-8"), b"abc".decode("ascii"), str(b"\x41", "latin-1"))
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], sorted([b"b", b"a", b"ab"]), max(b"azb"))
tests = [
    lambda: b[10],
    lambda: b"a" + "b",
    lambda: bytes([300]),
    lambda: bytes([-1]),
    lambda: bytes("x"),
    lambda: bytes(1.5),
    lambda: b"\xff".decode("utf-8"),
    lambda: "x" in b"x",
    lambda: bytes.fromhex("zz"),
]
for t in tests:
    try:
        print(t())
    except (IndexError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError", e)
print(b"%d-%s" % (1, b"x"), bytes(5)[2], b"abc"[1:2] == b"b", b"AbC".lower(), b"xyz".upper())
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), (258).to_bytes(2, "big"))
