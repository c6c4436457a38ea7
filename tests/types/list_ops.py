# list operators, comparison, membership, construction and identity.
a = [1, 2, 3]
print(a + [4], a * 2, 2 * a, [] * 5, a == [1, 2, 3], a != [1, 2], a < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
print(2 in a, 5 not in a, [1] in [[1], 2], len(a), list(), list("ab"), list(range(3)), list({1: 2}), list((1,)))
print(a[0] is a[0], [a] * 2, [[0] * 2 for _ in range(2)], a.__len__(), list(a) is a, list(a) == a)
b = a
b.append(4)
print(a, b is a)
c = a + []
c.append(5)
print(a, c)
m = [[1, 2], [3, [4, 5]]]
print(m[1][1][0], sum(m[0]), [x for sub in m for x in (sub if isinstance(sub, list) else [sub])])
print(max([[1, 2], [1, 3], [0, 9]]), min([[2], [1, 5], [1]]), sorted([[2], [1, 5], [1]]))
try:
    a + (1,)
except TypeError as e:
    print("TypeError", e)
try:
    [1] < ["a"]
except TypeError as e:
    print("TypeError", e)
try:
    a * "2"
except TypeError as e:
    print("TypeError", e)
rec = [1, 2]
rec.append(rec)
print(rec, len(rec), rec[2] is rec)
print(repr([]), repr([[]]), str([None, "s", 1.0, (1,)]))
x = [0, 1, 2, 3]
for i, v in enumerate(x):
    x[i] = v * v
print(x)
print([1, 2, 3] == [1.0, 2, 3], [float("nan")] == [float("nan")], [True] == [1])
nan = float("nan")
print([nan] == [nan], nan in [nan], [nan].count(nan), [nan].index(nan))
