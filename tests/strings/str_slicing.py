# indexing and slicing of str, ASCII and not
for s in ["abcdefgh", "αβγδεζηθ", "a😀b😀c", "", "x"]:
    n = len(s)
    print(repr(s), n)
    for i in range(-n - 1, n + 1):
        try:
            print(" ", i, repr(s[i]))
        except IndexError as e:
            print(" ", i, type(e).__name__, e)
    for start in (None, -10, -3, -1, 0, 1, 3, 10):
        for stop in (None, -10, -2, 0, 2, 5, 10):
            for step in (None, 1, 2, 3, -1, -2, -3):
                print(repr(s[start:stop:step]), end=" ")
        print()
print("abc"[::-1], "日本語"[::-1], "abcdef"[1::2], "abcdef"[-1:-4:-1], "abcdef"[100:], "abcdef"[:-100])
print("abc"[True], "abc"[False:True])
for bad in ["1", 1.5, None, [1]]:
    try:
        "abc"[bad]
    except TypeError as e:
        print(type(e).__name__, e)
for sl in [slice(None, None, 0), slice("a", None), slice(None, 1.5)]:
    try:
        "abc"[sl]
    except Exception as e:
        print(type(e).__name__, e)
print("abc"[-2**70:2**70], "abc"[2**70:], "abc"[::2**70], "abc"[::-2**70])
try:
    "abc"[2**70]
except IndexError as e:
    print(type(e).__name__, e)
class I:
    def __index__(self):
        return 1
print("abc"[I()], "abcd"[I():I()+2] if False else "abcd"[I():3])
it = iter("héllo")
print(next(it), next(it), [*it])
print([c for c in "a😀"], [*""], "".join("abc"[::-1]))
print("b" in "abc", "" in "abc", "bd" in "abc", "日本" in "日本語")
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
print("abc" < "abd", "abc" < "ab", "é" > "z", "😀" > "日", "a" == "a", "a" != "b", "abc" <= "abc", "B" >= "a")
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1, "é" * 2)
for a, b in [("a", 1), ("a", None), ("a", b"x")]:
    try:
        a + b
    except TypeError as e:
        print(type(e).__name__, e)
for a, b in [("a", "b"), ("a", 1.5), ([1], "a")]:
    try:
        a * b
    except TypeError as e:
        print(type(e).__name__, e)
class R:
    def __radd__(self, other):
        return "radd:" + other
    def __rmul__(self, other):
        return "rmul:" + other
print("x" + R(), "y" * R())
s = "abc"
s += "def"
s *= 2
print(s, hash("abc") == hash("ab" + "c"), len({"a": 1, "a" + "": 2}))
