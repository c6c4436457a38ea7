# str.format and format_map
print("{} {} {}".format(1, "a", None))
print("{0} {1} {0}".format("x", "y"), "{1}{0}".format("a", "b"), "{00}".format("z"))
print("{name} is {age}".format(name="Bob", age=30), "{a}{b}".format(**{"a": 1, "b": 2}))
print("{{}} {{{}}} }}{{".format(5))
print("{0!r} {0!s} {0!a}".format("é\n"), "{!r:>10}".format("hi"), "{!s:*^9}".format(123))
print("{:>8}|{:<8}|{:^8}|{:*^9}|{:8}".format("ab", "cd", "ef", "gh", "ij"))
print("{:.2}|{:5.1}|{:<5.3}|{:=^7}".format("abcdef", "xyz", "hello", "é"))
print("{:{}}|{:{}{}}|{:{w}.{p}}".format("a", 4, "b", ">", 5, "cdefg", w=6, p=2))
print("{0:{1}}|{0:>{1}}".format("q", 3))
print("{0[0]} {0[1]} {1[key]} {1[k2][0]}".format(["x", "y"], {"key": "v", "k2": "w"}))
class P:
    x = 3
    y = "why"
    def __format__(self, spec):
        return "P<" + spec + ">"
p = P()
print("{0.x} {0.y} {0.y.upper}".format(p)[:10], "{.x}".format(p), "{:abc}".format(p), "{0:{1}}".format(p, "zz"), "{!s:.5}".format("abcdefgh"))
print("{0.__class__.__name__}".format(1.5), "{[1]}".format("abc"), "{0[-1]}".format({"-1": "neg"}))
print("{a[0]}{a[1]}".format(a="xy"), "{x.__class__.__name__}".format(x="s"))
print("".format_map({}), "{a}-{b}".format_map({"a": 1, "b": "two"}))
print(format("abc"), format("abc", ">5"), format("é", "^5"), "abc".__format__(""), "abc".__format__("*<4"))
print(f"{'x':>3}|{'yz'!r}|{'é'!a}")
errors = [
    "{", "}", "{0", "{0:", "{0!", "{0!x}", "{0!rr}", "{0!}", "{!r", "{0[}", "{0[0]x}", "{a{}", "{0.}",
    "{0..a}", "{0[]}", "{:{:{}}}", "{0}{}", "{}{0}", "{2}", "{a}", "{0.nope}", "{0[5]}", "a}b", "{0:}}",
]
for f in errors:
    try:
        print(repr(f), repr(f.format(["ab", "cd"], 3, 4)))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
for f, m in [("{}", {}), ("{a}", 1), ("{a}", {}), ("{0}", {"0": 1})]:
    try:
        print(repr(f.format_map(m)))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
for spec in ["d", "x", "=5", "+", "05", ",", "z"]:
    try:
        print(format("abc", spec))
    except Exception as e:
        print(spec, type(e).__name__, e)
class S(str):
    pass
print("{}|{!r}|{:>4}".format(S("sub"), S("sub"), S("s")), type(format(S("q"))).__name__, type("{}".format(S("q"))).__name__)
