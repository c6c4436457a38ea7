# dict views: keys(), values(), items() are live and set-like where possible.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), len(v), len(it))
d["d"] = 4
print(list(k), list(v), list(it))
del d["a"]
print(list(k), "a" in k, "b" in k, 2 in v, ("b", 2) in it, ("b", 3) in it)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(sorted(k & {"b", "x"}), sorted(k | {"x"}), sorted(k - {"b"}), sorted(k ^ {"b", "y"}))
print(sorted(it & {("b", 2), ("c", 0)}), k == {"b", "c", "d"}, k == ["b", "c", "d"], k <= {"b", "c", "d", "e"})
print(list(reversed(k)), list(reversed(v)), list(reversed(it)), list(zip(k, v)))
for key, val in d.items():
    print(key, val)
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as e:
    print("RuntimeError", e)
e = {"x": 1}
for key in list(e):
    e[key * 2] = 2
print(e)
try:
    v & v
except TypeError as e2:
    print("TypeError", e2)
print(list({}.keys()), list({}.items()), {}.keys() == set(), len({1: 1}.values()))
keys_iter = iter({"p": 1, "q": 2}.keys())
print(next(keys_iter), next(keys_iter), next(keys_iter, "end"))
m = {i: str(i) for i in range(5)}
print(sum(m.keys()), "".join(m.values()), dict(m.items()) == m, max(m.items()))
print(sorted(m.keys(), reverse=True), isinstance(m.keys(), object))
