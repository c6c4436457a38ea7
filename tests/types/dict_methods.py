# dict methods.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("a", 100), d.setdefault("d", 4), d)
print(d.pop("d"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(d.popitem(), d)
d.update({"x": 9}, y=8)
d.update([("z", 7)])
print(d)
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"], c is d)
c.clear()
print(c, len(c))
print(dict.fromkeys("abc"), dict.fromkeys(["k1", "k2"], 0), dict.fromkeys([]))
shared = dict.fromkeys("xy", [])
shared["x"].append(1)
print(shared)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
e = {"k": 1}
e |= {"k": 2, "n": 3}
print(e, {"a": 1} | {"a": 0, "b": 1})
try:
    d.update(5)
except TypeError as e:
    print("TypeError", e)
try:
    d.update([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
inv = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inv)
order = {}
for k in ["z", "a", "m", "a", "z"]:
    order.setdefault(k, len(order))
print(order, list(order.keys()), list(reversed(order)))
grouped = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    grouped.setdefault(w[0], []).append(w)
print(grouped)
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]))
print(d.get("x"), d.__contains__("y"), d.__getitem__("z"), len(d.items()))
