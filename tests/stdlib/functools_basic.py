# requires: bigheap
import functools
from functools import partial, reduce, wraps, update_wrapper, lru_cache, total_ordering, cached_property, cmp_to_key, cache
print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, [], 1))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError', e)
def f(a, b, c=3, *, d=4):
    return (a, b, c, d)
p = partial(f, 1, d=5)
print(p(2), p(2, 3, d=6), p.func is f, p.args, p.keywords)
pp = partial(p, 9)
print(pp(), pp.args, pp.func is f)
print(repr(partial(max, 1, key=None)))
def deco(fn):
    @wraps(fn)
    def w(*a, **k):
        "wrapper doc"
        return fn(*a, **k)
    return w
@deco
def hello(x):
    "hello doc"
    return x * 2
print(hello.__name__, hello.__doc__, hello(4), hello.__wrapped__.__name__)
calls = []
@lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
print([sq(i) for i in [1, 2, 1, 3, 2, 1]], calls)
print(sq.cache_info())
sq.cache_clear(); print(sq.cache_info(), sq.cache_info().hits)
@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().misses)
@cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(20), fact.cache_info())
@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(2), V(1) > V(1))
@total_ordering
class W:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __ge__(self, o): return self.v >= o.v
print(W(1) < W(2), W(1) <= W(1), W(3) > W(1))
class C:
    def __init__(self): self.n = 0
    @cached_property
    def val(self):
        self.n += 1
        return 42
c = C(); print(c.val, c.val, c.n, 'val' in c.__dict__)
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(sorted(['bb', 'a', 'ccc'], key=cmp_to_key(lambda a, b: len(a) - len(b))))
@functools.singledispatch
def show(x): return 'obj'
@show.register(int)
def _(x): return 'int'
@show.register(list)
def _(x): return 'list'
print(show(1), show([]), show('s'), show(True))
class K:
    def m(self, a, b): return a - b
    pm = functools.partialmethod(m, 10)
print(K().pm(3))
