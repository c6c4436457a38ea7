# requires: files module:os
# Errors from open() and from operations on files.
import io
import os

d = "_tmp_file_errors"
os.mkdir(d)
name = os.path.join(d, "e.txt")


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", type(r).__name__)
        if hasattr(r, "close"):
            r.close()
    except Exception as e:
        print(type(e).__name__, e)


attempt(open, os.path.join(d, "missing.txt"))
attempt(open, d)
attempt(open, name, "x")
attempt(open, name, "x")
attempt(open, os.path.join(name, "sub"))
attempt(open, name, "rw")
attempt(open, name, "rr")
attempt(open, name, "q")
attempt(open, name, "tb")
attempt(open, name, "+")
attempt(open, name, "rb", encoding="utf-8")
attempt(open, name, "rb", newline="")
attempt(open, name, "r", buffering=0)
attempt(open, name, newline="x")
attempt(open, name, encoding="nope")
attempt(open, 3.5)
attempt(open, None)

try:
    open(os.path.join(d, "nope"))
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename == os.path.join(d, "nope"), e.args)
try:
    open(os.path.join(d, "nope"))
except OSError as e:
    print(type(e).__name__, isinstance(e, OSError))
print(type(OSError(2, "x")).__name__, type(OSError(17, "x")).__name__, type(OSError(1)).__name__)
print(str(OSError(2, "No such file", "f")), OSError(2, "No such file", "f").args)

f = open(name, "w")
attempt(f.read)
f.close()
for op in (f.read, f.readline, f.tell, f.flush, f.fileno, f.isatty, f.readable, f.__enter__):
    attempt(op)
attempt(f.write, "x")
attempt(f.seek, 0)
attempt(lambda: list(f))
f.close()
print(f.closed)

f = open(name)
attempt(f.write, "x")
attempt(f.seek, 1, 1)
attempt(f.seek, 1, 2)
attempt(f.seek, -1)
attempt(f.seek, 0, 3)
attempt(f.read, "x")
f.close()
f = open(name, "w")
attempt(f.write, b"x")
attempt(f.write, 5)
f.close()
f = open(name, "wb")
attempt(f.write, "x")
attempt(f.read)
f.close()
try:
    open(name).write("x")
except io.UnsupportedOperation as e:
    print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
os.remove(name)
os.rmdir(d)
