# io.StringIO and io.BytesIO: read/write/seek/tell/getvalue/truncate/
# readline(s)/iteration, newline handling, errors.
import io

s = io.StringIO("héllo\nwörld\nlast")
print(s.read(3), s.tell(), repr(s.readline()), s.readlines(), repr(s.read()))
s.seek(0)
print(list(s), s.tell())
s.seek(1)
print(s.write("ABC"), repr(s.getvalue()), s.tell(), repr(s.read(2)))
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(0, 2)
s.write("!")
print(repr(s.getvalue()))
s.seek(10)
s.write("z")
print(repr(s.getvalue()), s.tell())
print(s.readable(), s.writable(), s.seekable(), s.closed, s.isatty())
with io.StringIO() as t:
    print("a", 1, file=t)
    t.writelines(["x", "y\n"])
    print(repr(t.getvalue()))
print(t.closed)
for v in ("a\r\nb\rc\n", "x"):
    for nl in (None, "", "\n", "\r", "\r\n"):
        u = io.StringIO(v, newline=nl)
        print(repr(nl), repr(u.getvalue()), u.readlines())
s = io.StringIO()
for args in [(1,), (-1,), (1, 1), (1, 2), (0, 5)]:
    try:
        print(s.seek(*args))
    except (OSError, ValueError) as e:
        print(type(e).__name__, e)
for bad in (b"x", 5):
    try:
        s.write(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    io.StringIO(5)
except TypeError as e:
    print("TypeError", e)
try:
    s.fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
s.close()
try:
    s.getvalue()
except ValueError as e:
    print("ValueError", e)

b = io.BytesIO(b"abc\ndef\nghi")
print(b.read(2), b.readline(), b.tell(), b.readlines(), b.read())
b.seek(0)
print(list(b))
print(b.seek(-2, 2), b.read(), b.seek(-100, 1), b.tell())
print(b.write(b"XY"), b.getvalue())
b.seek(20)
print(b.write(bytearray(b"!")), b.getvalue(), b.tell())
print(b.truncate(5), b.getvalue(), b.tell())
buf = bytearray(3)
b.seek(1)
print(b.readinto(buf), buf)
for bad in ("x", 5):
    try:
        b.write(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    b.seek(-1)
except ValueError as e:
    print("ValueError", e)
print(io.BytesIO().getvalue(), io.BytesIO(bytearray(b"q")).read())
with io.BytesIO(b"z") as c:
    print(c.read())
try:
    c.read()
except ValueError as e:
    print("ValueError", e)
print(isinstance(b, io.BufferedIOBase), isinstance(s, io.TextIOBase), isinstance(b, io.IOBase))


class Upper(io.StringIO):
    def write(self, x):
        return super().write(x.upper())


u = Upper()
print("hi", file=u)
print(repr(u.getvalue()), type(u).__name__)
