# Tuple/list unpacking, starred targets and nested targets.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = (1, 2, 3, 4)
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
p, *q = [1]
print(p, q)
(m, n), [o, (r, s)] = (1, 2), [3, (4, 5)]
print(m, n, o, r, s)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for idx, *others in [(1, 2, 3), (4,)]:
    print(idx, others)
[a1, *b1], c1 = [1, 2, 3], 4
print(a1, b1, c1)
t = 1, 2, 3
print(t, type(t).__name__)
l1 = [*t, *"ab", *range(2)]
print(l1)
d1 = {**{"a": 1}, "b": 2, **{"a": 3}}
print(d1)
s1 = {*[3, 1], *(2, 1)}
print(sorted(s1))
print(*[1, 2, 3], sep="-")
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
obj = type("O", (), {})()
obj.u, obj.v = 10, 20
print(obj.u, obj.v)
i = 0
arr = [5, 6]
i, arr[i] = 1, 99
print(i, arr)
for bad in ([1, 2, 3], [1], 5):
    try:
        u, w = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a, b, *c = [1]
except ValueError as e:
    print("ValueError", e)
