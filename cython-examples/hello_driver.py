# Imports the Cython module `hello` and prints what it computes; the output
# must be the same under CPython and ferropy.
import hello

print("add:", hello.add(2, 40))
print("checksum:", hello.checksum(b"ferropy"), hello.checksum(b""))
print("level:", hello.check_level(7))
try:
    hello.check_level(42)
except ValueError as e:
    print("ValueError:", e)
counts, keys = hello.histogram([3, 1, 3, 2, 3, 1])
print("histogram:", counts, keys)
