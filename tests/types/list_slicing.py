# list slicing with steps, negative indices and out-of-range bounds.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::3], a[1::3], a[::-1], a[::-3], a[8:2:-2], a[-2:-8:-3])
print(a[5:2], a[100:], a[-100:2], a[2:100], a[:0], a[slice(1, 9, 4)], a[slice(None)])
b = a[:]
print(b == a, b is a, a[:] is a)
nested = [[1, 2], [3, 4]]
shallow = nested[:]
shallow[0].append(99)
print(nested, shallow[0] is nested[0])
for i in range(-3, 4):
    print(i, [0, 1, 2][i:], [0, 1, 2][:i], [0, 1, 2][::i] if i else "zero step")
try:
    a[10]
except IndexError as e:
    print("IndexError", e)
try:
    a[-11]
except IndexError as e:
    print("IndexError", e)
try:
    a["x"]
except TypeError as e:
    print("TypeError", e)
try:
    a[1.0]
except TypeError as e:
    print("TypeError", e)
try:
    a[::0]
except ValueError as e:
    print("ValueError", e)
print(a[True], a[False:2], a[2 ** 80:], a[-2 ** 80:2], a[None:None:None])
s = slice(1, 8, 2)
print(s.indices(10), s.indices(4), slice(None, None, -1).indices(5), slice(-3, None).indices(10))
print([a[i] for i in range(*s.indices(len(a)))])
m = [[r * 3 + c for c in range(3)] for r in range(3)]
print([row[1] for row in m], m[1][::-1], [row[::-1] for row in m[::-1]])
