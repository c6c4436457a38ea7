# requires: bigheap
# (Cython's typed-memoryview support imports collections.abc, which needs
# more heap than the board's 150 KB with the current collections package.)
# Typed memoryviews over view.array, array.array, bytearray, memoryview
# slices and a cdef class exporting a buffer.
import array
import memviews as mv

blk = mv.make_block(3, 4)
m = memoryview(blk)
print(m.format, m.itemsize, m.shape, m.strides, m.tolist())
print(mv.block_sum(blk), mv.block_sum(m), mv.row_max(m), mv.row_max(m[1:]))
grid = memoryview(bytearray(array.array("i", range(6)).tobytes())).cast("i", (2, 3))
print(mv.block_sum(grid), mv.row_max(grid))
m.release()

print(mv.mean(array.array("d", [1.0, 2.5, 4.0])), mv.mean(memoryview(array.array("d", range(8)))[::2]))
buf = bytearray(6)
mv.fill(buf, 7)
mv.fill(memoryview(buf)[::3], 1)
print(buf)
buf.extend(b"!!")
print(buf)
q = array.array("h", [1000, -20000, 30000])
mv.scale_q15(q, 1.5)
print(q)
q.append(5)
print(q)

s = mv.Samples()
with memoryview(s) as v:
    print(v.format, v.tolist(), s.exports)
print(s.exports, mv.mean(s), bytes(s)[8:16])
with memoryview(s) as v:
    v[0] = 10.0
print(mv.mean(s))

for bad, f in [("text", mv.mean), (array.array("i", [1]), mv.mean), (b"ro", mv.fill),
               (array.array("d", [1.0]), mv.block_sum), (array.array("d"), mv.mean)]:
    try:
        f(bad) if f is not mv.fill else f(bad, 0)
    except (TypeError, ValueError, BufferError) as e:
        print(type(e).__name__, e)
