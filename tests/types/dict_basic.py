# dict: construction, lookup, insertion order, mutation.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), d["a"], "a" in d, "z" in d, 1 in d, list(d))
print(dict(), dict(x=1, y=2), dict([("k", "v"), ("k2", "v2")]), dict({"m": 1}, n=2), dict(zip("ab", [1, 2])))
print({1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool?", "s": "str", frozenset(): "fs"})
del d["b"]
d["b"] = "re-added at end"
print(d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    {[]: 1}
except TypeError as e:
    print("TypeError", e)
try:
    d[{}] = 1
except TypeError as e:
    print("TypeError", e)
nested = {"outer": {"inner": [1, 2, {"deep": True}]}}
print(nested["outer"]["inner"][2]["deep"], nested)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: -kv[1]))
print({k: v for k, v in sorted(counts.items())})
print(d == {"a": 2, "c": 3, "b": "re-added at end"}, {1: 1} == {1.0: 1}, {"a": 1} != {"a": 2}, {} == {})
big = {i: i * i for i in range(100)}
print(len(big), big[99], sum(big), sum(big.values()), list(big)[:5], list(big)[-3:])
for i in range(0, 100, 2):
    del big[i]
print(len(big), list(big)[:5], 3 in big, 4 in big)
big[4] = "back"
print(list(big)[-2:], big[4])
r = {}
r["self"] = r
print(r)
print({2 ** 70: 1, -1: 2, 0.5: 3}, {(): 0}, repr({}), str({"q": "'"}))
print({"a": 1, **{"b": 2}}, {**{}, "x": None}, dict(**{"k": 1}), {1: 2} | {3: 4})
