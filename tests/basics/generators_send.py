# send(), throw() and close() on generators.
def echo():
    received = []
    while True:
        try:
            v = yield len(received)
        except ValueError as e:
            print("caught", e)
            v = "from-throw"
        if v == "stop":
            return received
        received.append(v)


g = echo()
print(next(g))
print(g.send("a"), g.send("b"))
print(g.throw(ValueError("oops")))
try:
    g.send("stop")
except StopIteration as e:
    print("returned", e.value)

g = echo()
try:
    g.send("too early")
except TypeError as e:
    print("TypeError", e)


def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count


a = averager()
next(a)
print([a.send(v) for v in (10, 20, 60)])


def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise


c = closer()
next(c)
c.close()
c.close()
print(list(c))


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)

u = echo()
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print("KeyError from unstarted", e)
print(next(u, "exhausted"))


def states():
    yield 1


st = states()
print(st.send(None), next(st, "end"))
