# The iterator protocol.
class CountDown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(CountDown(3)), [x * 2 for x in CountDown(2)], sum(CountDown(4)))
it = CountDown(1)
print(iter(it) is it, next(it), next(it, "stop"))


class Range2:
    """Iterable (not iterator): each iter() starts over."""

    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return iter(range(0, self.n * 2, 2))


r = Range2(3)
print(list(r), list(r), 4 in r, 5 in r)

i = iter([1, 2, 3])
print(next(i), list(i), list(i))
try:
    next(i)
except StopIteration:
    print("StopIteration")
for f in (lambda: iter(5), lambda: next([1]), lambda: iter(None)):
    try:
        f()
    except TypeError as e:
        print("TypeError", e)

# iter(callable, sentinel).
vals = [3, 2, 1, 0, 5]
print(list(iter(lambda: vals.pop(0), 0)), vals)
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), next(di), next(di, None))
s = iter("ab")
print(next(s), next(s), next(s, "end"))
zipped = zip([1, 2, 3], "ab")
print(next(zipped), list(zipped))
m = map(str, [1, 2])
print(list(m), list(m))
e = enumerate("xy", 10)
print(list(e))
it2 = iter(range(10))
print(list(zip(it2, it2)))
print(list(reversed(range(4))), list(reversed([1, 2])), list(reversed("ab")), list(reversed((1, 2))))
try:
    d2 = {1: 1}
    for k in d2:
        d2[k + 1] = 1
except RuntimeError as e:
    print("RuntimeError", e)
