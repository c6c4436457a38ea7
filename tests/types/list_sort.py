# list.sort(): key, reverse and stability.
a = [5, 2, 9, 1, 5, 6]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
# Stability: equal keys keep their relative order, also with reverse=True.
records = [("alice", 3), ("bob", 1), ("carol", 3), ("dave", 2), ("eve", 1), ("frank", 3)]
records.sort(key=lambda r: r[1])
print(records)
records.sort(key=lambda r: r[1], reverse=True)
print(records)
multi = [(2, "b"), (1, "b"), (2, "a"), (1, "a")]
multi.sort(key=lambda t: t[1])
multi.sort(key=lambda t: t[0])
print(multi)
print(sorted([3.5, -1, 2, 0.0, -0.5, 10 ** 20, True]))
big = [(i * 7919) % 1000 for i in range(200)]
big.sort()
print(big[:10], big[-5:], all(big[i] <= big[i + 1] for i in range(len(big) - 1)))
strs = ["b", "a", "c"]
strs.sort(key=None)
print(strs)
try:
    [1, "a", 2].sort()
except TypeError as e:
    print("TypeError", e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print("TypeError", e)
calls = []


def key(v):
    calls.append(v)
    return -v


c = [1, 2, 3]
c.sort(key=key)
print(c, sorted(calls))
lst = [[3, "c"], [1, "a"], [2, "b"]]
lst.sort()
print(lst, sorted(lst, key=lambda x: x[1], reverse=True))
print(sorted([], reverse=True), sorted([1]), sorted("hello", reverse=True))
