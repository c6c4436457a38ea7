# sum(), sorted() and reversed().
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([0.5, 0.25]), sum([1, 2], 10), sum([[1], [2]], []))
print(sum((x for x in range(5)), start=100), sum([True, True, False]), sum([1, 2.5]), sum([2 ** 64, 2 ** 64]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError", e)
print(sorted([3, 1, 2]), sorted("banana"), sorted((3, 1)), sorted({3: 0, 1: 0}), sorted([]))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"]), sorted(["b", "A", "c"], key=str.lower))
pairs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: p[1], reverse=True))
# Stability with reverse: equal elements keep their original order.
recs = [(1, "x"), (0, "y"), (1, "z"), (0, "w")]
print(sorted(recs, key=lambda r: r[0], reverse=True))
original = [5, 2, 9]
result = sorted(original)
print(original, result, result is original)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
try:
    sorted([1], lambda x: x)
except TypeError as e:
    print("TypeError", e)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError", e)
print(sorted(range(10), key=lambda v: (v % 3, -v)))
print(sorted([2.5, 1, 3 ** 40, -1.5, True]))
