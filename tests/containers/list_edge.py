# list: errors, extended slices, sort details, subclasses, recursion.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


a = list(range(10))
print(a[::-1], a[::3], a[-3::-2], a[8:2:-2], a[100:], a[-100:2], a[::10**30], a[::-10**30], a[10**30:], a[:-10**30])
t(lambda: a[::0])
t(lambda: a[1.5])
t(lambda: a["x":])
t(lambda: a[10])
t(lambda: a[-11])
t(lambda: [].pop())
t(lambda: [1].pop(3))
t(lambda: [1].index(2))
t(lambda: [1, 2, 3].index(3, 0, 2))
t(lambda: [1, 2, 3].index(2, -2))
t(lambda: [].remove(0))
t(lambda: [1] + (2,))
t(lambda: [1] * "a")
t(lambda: 2.5 * [1])
t(lambda: [].append())
t(lambda: [].insert(0))
t(lambda: [].sort(1))
t(lambda: [3, 1].sort(key=1))
t(lambda: [1, "a"].sort())
t(lambda: ["a", 1, 2].sort())
t(lambda: list(1))
t(lambda: list(1, 2))
t(lambda: [] < ())
t(lambda: {[]: 1})
b = list(range(10))
b[1:9:3] = "xyz"
print(b)
t(lambda: b.__setitem__(slice(None, None, 2), [1, 2]))
b[::-3] = [0, 0, 0, 0]
print(b)
del b[::-2]
print(b)
b[5:1] = [7]
print(b)
c = [1, 2]
c *= 3
print(c)
c *= 0
print(c, [1] * -1, [0] * 3 == [0, 0, 0])
print([1, 2] < [1, 2, 0], [1, 3] > [1, 2, 9], [] <= [], [2] >= [1, 99], [1, 2] != [1, 2], [[1]] == [[1]])
# Stability with many equal keys (larger than one run).
data = [(i % 7, i) for i in range(150)]
data.sort(key=lambda p: p[0])
print(all(data[i][1] < data[i + 1][1] for i in range(149) if data[i][0] == data[i + 1][0]), data[:3], data[-2:])
data.sort(key=lambda p: p[0], reverse=True)
print(data[:3], data[-3:])
desc = list(range(100, 0, -1))
desc.sort()
print(desc[:5], desc[-5:])
m = [5, 3, 1]


def bad_key(x):
    m.append(x)
    return x


t(lambda: m.sort(key=bad_key))
print(m)
r = [1, 2]
r.append(r)
print(r, [r, [r]])


class L(list):
    def __getitem__(self, i):
        return "L" + str(super().__getitem__(i))

    def append(self, x):
        super().append(x * 2)


l = L([1, 2, 3])
l.append(5)
print(l, l[0], len(l), type(l).__name__, isinstance(l, list), l + [0], list.__getitem__(l, 1))


class Stack(list):
    pass


s = Stack("ab")
s.extend("cd")
print(s, s.pop(), s == ["a", "b", "c"], repr(Stack()))
print(list(reversed([1, 2, 3])), list.__reversed__([4, 5]).__length_hint__())
x = [3, 1, 2]
it = iter(x)
print(next(it), x.__len__(), [].__iter__().__length_hint__())
