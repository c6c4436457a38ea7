# A StopIteration value raised by __next__ reaches next() and yield from;
# loops, list() and friends just stop.
class It:
    def __init__(self, n, value):
        self.n, self.value = n, value

    def __iter__(self):
        return self

    def __next__(self):
        if self.n:
            self.n -= 1
            return self.n
        raise StopIteration(self.value)


try:
    next(It(0, 42))
except StopIteration as e:
    print("next", e.args, e.value)
try:
    next(It(0, None))
except StopIteration as e:
    print("next None", e.args, e.value)
print(next(It(0, 42), "default"))
print(list(It(3, 42)), tuple(It(2, "v")), sorted(It(2, 1)))
for x in It(2, 7):
    print("for", x)
print([x for x in It(2, 7)], sum(It(4, 9)), dict.fromkeys(It(1, 5)))
print(list(zip(It(3, 1), It(2, 2))), list(map(str, It(2, 3))), list(enumerate(It(1, 4))))


def deleg(it):
    r = yield from it
    print("returned", r)


print(list(deleg(It(2, "done"))))
print(list(deleg(It(0, (1, 2)))))


def gen():
    yield 1
    return "gen-value"


print(list(deleg(gen())))
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("gen", e.value)
it = It(0, 99)
try:
    it.__next__()
except StopIteration as e:
    print("dunder", e.value)
