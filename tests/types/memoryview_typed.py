# requires: module:array
# memoryview: formats, shapes and strides, casts, views of arrays, and
# bytearray/array exports (BufferError while a view is live).
import array


def attempt(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)


def assign(m, k, v):
    m[k] = v


b = bytearray(b"hello world")
m = memoryview(b)
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.readonly, m.suboffsets)
print(attempt(b.append, 1), attempt(b.extend, b"x"), attempt(b.pop), attempt(b.clear))
b[0] = 72
b[1:3] = b"EL"
print(b, m[0], m.tobytes())
m.release()
b.append(33)
print(b)
with memoryview(b) as m2:
    print(m2[1], m2[-1], bytes(m2[::2]), m2[2:5].tolist(), m2[::-1].tobytes())
    print(attempt(b.extend, b"xx"))
b.extend(b"yy")
print(b)
print(attempt(len, m2), attempt(lambda: m2[0]), m2.release())

# Views of arrays.
a = array.array("h", [1, -2, 300])
ma = memoryview(a)
print(ma.format, ma.itemsize, ma.shape, ma.strides, ma.tolist(), ma[1], ma[-1], bytes(ma))
ma[0] = 7
print(a, attempt(assign, ma, 0, 1 << 20), attempt(assign, ma, 0, 1.5), attempt(assign, ma, 5, 1))
print(attempt(a.append, 4), attempt(a.extend, [5]), attempt(a.pop))
ma.release()
a.append(4)
print(a)
for tc, vals in [("b", [-1, 2]), ("B", [255, 0]), ("i", [-7, 8]), ("I", [1 << 31]),
                 ("q", [-(1 << 40)]), ("Q", [1 << 63]), ("f", [0.5, -2.0]), ("d", [1e100])]:
    v = memoryview(array.array(tc, vals))
    print(tc, v.format, v.itemsize, v.tolist(), v[0], list(v))
md = memoryview(array.array("d", [1.5, 2.5]))
md[1] = 3
print(md.tolist(), attempt(assign, md, 0, "x"))
mb = memoryview(array.array("B", [0, 0]))
print(attempt(assign, mb, 0, 256), attempt(assign, mb, 0, -1), attempt(assign, mb, 0, "a"))

# Casts and several dimensions.
x = memoryview(b"abcdef")
c = x.cast("H")
print(c.format, c.shape, c.nbytes, c.tolist())
g = x.cast("B", (2, 3))
print(g.ndim, g.shape, g.strides, g.tolist(), g[1, 2], g[0, -1], g.c_contiguous, g.f_contiguous)
print(attempt(lambda: g[1]), attempt(lambda: g[2, 0]), attempt(lambda: g[1, 2, 3]), attempt(len, g))
print(attempt(lambda: g[0:1, 0]), attempt(lambda: g[0:1, 0:1]), g[1:].tolist(), g[::-1].tolist())
print(g.cast("B").tolist(), g.cast("c").tolist()[:2])
print(attempt(x.cast, "H", (2,)), attempt(x.cast, "I"), attempt(c.cast, "h"))
print(attempt(x.cast, "x"), attempt(x.cast, "B", (0, 6)), attempt(x[::2].cast, "B"))
print(attempt(x.cast, 1), x.cast("@B").format, x.cast("B", [6]).shape)
big = memoryview(bytearray(24)).cast("d", (3,))
big[1] = 2.25
print(big.tolist(), memoryview(bytearray(24)).cast("i", (2, 3)).shape)

# Comparison and hashing.
print(x == b"abcdef", x[1:3] == b"bc", x != b"abc", x == "abcdef", x == x)
print(memoryview(array.array("h", [1, 2])) == array.array("h", [1, 2]))
print(memoryview(array.array("h", [1, 2])) == memoryview(array.array("i", [1, 2])))
print(memoryview(array.array("h", [1, 2])) == b"\x01\x00\x02\x00")
print(hash(x) == hash(b"abcdef"), hash(x[::2]) == hash(b"ace"))
print(attempt(hash, memoryview(bytearray(b"a"))), attempt(hash, memoryview(b"abcd").cast("h")))
r = memoryview(b"q")
r.release()
print(r == r, r == memoryview(b"q"), attempt(len, r), attempt(r.tolist), attempt(getattr, r, "format"))

# Slices and slice assignment.
mm = memoryview(bytearray(b"abcdef"))
mm[1:3] = b"XY"
mm[::2] = bytearray(b"123")
print(mm.obj, attempt(assign, mm, slice(0, 2), b"xyz"), attempt(assign, mm, slice(0, 2), 5))
mm[4:6] = memoryview(b"--")
print(mm.obj, mm.toreadonly().readonly, attempt(assign, mm.toreadonly(), 0, 1))
print(attempt(assign, memoryview(b"ab"), 0, 1), attempt(memoryview, 5), attempt(memoryview, "s"))
print(mm[10:20].tolist(), mm[-2:].tobytes(), mm[::-2].tolist(), attempt(lambda: mm[...]))

# Views of views.
base = bytearray(b"0123456789")
v1 = memoryview(base)[2:8]
v2 = v1[1:5:2]
print(v2.tolist(), v2.obj is base, v2.strides, bytes(v2), v2.c_contiguous)
v1.release()
print(v2.tolist())
del v1, v2
