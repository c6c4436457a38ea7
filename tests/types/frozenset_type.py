# frozenset: immutable and hashable.
f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 2 in f, frozenset(), repr(frozenset()), frozenset([7]), type(f).__name__)
print(hash(f) == hash(frozenset({1, 2, 3})), f == {1, 2, 3}, {f: "key"}[frozenset([1, 2, 3])])
nested = {frozenset([1]), frozenset([1]), frozenset([2])}
print(len(nested), frozenset([frozenset([1])]) == frozenset({frozenset({1})}))
print(sorted(f | {4}), sorted(f & {1, 9}), sorted(f - {1}), sorted(f ^ {1, 5}), f <= {1, 2, 3, 4}, f.isdisjoint([8]))
print(sorted(f.union([5])), type(f.union([5])).__name__, type(f.copy()).__name__, f.copy() == f)
for name in ("add", "remove", "discard", "pop", "clear", "update"):
    print(name, hasattr(f, name))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError", e)
g = f
g |= {10}
print(sorted(g), sorted(f), g is f)
print(frozenset("abc") == frozenset("cba"), len(frozenset(range(100))), sorted(frozenset({2: 0, 1: 0})))
print(set(f) == f, frozenset(set([1])) == {1}, sorted(frozenset(x * x for x in range(-3, 4))))
