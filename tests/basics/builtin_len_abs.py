# len() and abs().
# requires: host
# (hash() values and len() limits are those of a 64-bit CPython.)
print(len(""), len("héllo"), len(b"ab"), len([1, 2]), len((1,)), len({}), len({1: 2}), len(set()))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(5, 5)), len(bytearray(3)))
print(len(frozenset("aab")), len({"a": 1}.keys()), len({"a": 1}.items()), len(memoryview(b"xyz")))


class L:
    def __len__(self):
        return 7


print(len(L()))
for bad in (5, 1.5, None, iter([])):
    try:
        len(bad)
    except TypeError as e:
        print("TypeError", e)


class Negative:
    def __len__(self):
        return -1


class NotInt:
    def __len__(self):
        return "3"


for obj in (Negative(), NotInt()):
    try:
        len(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(abs(-5), abs(5), abs(0), abs(-2.5), abs(-0.0), abs(True), abs(-(2 ** 70)), abs(3 - 4j))


class A:
    def __abs__(self):
        return "absolute"


print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print("TypeError", e)
print(len(range(-2 ** 40, 2 ** 40)))
