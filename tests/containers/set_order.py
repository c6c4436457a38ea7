# Iteration order of sets of small ints matches CPython's table layout.
print({5, 3, 1, 9, 7})
print({100, 1, 64, 8, 16, 32})
s = set()
for i in [40, 3, 17, 8, 25, 33, 1, 9]:
    s.add(i)
print(s)
s.discard(17)
s.add(49)
print(s)
print(set(range(20, 0, -3)))
print({-1, -2, -3, 0, 1})
print(frozenset([1000, 7, 8, 300]))
print({x * 7 % 50 for x in range(30)})
t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
for x in [2, 4, 6]:
    t.remove(x)
t.update([64, 128, 11])
print(t)
u = {8, 16, 24, 0}
print(u | {32, 40}, u & {0, 24, 99}, u - {16}, u ^ {16, 48})
print(u.union([5], (6,)), u.intersection(range(20)), u.difference([0], [8]), u.symmetric_difference([1, 0]))
p = {3, 11, 19, 27}
print(p.pop(), p.pop(), p)
print(set([True, 1, 1.0, 2]), {1: 1, 9: 2, 17: 3}.keys() | {25})
big = set(range(100))
big -= set(range(0, 100, 2))
print(len(big), sorted(big)[:5], list(big)[:10])
print(set("aa"), len(set("abcabc")))
