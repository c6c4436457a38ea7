# The buffer protocol from C: PyObject_GetBuffer on core objects, C types
# exporting buffers, the PyBuffer_* helpers and the memoryview constructors.
import array
import buffers as B


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        return "%s: %s" % (type(e).__name__, e)
    return r


def assign(m, k, v):
    m[k] = v


print("-- info")
for o in [b"abc", bytearray(b"hello"), array.array("h", [1, 2, 3]), memoryview(b"xyz")]:
    for flags in [B.SIMPLE, B.FORMAT, B.ND, B.STRIDES, B.FULL_RO, B.CONTIG_RO]:
        print(type(o).__name__, flags, attempt(B.info, o, flags))
print(attempt(B.info, b"abc", B.WRITABLE))
print(attempt(B.info, bytearray(b"ab"), B.WRITABLE))
print(attempt(B.info, memoryview(b"abc"), B.WRITABLE))
print(attempt(B.info, 42, B.SIMPLE))
print(attempt(B.info, "text", B.SIMPLE))
strided = memoryview(b"abcdef")[::2]
print(B.info(strided, B.FULL_RO))
print(attempt(B.info, strided, B.SIMPLE))
print(attempt(B.info, strided, B.C_CONTIGUOUS))
print(attempt(B.info, strided, B.ANY_CONTIGUOUS))
grid = memoryview(bytes(range(6))).cast("B", (2, 3))
print(B.info(grid, B.FULL_RO), B.info(grid, B.C_CONTIGUOUS))
print(attempt(B.info, grid, B.F_CONTIGUOUS))
print(attempt(B.info, memoryview(array.array("i", [1])), B.FORMAT))
print([B.check_buffer(x) for x in (b"", bytearray(), memoryview(b""), array.array("b"), 1, "s", B.Matrix(), B.Blob())])

print("-- exports")
ba = bytearray(b"hello")
B.hold(ba)
print(attempt(ba.append, 33), attempt(ba.extend, b"xy"), attempt(ba.pop))
ba[0] = 72
B.poke(1, 69)
print(ba)
B.release()
ba.append(33)
print(ba)
arr = array.array("B", [1, 2, 3])
B.hold(arr)
print(attempt(arr.append, 4))
B.poke(0, 9)
B.release()
arr.append(4)
print(arr)
m = memoryview(bytearray(b"abc"))
B.hold(m)
print(attempt(m.release))
B.release()
print(attempt(m.release), repr(m).startswith("<released memory at 0x"))
print(attempt(B.hold, b"read-only"))

print("-- Matrix (spec type with bf_getbuffer)")
x = B.Matrix(2, 3)
print(B.info(x, B.FULL_RO), x.exports)
print(B.info(x, B.SIMPLE), x.exports, x.releases)
v = memoryview(x)
print(v.format, v.itemsize, v.ndim, v.shape, v.strides, v.readonly, v.nbytes, x.exports)
print(v.tolist())
print(v[1, 2], v[0, 0], v.obj is x)
v[1, 2] = 42
print(v[1, 2], attempt(lambda: v[1]), attempt(lambda: v[2, 0]), attempt(lambda: v[0:1].tolist()))
flat = v.cast("B").cast("d")
print(flat.tolist(), flat[1:5:2].tolist(), x.exports)
flat.release()
v.release()
print(x.exports, x.releases, attempt(len, v))
with memoryview(x) as w:
    print(w.shape, x.exports)
print(x.exports)
print(bytes(B.Matrix(1, 1)) == bytes(memoryview(array.array("d", [0.5]))), x.exports)
ro = B.Matrix(1, 2, True)
print(memoryview(ro).readonly, attempt(B.info, ro, B.WRITABLE), attempt(assign, memoryview(ro), (0, 0), 1.0))
print(B.contiguous(x), B.tocontig(x, "C") == B.tocontig(x, "F"), x.exports)
print(B.item(x, 1, 2), B.item(x, 0, 1))
print(B.copydata(x, array.array("d", range(6))), memoryview(x).tolist())
print(attempt(B.copydata, x, 5), attempt(B.copydata, B.Matrix(1, 1), x))


class Sub(B.Matrix):
    pass


s = Sub(1, 2)
with memoryview(s) as sv:
    print(sv.tolist(), type(sv.obj).__name__, s.exports)
print(s.exports)

print("-- Blob (static type with tp_as_buffer)")
b = B.Blob("spam")
print(bytes(b), bytearray(b), memoryview(b).tolist(), B.info(b, B.FULL_RO))
print(attempt(B.info, b, B.WRITABLE), memoryview(b) == b"spam", b"spam" == memoryview(b))
print(B.parse_y(b), B.parse_s(b))

print("-- helpers")
print(B.contiguous(b"ab"), B.contiguous(strided), B.contiguous(grid))
g = memoryview(bytes(range(6))).cast("B", (2, 3))
print(B.tocontig(g, "C"), B.tocontig(g, "F"), B.tocontig(strided, "C"))
print(B.item(g, 1, 2), B.item(g, 0, 1), B.item(strided, 2))
target = bytearray(6)
B.fromcontig(memoryview(target)[::2], b"xyz", "C")
print(target)
t2 = bytearray(6)
B.fromcontig(memoryview(t2).cast("B", (2, 3)), b"abcdef", "F")
print(t2)
dst = bytearray(8)
B.copydata(dst, b"12345")
print(dst, attempt(B.copydata, bytearray(2), b"123"), attempt(B.copydata, b"12", b"1"))
B.copydata(memoryview(dst)[::2], memoryview(b"wxyz"))
print(dst)
print(B.strides_for(2, 3, 4, 8, "C"), B.strides_for(2, 3, 4, 8, "F"))
print(B.fill_info(1, B.SIMPLE), B.fill_info(0, B.FULL), attempt(B.fill_info, 1, B.WRITABLE))
print([B.size_from_format(f) for f in ["B", "h", "i", "d", "3h", "q"]])

print("-- memoryview constructors")
mm = B.from_memory(False)
print(mm.readonly, mm.tolist()[:3], bytes(mm), mm.obj, attempt(assign, mm, 0, 65))
mw = B.from_memory(True)
mw[0] = ord("A")
mw[1:3] = b"BC"
print(B.memory_bytes(), mw.readonly)
fb = B.from_buffer()
print(fb.shape, fb.strides, fb.tolist(), fb.f_contiguous, fb.c_contiguous, fb.obj)
print(B.from_object(b"abc").tolist(), attempt(B.from_object, 3))
gc1 = B.get_contiguous(strided, False, "C")
print(gc1.tolist(), gc1.c_contiguous, attempt(B.get_contiguous, strided, True, "C"))
gc2 = B.get_contiguous(bytearray(b"ab"), True, "C")
print(gc2.readonly, gc2.tolist(), attempt(B.get_contiguous, b"ab", True, "C"))
gf = B.get_contiguous(fb, False, "C")
print(gf.tolist(), gf.c_contiguous, gf.shape)

print("-- y* s* w*")
print(B.parse_y(b"abc"), B.parse_y(bytearray(b"\x01\x02")), B.parse_y(array.array("h", [1, 2])))
print(attempt(B.parse_y, "str"), attempt(B.parse_y, strided), attempt(B.parse_y, 5))
print(B.parse_s("héllo"), B.parse_s(b"raw"), B.parse_s(memoryview(b"mv")), attempt(B.parse_s, 1))
wb = bytearray(b"abc")
print(B.parse_w(wb), wb, B.parse_w(buf=wb, value=90), wb)
print(attempt(B.parse_w, b"abc"), attempt(B.parse_w, "abc"), attempt(B.parse_w, wb, "x"))
wb.append(1)
print(wb)
arr2 = array.array("i", [0, 0])
print(B.parse_w(memoryview(arr2)), arr2)
