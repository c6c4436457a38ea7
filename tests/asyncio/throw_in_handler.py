# A generator/coroutine that catches an exception thrown into it from the
# caller's `except` block keeps handling it across its next suspension
# (asyncio's Task throws CancelledError this way).
import sys


class E(BaseException):
    pass


def gen():
    try:
        yield 1
    except E as e:
        print("caught", e)
        yield 2
        print("still handling:", type(sys.exc_info()[1]).__name__)
        raise


g = gen()
next(g)
try:
    raise E("thrown")
except BaseException as exc:
    print(g.throw(exc))
print("caller after its handler:", sys.exc_info()[1])
try:
    next(g)
except E as e:
    print("re-raised", e)


class Step:
    def __await__(self):
        yield "step"


async def coro():
    try:
        await Step()
    except E:
        await Step()
        raise


c = coro()
c.send(None)
try:
    raise E("x")
except E as exc:
    c.throw(exc)
try:
    c.send(None)
except E as e:
    print("coroutine re-raised", e)


def plain():
    yield sys.exc_info()[1]

try:
    raise KeyError("outer")
except KeyError:
    p = plain()
    print("generator sees the caller's:", repr(next(p)))
print("and nothing after:", next(plain()))
