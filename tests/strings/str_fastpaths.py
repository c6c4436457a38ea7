# int(str), split with a one-character separator, startswith/endswith and
# the fill argument of center/ljust/rjust: results and errors as CPython.
for s in ["0", "-0", "+7", "123456789012345678", "-123456789012345678", "1234567890123456789", "99999999999999999999", "1_000", " 12 ", "12\n", "٣", "", "-", "+", "0012", "1e3", "--1"]:
    try:
        print(repr(s), int(s))
    except ValueError as e:
        print(repr(s), "ValueError", e)
class S(str):
    def __int__(self): return 99
print(int(S("5")))
print("a:b:c".split(":"), "a::b".split(":", 1), ":".split(":"), "".split(":"), "x".split("x"), "aXbXc".split("X", 0), "é:ü".split(":"), "a–b".split("–"))
print("abc".startswith(("x", "a")), "abc".startswith("b", 1), "abc".endswith("c"))
for bad in [1, ("a", 2)]:
    try:
        "abc".startswith(bad)
    except TypeError as e:
        print(e)
try:
    "abc".center(9, 5)
except TypeError as e:
    print(e)
print("abc".center(9, "*"))
for m in ("ljust", "rjust", "center"):
    try:
        getattr("ab", m)(5, b"x")
    except TypeError as e:
        print(m, e)
    try:
        getattr("ab", m)(5, "xy")
    except TypeError as e:
        print(m, e)
