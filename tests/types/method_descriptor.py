# Methods of builtin types read from the type: calling them checks self.
cases = [
    (dict.keys, ([],)), (list.append, (5, 1)), (dict.get, (1, 2)),
    (str.upper, (3,)), (list.__len__, ((),)), (set.add, ([], 1)),
    (bytes.hex, (1,)), (tuple.count, ([], 1)),
    (int.bit_length, (1.5,)), (float.hex, (1,)), (list.append, ()),
]
for f, a in cases:
    try:
        print(f(*a))
    except TypeError as e:
        print("TypeError", e)

print(dict.keys, list.append.__name__, list.append.__qualname__)
print(list.append.__objclass__, type(str.join).__name__)
print(dict.keys is dict.keys, list.__len__ is list.__len__)
print(str.join(",", "abc"), list.__len__([1, 2]), dict.get({"a": 1}, "a"))
print(int.__add__(2, 3), str.upper("x"), repr(list.__len__))


class D(dict):
    def __setitem__(self, k, v):
        dict.__setitem__(self, k, v * 2)


d = D()
d["a"] = 2
print(d, dict.get(d, "a"), D.keys is dict.keys, sorted(D.keys(d)))


class L(list):
    pass


print(list.append(L(), 1), L.append.__qualname__)
l7 = [7]
list.append(l7, 8)
print(l7)
