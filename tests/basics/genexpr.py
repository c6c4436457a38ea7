# Generator expressions: laziness and scoping.
g = (x * 2 for x in range(5))
print(type(g).__name__, next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5]), all(x > 3 for x in [1, 5]))
print(sorted(c for c in "banana"), tuple(i for i in range(3)))
print(dict((k, len(k)) for k in ["aa", "b"]), "-".join(str(i) for i in range(4)))

log = []


def src():
    for i in range(3):
        log.append("yield %d" % i)
        yield i


gen = (v * 10 for v in src())
log.append("created")
print(next(gen))
log.append("after first")
print(list(gen))
print(log)

# The first iterable is evaluated immediately, the rest lazily.
try:
    (a for a in 5)
except TypeError as e:
    print("TypeError", e)
lazy = (a + b for a in [1] for b in undefined_for_now)
undefined_for_now = [10, 20]
print(list(lazy))

# The loop variable does not leak.
i = "kept"
print(list(i for i in range(2)), i)

# Genexpr in a function sees locals via closure.


def pairs(n):
    return list((x, n) for x in range(n))


print(pairs(3))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
it = (x for x in [1, 2])
print(iter(it) is it, next(it), next(it, "done"), next(it, "done"))
