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

# Context variables from C.
import contextvars

a = cyt.var_new("a")
b = cyt.var_new("b", 42)
print(type(a).__name__, a.name, b.name, b.get())
print(cyt.var_get(a), cyt.var_get(a, "d"), cyt.var_get(b), cyt.var_get(b, "d"))
tok = cyt.var_set(a, 1)
print(cyt.var_get(a), a.get(), tok.var is a, tok.old_value is contextvars.Token.MISSING)
cyt.var_reset(a, tok)
print(cyt.var_get(a))
try:
    cyt.var_reset(a, tok)
except RuntimeError:
    print("RuntimeError")
try:
    cyt.var_reset(b, cyt.var_set(a, 2))
except ValueError:
    print("ValueError")
try:
    cyt.var_get("not a var")
except TypeError:
    print("TypeError")
p = contextvars.ContextVar("p")
cyt.var_set(p, "py")
print(cyt.var_get(p), p.get())
got, ctx = cyt.in_new_context(b, "inside")
print(got, b.get(), ctx[b], len(ctx))
snap = cyt.ctx_copy_current()
cyt.var_set(p, "changed")
print(snap[p], p.get(), cyt.ctx_copy(snap)[p])
try:
    cyt.ctx_exit(snap)
except RuntimeError:
    print("RuntimeError exit")
print(cyt.kinds(snap), cyt.kinds(a), cyt.kinds(tok), cyt.kinds(1))

# PyImport_ReloadModule: same module object, code run again.
import sys
import cyt_reloaded

cyt_reloaded.extra = 5
m = cyt.reload(cyt_reloaded)
print(m is cyt_reloaded, cyt_reloaded.counter, cyt_reloaded.extra)
print(cyt.reload(cyt) is cyt)
try:
    cyt.reload(5)
except TypeError:
    print("TypeError")
del sys.modules["cyt_reloaded"]
try:
    cyt.reload(cyt_reloaded)
except ImportError:
    print("ImportError")

# Thread-specific storage keys.
print(cyt.tss())

# The private clocks.
import time

mono, perf, now = cyt.clocks()
print(mono, perf, abs(now - time.time()) < 5)

# PyErr_SetFromErrno: OSError subclass picked from errno.
for args in ((2,), (13, "some/file")):
    try:
        cyt.errno_error(*args)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)

# An exception raised from C while another is handled gets it as __context__.
def fails():
    raise ValueError("inner")


try:
    cyt.raise_in_handler(fails)
except KeyError as e:
    print(repr(e), repr(e.__context__), e.__suppress_context__, e.__cause__)
print(cyt.raise_in_handler(lambda: "ok"))
try:
    try:
        raise IndexError("outer")
    except IndexError:
        cyt.raise_in_handler(fails)
except KeyError as e:
    print(repr(e.__context__), repr(e.__context__.__context__))

# A C iterator ending with StopIteration(value).
print(list(cyt.countdown(3, 42)), [x for x in cyt.countdown(2, None)])
try:
    next(cyt.countdown(0, 42))
except StopIteration as e:
    print("next", e.value, e.args)
try:
    next(cyt.countdown(0, None))
except StopIteration as e:
    print("next", e.value, e.args)
print(next(cyt.countdown(0, 42), "dflt"))
c = cyt.countdown(0, "v")
try:
    c.__next__()
except StopIteration as e:
    print("dunder", e.value)


def deleg(it):
    r = yield from it
    print("returned", r)


print(list(deleg(cyt.countdown(2, "done"))))

# PySequence_GetItem: len is added once to a negative index.
for o in ([2, 3, 5], (2, 3, 5), "abc"):
    for i in (0, -1, -3, -4, 3):
        try:
            print(repr(cyt.seq_item(o, i)), end=" ")
        except IndexError as e:
            print("IndexError:", e, end=" ")
    print()


class Neg:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return i


print(cyt.seq_item(Neg(), -1), cyt.seq_item(Neg(), -5))

# A spec type's tp_* fields as C reads them; tp_clear through Py_TYPE.
Holder, MapHolder = cyt.holder_types()
print(cyt.type_fields(Holder)[:6], cyt.type_fields(Holder)[6] is object)
f = cyt.type_fields(MapHolder)
print(f[:3], f[4:6], f[6] is Holder)
h = Holder()
print(h.has_item(), cyt.clear(h), h.has_item())


class PyHolder(Holder):
    pass


p = PyHolder()
print(p.has_item(), cyt.clear(p), p.has_item())

# iter() checks what tp_iter returns.
try:
    iter(Holder())
except TypeError as e:
    print("TypeError", e)

# Py_TPFLAGS_SEQUENCE / MAPPING decide pattern matching.
def kind(x):
    match x:
        case {}:
            return "mapping"
        case [*_]:
            return "sequence"
        case _:
            return "neither"


print(kind(Holder()), kind(MapHolder()), kind(PyHolder()), kind(5))
