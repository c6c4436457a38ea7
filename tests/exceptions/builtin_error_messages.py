# Messages of common builtin errors (CPython 3.11 wording).
class Obj:
    pass


o = Obj()
empty = []
zero_args = lambda: 0
cases = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1.5 % 0,
    lambda: [1][5],
    lambda: (1,)[5],
    lambda: "s"[5],
    lambda: {}["k"],
    lambda: {}[1],
    lambda: o.attr,
    lambda: Obj.attr,
    lambda: undefined,
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [] + (),
    lambda: 1 - None,
    lambda: -"a",
    lambda: ~1.5,
    lambda: "a" * "b",
    lambda: [] < 1,
    lambda: int("q"),
    lambda: float("q"),
    lambda: [].index(1),
    lambda: "abc".index("z"),
    lambda: (1, 2).index(3),
    lambda: {}.popitem(),
    lambda: [].pop(),
    lambda: set().pop(),
    lambda: iter(1),
    lambda: next(iter([])),
    lambda: hash([]),
    lambda: {[]: 1},
    lambda: object() < object(),
    lambda: o(),
    lambda: len(o),
    lambda: o[0],
    lambda: empty[None],
    lambda: import_name_missing(),
    lambda: chr(-5),
    lambda: 2 ** -1 % 0,
    lambda: max([]),
    lambda: a_b_c.d,
    lambda: zero_args(1),
]
for i, case in enumerate(cases):
    try:
        case()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
