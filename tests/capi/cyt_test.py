import cyt


# PyDict_Update: a dict, a dict subclass, any object with keys() and [].
class Mapping:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, k):
        return k * 2


class D(dict):
    pass


print(sorted(cyt.dict_update({"a": 1}, {"b": 2}).items()))
print(sorted(cyt.dict_update({}, D(c=3)).items()))
print(sorted(cyt.dict_update({"x": 0}, Mapping()).items()))
for bad in ([("k", "v")], 5, None):
    try:
        cyt.dict_update({}, bad)
    except AttributeError:
        print("AttributeError", type(bad).__name__)
try:
    cyt.dict_update([], {})
except SystemError:
    print("SystemError")


# A builtin type's own sq_repeat/sq_concat, bypassing a subclass's override.
class L(list):
    def __mul__(self, n):
        return "overridden"

    def __add__(self, o):
        return "overridden"


class S(str):
    def __mul__(self, n):
        return "overridden"


print(cyt.builtin_repeat(list, L([1, 2]), 3))
print(cyt.builtin_repeat(list, [1], 0), cyt.builtin_repeat(list, [1], -2))
print(cyt.builtin_repeat(str, S("ab"), 2), cyt.builtin_repeat(str, "é", 3))
print(cyt.builtin_repeat(tuple, (1,), 2), cyt.builtin_repeat(bytes, b"ab", 2))
print(cyt.builtin_concat(list, L([1]), [2, 3]))
print(cyt.builtin_concat(str, "ab", "cd"), cyt.builtin_concat(tuple, (1,), (2,)))
try:
    cyt.builtin_concat(list, [1], (2,))
except TypeError:
    print("TypeError")
print(cyt.builtin_repeat(int, 3, 2), cyt.builtin_repeat(dict, {}, 2))

# A builtin type's tp_richcompare (may return NotImplemented).
print(cyt.builtin_richcmp(float, 1.5, 1.5, 2), cyt.builtin_richcmp(float, 1.5, 2, 0))
print(cyt.builtin_richcmp(float, 1.0, 1, 2), cyt.builtin_richcmp(float, 1.0, "x", 2))
print(cyt.builtin_richcmp(int, 3, 4, 4), cyt.builtin_richcmp(str, "a", "b", 0))
print(cyt.builtin_richcmp(list, [1], [1], 3))
