# bytearray: a mutable bytes sequence.
ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[1:3], type(ba[1:3]).__name__, bytearray(), bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
ba[0] = ord("J")
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
print(ba)
ba.insert(0, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("?"))
print(ba)
del ba[-2:]
print(ba)
ba[1:3] = b"EE"
print(ba)
ba[1:3] = b"eee"
print(ba)
ba[::2] = b"XXXX"
print(ba)
ba.reverse()
print(ba, bytes(ba), ba == b"XoXeXeX", ba.decode())
ba += b"++"
ba *= 2
print(ba, ba.count(b"+"), ba.find(b"+"), ba.upper(), ba.replace(b"+", b""))
c = ba.copy()
c.clear()
print(c, len(ba))
tests = [
    lambda: ba.__setitem__(0, 256),
    lambda: ba.__setitem__(0, "a"),
    lambda: ba.remove(200),
    lambda: bytearray().pop(),
    lambda: ba[100],
    lambda: {ba: 1},
    lambda: ba.__setitem__(slice(0, 6, 2), b"x"),
]
for t in tests:
    try:
        t()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
m = bytearray(b"abc")
mv = memoryview(m)
mv[0] = ord("z")
print(m, bytes(mv[1:]), mv.tobytes(), len(mv))
print(bytearray(b"x") + b"y", b"y" + bytearray(b"x"), bytearray(b"ab") == bytearray(b"ab"), b"a" < bytearray(b"b"))
print(list(bytearray(range(3))), bytearray.fromhex("ff00"), bytearray(b"abc").hex(), bytearray(5)[1:3])
