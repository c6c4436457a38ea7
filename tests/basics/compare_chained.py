# Comparison operators and chains.
print(1 < 2, 2 < 1, 1 <= 1, 1 >= 2, 1 == 1.0, 1 != 1, 3 > 2 > 1, 1 < 3 < 2)
print(1 < 2 < 3 < 4, 1 < 2 > 0 < 5, 1 == 1 == 1.0, 1 == 1 != 2, 0 < 0 <= 0)
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 in [5], 1 < x is not None)


def noisy(v, name):
    print("eval", name)
    return v


# Each operand is evaluated at most once, left to right, and the chain short-circuits.
print(noisy(1, "a") < noisy(2, "b") < noisy(3, "c"))
print(noisy(3, "a") < noisy(2, "b") < noisy(5, "c"))

# Sequences compare lexicographically.
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), "abc" < "abd", "Z" < "a", "" < "a")
print([1, [2, 3]] == [1, [2, 3]], (1, 2) == [1, 2], "a" == b"a", None == 0, None is None)
print(max("apple", "banana"), min([3, 1], [2, 9]), sorted([(2, "b"), (1, "z"), (2, "a")]))

# Mixed-type ordering errors.
for f in (lambda: 1 < "a", lambda: [1] < (1,), lambda: None < 1, lambda: {} < {}, lambda: 1j < 2j):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)

# Identity vs equality.
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b, a is a)
print(not 1 == 2, not (1 < 2 < 3))
