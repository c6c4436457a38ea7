# requires: files host module:os
# Writing, appending and reading a file in the test's directory.
import os

name = "_files_rw_test.tmp"
with open(name, "w") as f:
    n = f.write("line one\n")
    f.write("line two\n")
print(n)
with open(name) as f:
    print(repr(f.read()))
with open(name, "a") as f:
    f.write("appended\n")
with open(name) as f:
    print([line.rstrip("\n") for line in f])
with open(name) as f:
    print(repr(f.readline()), repr(f.readline()), f.readlines())
with open(name, "rb") as f:
    data = f.read()
print(type(data).__name__, len(data), data[:4])
with open(name, "wb") as f:
    f.write(bytes(range(5)) + "é".encode())
with open(name, "rb") as f:
    print(f.read())
f = open(name)
print(f.closed)
f.close()
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
os.remove(name)
try:
    open(name)
except OSError as e:
    print(type(e).__name__, isinstance(e, OSError), e.errno == 2)
print(name in os.listdir("."))
import builtins
print(hasattr(builtins, "open"))
