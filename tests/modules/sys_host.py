# requires: host
# sys values that hold on a 64-bit little-endian Linux host, not on a microcontroller.
import sys

print(sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.platform)
print(sys.maxsize + 1 == 2 ** 63, -sys.maxsize - 1)
print(len(range(sys.maxsize)) == sys.maxsize)
print(sys.getrecursionlimit() >= 100)
