# Generator functions: yield, next, StopIteration and return values.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(list(count_up(5)), sum(count_up(101)))
g = count_up(2)
print(type(g).__name__, next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)


def with_return():
    yield 1
    return "result"


g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])


def trace():
    print("start")
    yield "a"
    print("middle")
    yield "b"
    print("end")


t = trace()
print("created")
for v in t:
    print("got", v)


def gen_in_loop():
    for i in range(3):
        for j in range(3):
            if j > i:
                break
            yield i, j


print(list(gen_in_loop()))
print(next(count_up(0), "empty"), list(zip(count_up(3), "abc")))


def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


for x in gen_finally():
    print(x)
g = gen_finally()
print(next(g))
g.close()
print("closed")
