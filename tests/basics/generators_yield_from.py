# yield from: delegation, return values, send/throw pass-through.
def inner():
    x = yield "i1"
    print("inner got", x)
    y = yield "i2"
    print("inner got", y)
    return "inner-result"


def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"


g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
print(next(g, "done"))

print(list((lambda: (yield from range(3)))()))


def chain(*its):
    for it in its:
        yield from it


print(list(chain([1, 2], "ab", (x * x for x in range(3)))))


def flatten(obj):
    if isinstance(obj, list):
        for item in obj:
            yield from flatten(item)
    else:
        yield obj


print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))


def catcher():
    while True:
        try:
            yield
        except ValueError as e:
            print("inner caught", e)


def delegator():
    yield from catcher()


d = delegator()
next(d)
d.throw(ValueError("through"))
d.close()
print("closed")


def ret_only():
    return 42
    yield


def get_ret():
    v = yield from ret_only()
    yield v


print(list(get_ret()))


def depth(n):
    if n == 0:
        yield "bottom"
        return 0
    r = yield from depth(n - 1)
    return r + 1


def top():
    r = yield from depth(20)
    yield r


print(list(top()))
