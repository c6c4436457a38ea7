# Assorted syntax: chained assignment, conditional expressions, literals,
# line continuation, pass/Ellipsis, semicolons and docstrings.
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
x = 5; y = 6; print(x + y)
print("big" if x > 3 else "small", "neg" if x < 0 else "zero" if x == 0 else "pos")
total = 1 + \
    2 + \
    3
print(total)
long_list = [
    1, 2,
    3,  # trailing comment
]
print(long_list, (1, 2,), {"a": 1, }, ("single",), ())
print("implicit" " concatenation" ' of literals', r"raw\n", "\x41\u00e9\N{GREEK SMALL LETTER ALPHA}")
print(1_000, 0.5e1, .5, 5., 1e-2, 0xFF, 0o17, 0b11, 10j, 1.5J)


def empty():
    pass


def doc():
    """Docstring here."""
    ...


print(empty(), doc(), doc.__doc__, empty.__doc__)
if True:
    pass
elif False:
    print("never")
else:
    print("never")
n = 0
if n:
    print("truthy")
elif n == 0:
    print("elif branch")
print(not x == 5, -x ** 2, (-x) ** 2, x if x else 0, [] or None)
print(3 * "ab", [0] * 3, (1, 2) * 2, 2 * [None])
s = """line1
line2\
 joined"""
print(s)
print(type(...).__name__, ... == Ellipsis)
i = j = 0
i += 1
print(i, j)
lst = [1, 2, 3]
lst[0], lst[1] = lst[1], lst[0]
print(lst)
print((lambda: (1, 2))()[1], [10, 20, 30][-1], "abc"[::-1], {"k": [1, {"n": "deep"}]}["k"][1]["n"])
print(0 or 0.0 or "" or "last", 1 and "all" and [0])
