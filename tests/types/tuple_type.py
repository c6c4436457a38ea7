# tuple: immutable sequences.
t = (1, "two", 3.0, None)
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], t + (5,), t * 2, (), (1,), tuple(), tuple("ab"), tuple([1, [2]]))
print(t.index("two"), t.count(None), (1, 2, 1).count(1), 3.0 in t, "x" not in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, 2) == (1.0, 2), () < (0,), (1, "a") < (1, "b"))
a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
x = 1, 2
y = (1, 2)
print(x == y, type(x).__name__, hash((1, 2)) == hash(y), {(1, 2): "pt"}[x])
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    t.append(1)
except AttributeError as e:
    print("AttributeError", e)
try:
    (1, 2).index(3)
except ValueError as e:
    print("ValueError", e)
try:
    t[10]
except IndexError as e:
    print("IndexError", e)
try:
    hash(([],))
except TypeError as e:
    print("TypeError", e)
try:
    (1,) + [2]
except TypeError as e:
    print("TypeError", e)
m = ([1],)
m[0].append(2)
print(m)
print(repr((1,)), repr(((),)), str((None, "s")), tuple(range(3)), tuple(x * 2 for x in range(3)))
print(max((3, 1), (2, 9)), sorted([(2, "b"), (1, "c")]), sum((1, 2, 3)), list(zip((1, 2), ("a", "b"))))
print(t[True], t[:-2], t[10:], (1, 2, 3)[::2], len(((),) * 5), ((1, 2),) * 2)


def multi():
    return 1, "a", [2]


r = multi()
n, s, l = multi()
print(r, n, s, l, isinstance(r, tuple))
