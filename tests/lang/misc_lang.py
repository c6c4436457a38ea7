# Language corners: del targets, chained comparison order, global in
# nested scopes, star unpacking, f-strings, literals, __debug__, assert.
def f():
    def g():
        class C:
            def m(self):
                pass
        return C
    return g
C = f()()
print(C.__qualname__, C.m.__qualname__, f.__qualname__)
print((lambda: 0).__qualname__, [lambda: 0 for _ in range(1)][0].__qualname__)

def fn(a, b=2, *, c=3):
    return a, b, c
fn.attr = "x"
print(fn.attr, fn.__dict__, fn.__defaults__, fn.__kwdefaults__)
fn.__defaults__ = (20,)
fn.__kwdefaults__ = {"c": 30}
print(fn(1))
fn.__defaults__ = None
try:
    fn(1)
except TypeError as e:
    print(e)
print(fn.__name__, fn.__module__, fn.__code__.co_name)

log = []
def v(x):
    log.append(x)
    return x
print(v(1) < v(2) < v(0) < v(3), log)
log.clear()
print(v(1) < v(2) <= v(2) != v(5), log)

x = 0
def outer():
    x = 1
    def inner():
        global x
        x = 2
    inner()
    return x
print(outer(), x)

a, *b, c = range(5)
print(a, b, c)
*a, = "xyz"
print(a)
[a, [b, *c]] = [1, (2, 3, 4)]
print(a, b, c)
for p, *q in [(1, 2, 3), (4,)]:
    print(p, q)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *{4: 0}], {**{"a": 1}, "b": 2}, (*"ab",))

width, prec = 10, 3
val = 3.14159
print(f"{val:{width}.{prec}f}|{'nested ' + f'{val:.1f}'}|{val!r:>12}|{{}}")
print(f"{'a' if val > 3 else 'b'}", f"{[1,2][0]}", f"{ {'k': 1}['k'] }")
n = 5
print(f"{n=}", f"{n = }", f"{n=:03d}", f"{n!r:>4}")

print(0x_ff if False else 0xff, 1_000_000, 0o17, 0b1010, 1e3, 1.5e-3, 0.1 + 0.2, 1_0.0_1, 1j * 1j)
print(10 ** 20, -2 ** 2, (-2) ** 2, 2 ** -1, 7 // -2, -7 % 3, 1e308 * 10, -1e308 * 10)
print(0.1, 1e16, 1e-5, 123456789012345678.0, float("nan") == float("nan"))

print(__debug__)
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("AE", e.args)
try:
    assert False
except AssertionError as e:
    print("AE", e.args)

lst = [1, 2, 3, 4, 5]
del lst[1], lst[-1]
print(lst)
del lst[::2]
print(lst)
dd = {"a": 1, "b": 2}
del dd["a"]
print(dd)
class O:
    pass
o = O()
o.x = 1
del o.x
print(hasattr(o, "x"))
try:
    del o.x
except AttributeError as e:
    print(e)
yy = 1
del yy
try:
    yy
except NameError as e:
    print(e)
def delloc():
    q = 1
    del q
    try:
        return q
    except UnboundLocalError as e:
        return str(e)
print(delloc())
(aa, bb) = 1, 2
del (aa, bb)
print("aa" in globals())
