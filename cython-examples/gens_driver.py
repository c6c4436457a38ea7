# Cython generators (send, close, StopIteration value), closures.
import gens

g = gens.samples(10, 5, 6)
print(next(g), next(g), g.send(100), next(g), list(g))
g2 = gens.samples(0, 1, 3)
print(list(g2), list(g2))
print(list(gens.windows(range(6), 3)))
print(list(gens.chain([1, 2], "ab", (x for x in range(3)))))
print(gens.squares_over(range(10), 20))
inc, reset = gens.make_counter(5)
print(inc(), inc(), inc(10))
reset()
print(inc())
print([f(3) for f in gens.make_scalers([1, 2, 3])])
f = gens.compose(str, lambda x: x * 2, abs)
print(repr(f(-21)))
print(gens.take(gens.fib(), 12))
fg = gens.fib()
next(fg)
fg.close()
try:
    next(fg)
except StopIteration:
    print("closed")
print(sum(gens.samples(1, 1, 100)), max(gens.fib() if False else gens.samples(3, -1, 4)))
print(type(gens.fib()).__name__ in ("generator", "_cython_3_3_1.generator"))
