# str methods: searching, splitting, joining, stripping, replacing.
s = "Hello, World"
print(s.find("o"), s.find("o", 5), s.find("xyz"), s.rfind("o"), s.index("W"), s.rindex("l"))
print(s.count("l"), s.count(""), "aaaa".count("aa"), s.startswith("Hell"), s.endswith(("x", "ld")))
print(s.startswith("World", 7), s.endswith("Hello", 0, 5), "abc".find("", 10), "abc".find("c", -1))
print("a,b,,c".split(","), "a b  c ".split(), "  lead".split(" "), "a,b,c".split(",", 1), "".split(), "".split(","))
print("a,b,c".rsplit(",", 1), "x y z".rsplit(None, 1), "one\ttwo\nthree".split(), "abc".split("abc"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), " ".join(map(str, range(3))))
print(repr("  pad  ".strip()), repr("xxhixx".strip("x")), repr("  l".lstrip()), repr("r  ".rstrip()), "abcba".strip("ab"))
print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "hello".replace("l", ""))
print("key=value=x".partition("="), "key=value=x".rpartition("="), "none".partition("="), "none".rpartition("="))
print("line1\nline2\r\nline3".splitlines(), "a\n\nb\n".splitlines(True), "".splitlines())
print("ab".removeprefix("a"), "ab".removesuffix("b"), "ab".removeprefix("x"))
print("a\tb".expandtabs(), "a\tb".expandtabs(4), "a" * 0, "ab" * 3)
tests = [
    lambda: s.index("zzz"),
    lambda: s.rindex("zzz"),
    lambda: "a".split(""),
    lambda: ",".join([1, 2]),
    lambda: "abc".startswith(1),
    lambda: "x".replace(1, "y"),
    lambda: "abc"[5],
    lambda: "abc" + 1,
    lambda: "x".count(),
]
for t in tests:
    try:
        t()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
print("abc".encode(), "é".encode("utf-8"), "mississippi".count("ss"), "mississippi".find("ss", 3))
print("%s" % "abc".center(9, "*"), "Tab".ljust(6, ".") + "|", "Tab".rjust(6) + "|", "42".zfill(5), "-42".zfill(5), "+7".zfill(4))
