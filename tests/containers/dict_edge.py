# requires: bigheap
# dict: ordering after deletes, iteration errors, views, __missing__, errors.
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


d = {}
for i in range(20):
    d[i] = i * i
for i in range(0, 20, 3):
    del d[i]
d[0] = "back"
d[3] = "again"
print(d)
print(list(d)[:5], list(reversed(d))[:5], list(reversed(d.values()))[:3], list(reversed(d.items()))[:2])
print(d.popitem(), d.popitem(), len(d))
t(lambda: {}.popitem())
t(lambda: {}["k"])
t(lambda: {}[(1, 2)])
t(lambda: {}.pop("z"))
t(lambda: {[]: 1})
t(lambda: dict(1))
t(lambda: dict([1]))
t(lambda: dict([(1, 2, 3)]))
t(lambda: dict({}, {}))
t(lambda: {1: 2} | [(3, 4)])
t(lambda: {}.get())
t(lambda: {}.keys(1))
e = {1: "a"}
try:
    for k in e:
        e[k + 1] = "b"
except RuntimeError as ex:
    print("RuntimeError", ex)
f = {1: 1, 2: 2}
try:
    for k in f:
        del f[k]
        f[k + 10] = 0
except RuntimeError as ex:
    print("RuntimeError", ex)
g = {1: 1, 2: 2}
for k in g:
    g[k] = "changed"
print(g)
print(dict(a=1, b=2), dict({"x": 1}, y=2), dict([("p", 1)], q=2), dict(zip("ab", [1, 2])))
h = {"a": 1}
h |= [("b", 2)]
h |= {"c": 3}
print(h, h | {"a": 0}, {"z": 9} | h)
print({1: 2} == {1: 2.0}, {1: 2} != {1: 3}, {1: 2, 3: 4} == {3: 4, 1: 2}, {} == {})


class Counter(dict):
    def __missing__(self, key):
        return 0


c = Counter()
c["x"] += 1
c["x"] += 1
print(c, c["nothing"], "nothing" in c, type(c).__name__, c.get("y", "dflt"))


class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)


dd = D()
dd["a"] = 1
dd.update(b=2)
print(dd, D.fromkeys("xy", 1), type(D.fromkeys("x", 0)).__name__)
k = {"a": 1, "b": 2}.keys()
print(k, {"a": 1}.values(), {"a": 1}.items(), k & {"a"}, sorted(k | ["c"]), k - {"a"}, sorted(k ^ {"b", "c"}), {"a", "z"} & k)
print(k == {"a", "b"}, k < {"a", "b", "c"}, k.isdisjoint(["x"]), ("a", 1) in {"a": 1}.items(), [1] in {"a": 1}.items())
it = iter({1: 2, 3: 4})
print(it.__length_hint__(), next(it), it.__length_hint__(), type(it).__name__)
r = {}
r["self"] = r
print(r, {"k": [r]})
print(dict.fromkeys(range(3), []), {}.setdefault("k"), {1: 1}.__contains__(1))
big = {i: i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big) == sum(range(1, 1000, 2)))
