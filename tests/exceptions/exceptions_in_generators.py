# Exceptions raised in, thrown into and propagated out of generators.
def gen_raises():
    yield 1
    raise ValueError("from generator")


g = gen_raises()
print(next(g))
try:
    next(g)
except ValueError as e:
    print("ValueError", e)
print(next(g, "exhausted after raise"))


def gen_catches():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            print("generator handled", e)


g = gen_catches()
next(g)
print(g.throw(KeyError("k1")))
try:
    g.throw(IndexError("unhandled"))
except IndexError as e:
    print("propagated out:", e)
print(next(g, "dead"))


def pep479():
    yield 1
    raise StopIteration("inside")


try:
    list(pep479())
except RuntimeError as e:
    print("RuntimeError", e, "| cause:", repr(e.__cause__))


def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally in generator")


gf = gen_finally()
for v in gf:
    print("value", v)
    break
print("after break")
gf.close()
print("after close")


def consumer_error():
    for x in (1, 2, 3):
        if x == 2:
            raise RuntimeError("consumer failed at %d" % x)
        yield x


try:
    for v in consumer_error():
        print("got", v)
except RuntimeError as e:
    print(e)


def throw_type():
    try:
        yield
    except ValueError as e:
        yield "caught %s" % e


t = throw_type()
next(t)
print(t.throw(ValueError))


def yield_in_except():
    try:
        raise KeyError("active")
    except KeyError:
        yield "inside except"
        yield "still inside"


print(list(yield_in_except()))
