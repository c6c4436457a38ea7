# memoryview over bytes and bytearray (format 'B')
m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m.tobytes(), m.tolist(), m.readonly, m.nbytes, m.format, m.itemsize, m.ndim, m.shape, m.obj)
s = m[1:4]
print(s.tobytes(), len(s), s[0], s[::-1].tobytes(), m[::2].tolist(), m[::-2].tobytes(), bytes(m[2:]), m[5:1].tobytes())
print(m == b"abcdef", m[1:3] == b"bc", m == bytearray(b"abcdef"), m == m, m != b"x", m == "abcdef", [*m[:3]])
print(m.hex(), m[:2].hex(":"), hash(m) == hash(b"abcdef"), memoryview(m).tobytes(), m.toreadonly().readonly)
ba = bytearray(b"hello")
w = memoryview(ba)
w[0] = 72
w[1:3] = b"EY"
print(ba, w.readonly, w.tobytes(), w[4], bytes(w), w[::2].tolist())
w2 = w[1:]
w2[-1] = 33
print(ba, b"x" + w, bytearray(w))
ba[0] = 106
print(w[0], w.tobytes())
with memoryview(b"ctx") as c:
    print(c.tobytes())
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def setitem(o, k, v):
    o[k] = v
r = memoryview(b"xy")
r.release()
t(lambda: r[0])
t(lambda: len(r))
t(lambda: r.tobytes())
t(lambda: memoryview(b"ab")[5])
t(lambda: memoryview(b"ab")["a"])
t(lambda: memoryview("a"))
t(lambda: memoryview(5))
t(lambda: setitem(memoryview(b"ab"), 0, 1))
t(lambda: setitem(memoryview(bytearray(b"ab")), 0, 256))
t(lambda: setitem(memoryview(bytearray(b"ab")), 0, "a"))
t(lambda: setitem(memoryview(bytearray(b"ab")), slice(0, 1), b"xy"))
t(lambda: hash(memoryview(bytearray(b"a"))))
