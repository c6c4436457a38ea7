# requires: module:array
# array.array: typecodes, methods, slicing, operators and error messages.
# (l/L are pointer-sized, as in CPython: 4 bytes on the board, so their
# itemsize is not printed.)
import array
a = array.array('i', [1, 2, 3])
print(a, len(a), a[0], a[-1], a[1:], a[::-1], list(a), a.tolist(), a.typecode, a.itemsize)
a.append(4); a.extend([5, 6]); a.insert(0, 0); print(a)
print(a.pop(), a.pop(0), a.index(3), a.count(2), 3 in a, 9 in a)
a.remove(2); a.reverse(); print(a)
b = array.array('i', a.tobytes()); print(b == a, b != a, b < array.array('i', [9]))
a[0] = 42; a[1:3] = array.array('i', [7, 7, 7]); print(a)
del a[0]; del a[::2]; print(a)
print(a + array.array('i', [1]), a * 2, 2 * a)
a += array.array('i', [8]); a *= 2; print(a)
for t in 'bBhHiIlLqQfd':
    x = array.array(t, [1, 2])
    print(t, x.itemsize if t not in 'lL' else '-', x, x.tobytes()[:4].hex() if t in 'bBhH' else '')
f = array.array('d', [1.5, -2.25]); f.byteswap(); f.byteswap(); print(f, sum(f))
print(array.array('f', [0.1]), array.array('b', b'\x01\xff'), array.array('B', b'\x01\xff'))
for args in [('i', ['x']), ('x', []), (1, []), ('i', 'abc'), ('b', [200]), ('B', [-1]), ('H', [70000]), ('i', [2**40])]:
    try: array.array(*args)
    except Exception as e: print(type(e).__name__, e)
c = array.array('h', [1, 2])
for fn in [lambda: c.extend(array.array('d')), lambda: c + [1], lambda: c.index(5), lambda: c.remove(5),
           lambda: array.array('i').pop(), lambda: c.pop(9), lambda: c.frombytes(b'abc'), lambda: c.fromlist((1,)),
           lambda: c.__setitem__(slice(0, 1), [1]), lambda: c[5], lambda: c.__setitem__(5, 1)]:
    try: fn()
    except Exception as e: print(type(e).__name__, e)
c.fromlist([3, 4]); c.frombytes(array.array('h', [5]).tobytes()); print(c, c.buffer_info()[1], array.typecodes.replace('u', ''))
print(list(reversed(c)), sorted(array.array('d', [3.0, 1.0])), array.array('i'), repr(array.array('i')))
