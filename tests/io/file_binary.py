# requires: files module:os
# Binary files: modes, read(n)/readline, seek whence, tell, truncate,
# readinto, buffering=0 (FileIO), type names.
import io
import os

d = "_tmp_file_binary"
os.mkdir(d)
name = os.path.join(d, "b.bin")

with open(name, "wb") as f:
    print(type(f).__name__, f.mode, f.write(b"0123456789\nabc\n"), f.tell())
    print(f.write(bytearray(b"XY")), f.write(memoryview(b"Z")))
with open(name, "rb") as f:
    print(type(f).__name__, f.mode, f.read(3), f.tell(), f.readline(), f.readline())
    print(f.seek(-3, 2), f.read(), f.read(), f.seek(2), f.seek(3, 1), f.read(2))
    print(f.readlines())
    f.seek(0)
    print(list(f))
with open(name, "r+b") as f:
    print(type(f).__name__, f.mode, f.read(2))
    f.write(b"__")
    f.seek(0)
    print(f.read(6))
    print(f.truncate(4), f.tell())
    f.seek(0)
    print(f.read())
with open(name, "ab") as f:
    print(f.mode, f.tell())
    f.write(b"++")
with open(name, "rb") as f:
    buf = bytearray(4)
    print(f.readinto(buf), buf, f.readinto(buf), buf, f.readinto(buf))
with open(name, "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.read(2), f.readall(), f.closefd)
with open(name, "w+b") as f:
    print(f.mode, f.read())
with open(name, "rb") as f:
    print(isinstance(f, io.BufferedIOBase), isinstance(f, io.IOBase), isinstance(f, io.TextIOBase))
    print(f.fileno() > 2, f.isatty())
with open(name) as f:
    print(isinstance(f, io.TextIOWrapper), isinstance(f, io.TextIOBase))
with io.open(name, "wb") as f:
    f.write(bytes(range(256)))
print(os.path.getsize(name), os.stat(name).st_size)
os.remove(name)
os.rmdir(d)
