# Callbacks from Cython into Python functions, lambdas, bound methods and
# callable objects; exceptions raised by callbacks.
import callbacks

log = []
d = callbacks.Dispatcher()
d.on("tick", lambda n, **kw: log.append(("tick", n)) or n * 2)
d.on("tick", lambda n, scale=1: n * scale)

class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, *args, **kw):
        self.n += 1
        return (args, sorted(kw.items()))
    def method(self, x):
        return x + 100

c = Counter()
d.on("tick", c)
d.on("other", c.method)
print(d.emit("tick", 3))
print(d.emit("tick", 4, scale=10))
print(d.emit("other", 1), d.emit("nothing"))
print(log, c.n, d.count(), d.count("tick"))

def bad(x):
    raise ValueError(f"bad value {x}")
d.on("other", bad)
try:
    d.emit("other", 5)
except ValueError as e:
    print("propagated:", e)
try:
    d.on("x", 42)
except TypeError as e:
    print("TypeError:", e)

collecting = callbacks.Dispatcher(collect_errors=True)
collecting.on("e", bad)
collecting.on("e", lambda x: 1 / x)
collecting.on("e", str)
print(collecting.emit("e", 0), collecting.errors)

print(callbacks.apply_n(lambda x: x * 2, 1, 10))
print(callbacks.apply_n(str.upper, "abc", 1))
print(callbacks.map_reduce(range(5), lambda v: v * v, lambda a, b: a + b, 0))
print(round(callbacks.integrate(lambda x: x * x, 0.0, 3.0), 6))
try:
    callbacks.integrate(lambda x: 1 / (x - x), 0.0, 1.0, 10)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
