# Set algebra: operators and methods, subset tests.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference(b, {1})), sorted(a.symmetric_difference([4, 6])))
print(a <= a, a < a, {1, 2} < a, {1, 2} <= a, a >= {1}, a > {1}, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint({9}), a.isdisjoint(b), a == {4, 3, 2, 1}, a != b, set() < a, set() == frozenset())
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {1}
c ^= {2, 3}
print(sorted(c))
d = set(range(6))
d.intersection_update({1, 2, 3, 99})
print(sorted(d))
d.difference_update([1])
print(sorted(d))
d.symmetric_difference_update({3, 4})
print(sorted(d))
try:
    a | [1]
except TypeError as e:
    print("TypeError", e)
try:
    a < [1]
except TypeError as e:
    print("TypeError", e)
print(sorted(set("abc") & set("bcd")), sorted(set("abc") | frozenset("xy")), type(set() | frozenset()).__name__, type(frozenset() | set()).__name__)
x, y = {1, 2}, {2, 3}
print(sorted((x | y) - (x & y)) == sorted(x ^ y), len(x & y), sorted(x - y - {1}))
evens = set(range(0, 20, 2))
threes = set(range(0, 20, 3))
print(sorted(evens & threes), sorted(evens - threes)[:5], len(evens | threes))
