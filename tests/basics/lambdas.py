# Lambda expressions.
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda *a, **k: (a, sorted(k)))(1, 2, z=3))
print((lambda a, b=10: a + b)(1), (lambda a, b=10: a + b)(1, 2))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda x: x + 1, [1, 2, 3])), list(filter(lambda x: x % 2, range(10))))
print(sq.__name__, type(sq).__name__)
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
print(compose(sq, inc)(3), compose(inc, sq)(3))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
conditional = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([conditional(n) for n in (-2, 0, 2)])
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
table = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b}
print({k: f(6, 7) for k, f in table.items()})
print((lambda x, /, y, *, z: (x, y, z))(1, y=2, z=3))
default_capture = [lambda k=k: k * 2 for k in range(4)]
print([f() for f in default_capture])
print((lambda: (yield))().__class__.__name__)
