# requires: files module:os
# Text files: write/read/append, universal newlines, readline(s), iteration,
# seek/tell, encodings and error handlers.
import os

d = "_tmp_file_text"
os.mkdir(d)
name = os.path.join(d, "t.txt")

with open(name, "w") as f:
    print(f.write("héllo\nwörld\r\nthird\rlast"), f.mode, f.name == name, f.encoding)
    print(f.readable(), f.writable(), f.seekable(), f.closed)
print(f.closed)

with open(name) as f:
    print(repr(f.read()))
with open(name, newline="") as f:
    print(f.readlines())
with open(name, newline="\n") as f:
    print(list(f))
with open(name, newline="\r") as f:
    print(list(f))
with open(name, newline="\r\n") as f:
    print(f.readlines())
with open(name) as f:
    print(repr(f.read(2)), f.tell(), repr(f.read(3)), repr(f.readline()), repr(f.readline(3)))
    print(f.readlines())
    print(repr(f.read()), repr(f.readline()))
    f.seek(0)
    print(repr(f.readline()))

with open(name, "a") as f:
    f.write("\nmore\n")
    f.writelines(["a\n", "b\n"])
with open(name) as f:
    print(sum(1 for _ in f))

with open(name, "w", newline="\r\n") as f:
    f.write("x\ny\n")
with open(name, "rb") as f:
    print(f.read())

with open(name, "w+") as f:
    f.write("abc\ndef\n")
    f.seek(0)
    print(repr(f.read()))
with open(name, "r+") as f:
    print(repr(f.read(1)))
    f.seek(0)
    f.write("X")
    f.seek(0)
    print(repr(f.read()))

with open(name, "w", encoding="latin-1") as f:
    f.write("é€" if False else "é")
with open(name, "rb") as f:
    print(f.read())
with open(name, encoding="latin-1") as f:
    print(repr(f.read()), f.encoding)
try:
    with open(name) as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
with open(name, errors="replace") as f:
    print(repr(f.read()))
with open(name, "w", encoding="ascii", errors="replace") as f:
    f.write("a€b")
with open(name) as f:
    print(f.read())

print_name = os.path.join(d, "p.txt")
with open(print_name, "w") as f:
    print("to", "file", 42, file=f)
    print("second", end="!\n", file=f)
with open(print_name) as f:
    print(f.read(), end="")

os.remove(name)
os.remove(print_name)
os.rmdir(d)
print(os.path.exists(d))
