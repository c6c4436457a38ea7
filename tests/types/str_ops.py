# str operators, iteration, membership, comparison and construction.
a, b = "abc", "xyz"
print(a + b, a * 2, 2 * a, a * 0, a * -1, "-" * 10)
print("b" in a, "bc" in a, "" in a, "d" not in a, "ABC" in a)
print([c for c in a], list(reversed(a)), sorted("cab"), tuple("hi"), set("aab") == {"a", "b"})
print(a < b, a == "abc", a != "abd", "a" < "aa", "B" < "a", "abc" < "abd" < "abe", "Z" * 3 > "a")
print(str(), str(123), str(-1.5), str([1]), str("s"), str(b"x", "ascii"), str(object) == "<class 'object'>")
print(len(a * 1000), (a * 1000).count("abc"), hash(a) == hash("ab" + "c"), a is not None)
s = "immutable"
t = s
s += "!"
print(s, t)
parts = []
for i, ch in enumerate("héllo"):
    parts.append("%d:%s" % (i, ch))
print(" ".join(parts))
words = "the rain in spain stays mainly".split()
print(sorted(words, key=len), max(words, key=len), [w for w in words if "ain" in w])
print("".join(sorted(set("mississippi"))), "".join(w[0] for w in words).upper())
print(min("zebra"), max("zebra"), sum(ord(c) for c in "abc"), "abc".__len__(), "ab".__contains__("a"))
print("a".join("123"), ".".join(["only"]), "x".join([]), "abc" * True)
try:
    "a" * 1.5
except TypeError as e:
    print("TypeError", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError", e)
try:
    "a" < 1
except TypeError as e:
    print("TypeError", e)
print("%s" % "abc".upper().center(11, "=").lower())
print("a\0b", len("a\0b"), "a\0b".split("\0"))
