# requires: bigheap
# inspect's type predicates, getmro, getmembers and unwrap.
import inspect
import functools
import abc


def gen():
    yield 1


async def coro():
    return 1


async def agen():
    yield 1


def plain():
    pass


class K:
    def m(self):
        pass

    async def am(self):
        pass

    @classmethod
    def cm(cls):
        pass


objs = {
    "gen": gen, "coro": coro, "agen": agen, "plain": plain, "lambda": lambda: 0,
    "K.m": K.m, "K().m": K().m, "K().am": K().am, "K.cm": K.cm, "len": len, "[].append": [].append,
    "str.upper": str.upper, "K": K, "partial": functools.partial(coro), "int": 1,
}
preds = [
    "isfunction", "ismethod", "isbuiltin", "isroutine", "isclass", "isgeneratorfunction",
    "iscoroutinefunction", "isasyncgenfunction",
]
for name, o in objs.items():
    print(name, [p[2:] for p in preds if getattr(inspect, p)(o)])

g = gen()
c = coro()
a = agen()
for o in (g, c, a, 1, plain):
    print(inspect.isgenerator(o), inspect.iscoroutine(o), inspect.isasyncgen(o), inspect.isawaitable(o))
c.close()


class Fut:
    def __await__(self):
        yield


print(inspect.isawaitable(Fut()), inspect.isawaitable(Fut))
print(inspect.ismodule(inspect), inspect.iscode(plain.__code__))
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(inspect.istraceback(tb), inspect.isframe(tb.tb_frame))


class Base(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


class Impl(Base):
    def f(self):
        pass


print(inspect.isabstract(Base), inspect.isabstract(Impl), inspect.isabstract(1))
print([c.__name__ for c in inspect.getmro(Impl)])


class M:
    a = 1
    b = "x"

    def f(self):
        pass


print([n for n, v in inspect.getmembers(M) if not n.startswith("__")])
print(inspect.getmembers(M, lambda v: isinstance(v, int) and not isinstance(v, bool))[:1])


def base(x):
    return x


@functools.wraps(base)
def w1(x):
    return base(x)


@functools.wraps(w1)
def w2(x):
    return w1(x)


print(inspect.unwrap(w2) is base, inspect.unwrap(w2, stop=lambda f: f is w1) is w1, inspect.unwrap(base) is base)
loop = lambda: 0
loop.__wrapped__ = loop
try:
    inspect.unwrap(loop)
except ValueError as e:
    print("ValueError", str(e)[:28])
