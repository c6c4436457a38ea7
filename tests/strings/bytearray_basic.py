# bytearray: mutable bytes
a = bytearray(b"hello")
print(a, len(a), a[0], a[-1], a[1:3], a[::-1], bytearray(), bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"))
a[0] = 72
a[1:3] = b"EY"
print(a)
a[1:3] = b""
print(a)
a[0:0] = bytearray(b"<<")
a[len(a):] = [62, 62]
print(a)
del a[0]
del a[-1]
del a[1:3]
print(a)
a = bytearray(b"abcdef")
a[::2] = b"XYZ"
print(a)
del a[::2]
print(a)
a.append(33)
a.extend(b"??")
a.extend([35, 36])
a.extend(bytearray(b"%"))
a.insert(0, 64)
a.insert(-1, 38)
a.insert(100, 42)
print(a, a.pop(), a.pop(0), a)
a.remove(ord("?"))
a.reverse()
print(a)
c = a.copy()
c.clear()
print(a, c, c == b"", a == a.copy(), a is a.copy())
b = bytearray(b"ab")
b += b"cd"
b += bytearray(b"e")
ref = b
b *= 2
print(b, ref is b, b + b"!", type(b + b"!").__name__, b"!" + b, type(b"!" + b).__name__, b * 2)
x = bytearray(b"Hello World")
print(x.upper(), x.lower(), x.split(), x.replace(b"l", b"L"), x.find(b"o"), x.count(b"l"), x.startswith(b"He"), x.strip(b"Hd"))
print(x.partition(b" "), x.hex(), bytearray.fromhex("4142"), x.decode(), x.title(), x.center(15, b"."), x.isalpha(), x.join([b"1", b"2"]))
print(b"x" in x, 111 in x, [*bytearray(b"\x01\x02")], bytearray(b"abc") < bytearray(b"abd"), bytearray(b"%d") % 5)
x = bytearray(b"abc")
for v in x:
    print(v, end=" ")
print()
class BA(bytearray):
    pass
s = BA(b"sub")
s.append(33)
print(s, type(s).__name__, len(s), s + b"x", type(s.upper()).__name__)
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
def setitem(o, k, v):
    o[k] = v
def delitem(o, k):
    del o[k]
t(lambda: bytearray(b"a").pop(5))
t(lambda: bytearray().pop())
t(lambda: bytearray(b"a").remove(5))
t(lambda: bytearray(b"a").append(256))
t(lambda: bytearray(b"a").append("a"))
t(lambda: setitem(bytearray(b"abc"), slice(0, 2), 5))
t(lambda: setitem(bytearray(b"abc"), slice(0, 2), "ab"))
t(lambda: setitem(bytearray(b"a"), 0, 256))
t(lambda: setitem(bytearray(b"a"), 5, 1))
t(lambda: setitem(bytearray(b"a"), 0, "a"))
t(lambda: setitem(bytearray(b"abc"), slice(None, None, 2), b"x"))
t(lambda: setitem(bytearray(b"abc"), "x", 1))
t(lambda: delitem(bytearray(b"a"), 10))
t(lambda: hash(bytearray()))
t(lambda: bytearray("a"))
t(lambda: bytearray(-1))
t(lambda: bytearray([300]))
t(lambda: bytearray(b"a") + "x")
t(lambda: bytearray(b"a") * "x")
t(lambda: bytearray(b"a").extend(1))
t(lambda: bytearray(b"a").extend("ab"))
