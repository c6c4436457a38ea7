# range objects.
print(list(range(5)), list(range(2, 8)), list(range(0, 10, 3)), list(range(10, 0, -2)), list(range(5, 2)), list(range(-3)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[2], r[1:3], r[::-1], r[::2], list(r[::-1]), 9 in r, 10 in r, r.index(13), r.count(5))
print(range(3) == range(0, 3), range(0) == range(5, 2), range(1, 5, 2) == range(1, 6, 2), range(3) != [0, 1, 2])
print(r.start, r.stop, r.step, repr(range(0, 5, 1)), repr(range(3)), str(range(-1, -5, -1)))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -1)), list(reversed(range(1, 4))))
print(range(0, 10 ** 20)[-1], 10 ** 19 in range(0, 10 ** 20, 5), range(10 ** 20)[10 ** 19])
print(bool(range(0)), bool(range(1)), len(range(10, 0)), len(range(-5, 5, 3)), list(range(-5, 5, 3)))
print(hash(range(3)) == hash(range(0, 3)), {range(2): "r"}[range(0, 2, 1)], 2.0 in range(3), "a" in range(3))
tests = [
    lambda: range(0, 10, 0),
    lambda: range(1.5),
    lambda: range("3"),
    lambda: range(3)[5],
    lambda: range(3).index(7),
    lambda: range(),
    lambda: range(1, 2, 3, 4),
]
for t in tests:
    try:
        t()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
it = iter(range(3))
print(next(it), list(it), list(range(3)), [i * i for i in range(4)])
print(list(zip(range(3), range(10, 13))), dict(zip(range(3), "abc")), tuple(range(2)))
print(range(0, 100, 7)[3:6], list(range(0, 100, 7)[3:6]), range(10)[-3:], range(10)[::-3])
