# List, dict and set comprehensions.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
print({x: x ** 3 for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print([y for x in [[1, 2], [3], []] for y in x])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])

# The loop variable does not leak.
x = "outer"
_ = [x for x in range(3)]
print(x)

# Class-body comprehensions cannot see class variables (except the first iterable).


class K:
    base = [1, 2, 3]
    doubled = [v * 2 for v in base]
    try:
        bad = [v * factor for v in base for factor in [base[0]]]
    except NameError as e:
        err = str(e)


print(K.doubled, K.err)

# Comprehensions see enclosing function variables.


def scale(items, k):
    return [i * k for i in items]


print(scale([1, 2], 10))
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print({i % 3: i for i in range(10)})
print([w for w in "the quick brown fox".split() if len(w) > 3])
print([(yield_ := n) for n in range(3)], yield_ if "yield_" in dir() else "walrus leaks")
nested = [[n for n in range(k)] for k in range(4)]
print(nested, sum(len(r) for r in nested))
