# Slice assignment and deletion on lists.
a = list(range(8))
a[2:4] = ["x", "y", "z"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[1:6] = []
print(a)
a[:] = "abc"
print(a)
a[1:1] = [1, 2, 3]
print(a)
b = list(range(10))
b[::2] = "ABCDE"
print(b)
b[1::3] = [None] * 3
print(b)
b[::-4] = [7, 8, 9]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    b[1:2] = 5
except TypeError as e:
    print("TypeError", e)
c = list(range(10))
del c[::3]
print(c)
del c[-2:]
print(c)
del c[100:]
del c[1:5:2]
print(c)
del c[::-2]
print(c)
d = [1, 2, 3]
d[5:10] = [4]
print(d)
d[-100:1] = [0]
print(d)
e = [1, 2, 3, 4]
e[1:3] = e
print(e)
f = [0, 1, 2]
f[0:2] = range(5)
print(f)
g = [1, 2, 3]
g[1:2] = (x * 10 for x in range(3))
print(g)
h = [1, 2, 3, 4, 5]
h[3:1] = ["ins"]
print(h)
h[::1] = []
print(h)
i = [0] * 5
i[1], i[3] = "a", "b"
i[-1] = "last"
print(i)
try:
    i[5] = 0
except IndexError as e:
    print("IndexError", e)
