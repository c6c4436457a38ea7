# enumerate, zip, map, filter, any, all.
print(list(enumerate("abc")), list(enumerate(["x", "y"], start=5)), list(enumerate([], 1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1, 2])), list(zip("ab", "cd", "ef")))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError", e)
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b: a + b, "ab", "xyz")))
print(list(filter(None, [0, 1, "", "a", [], [0], None])), list(filter(str.isdigit, "a1b2c3")))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(x > 5 for x in range(10)), all("abc"))
calls = []


def check(v):
    calls.append(v)
    return v > 2


print(any(check(v) for v in [1, 3, 5]), calls)
calls.clear()
print(all(check(v) for v in [3, 1, 5]), calls)
for f in (lambda: enumerate(5), lambda: zip(1), lambda: map(abs), lambda: filter(None, 3)):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
m = map(int, ["1", "x", "3"])
print(next(m))
try:
    next(m)
except ValueError as e:
    print("ValueError", e)
print(next(m))
print(dict(enumerate("ab")), dict(zip("ab", range(2))), sorted(map(len, ["aaa", "b", "cc"])))
print(type(enumerate([])).__name__, type(zip()).__name__, type(map(abs, [])).__name__, type(filter(None, [])).__name__)
