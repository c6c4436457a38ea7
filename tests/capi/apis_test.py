# tests/capi/apis.c: compiling and evaluating, traceback entries, the
# handled exception, sys, states and locks, bytearrays, numbers, sequences,
# decoding, PyObject_Init, class method descriptors.
import sys
import apis

# Py_CompileString + PyEval_EvalCode with globals and locals.
g = {"x": 20}
loc = {}
print(apis.run("x * 2 + 2", "e", g, None))
print(apis.run("y = x + 1\nz = y * 2", "f", g, loc), sorted(loc.items()), "y" in g)
print(apis.run("w = len('abc')", "f", g, None), g["w"])
for src in ["1 +", "def"]:
    try:
        apis.run(src, "e", g, None)
    except SyntaxError:
        print("SyntaxError")
try:
    apis.run("undefined_name", "e", {}, None)
except NameError as e:
    print("NameError:", e)

# Traceback entries made from C (Cython's way).
try:
    apis.fail_in("mod.func", "mod.pyx", 42)
except ValueError as e:
    print("ValueError:", e)
    tb = e.__traceback__
    while tb is not None:
        co = tb.tb_frame.f_code
        print(" ", co.co_name, co.co_filename.rsplit("/", 1)[-1], tb.tb_lineno)
        tb = tb.tb_next

print(apis.globals_is(globals()), apis.globals_is({}), apis.builtins_has_len())


def outer():
    return inner()


def inner():
    return apis.frame_info()


print(outer(), apis.frame_info())

# The handled exception.
print(apis.exc_info())
try:
    raise KeyError("k")
except KeyError:
    print(apis.exc_info())
    print(apis.swap_handled(ValueError("v")))
    print(sys.exc_info()[0].__name__)
print(apis.swap_handled(TypeError("t")), apis.exc_info())

# sys attributes.
apis.sys_set("apis_attr", 42)
print(sys.apis_attr)
apis.sys_set("apis_attr", None)
print(hasattr(sys, "apis_attr"))
apis.sys_set("apis_attr", None)

print(apis.unraisable(None), apis.unraisable("context"), apis.warn_explicit())
print(apis.states(), apis.locks())

# Bytearrays.
a, z, *sizes = apis.bytearrays()
print(a, type(z).__name__, sizes, apis.bytearray_size(bytearray(b"xy")))

# In-place numbers, sequences, method calls.
lst = [1, 2]
r = apis.inplace("*", lst, 2)
print(r, r is lst)
s = {1, 2, 3}
print(apis.inplace("-", s, {1}), s, apis.inplace("&", {1, 2}, {2}), apis.inplace("|", {1}, {2}),
      apis.inplace("^", {1, 2}, {2, 3}))
print(apis.inplace("-", 10, 3), apis.inplace("*", 6, 7), apis.inplace("&", 6, 3),
      apis.inplace("|", 4, 1), apis.inplace("^", 5, 1), apis.inplace("*", "ab", 2))
print(apis.concat([1], [2, 3]), apis.concat(("a",), ("b",)), apis.concat("ab", "cd"))
for a, b in [(1, [2]), ([1], (2,))]:
    try:
        apis.concat(a, b)
    except TypeError as e:
        print("TypeError:", e)
print(apis.slice("hello", 1, 3), apis.slice([1, 2, 3, 4], 1, 100), apis.slice((1, 2, 3), -2, 3))
try:
    apis.slice(5, 0, 1)
except TypeError as e:
    print("TypeError:", e)
lst = [3, 1]
print(apis.call_method("abc", "upper"), apis.call_method(lst, "append", 5), lst)
try:
    apis.call_method(lst, "nope")
except AttributeError:
    print("AttributeError")
print([apis.is_gc(o) for o in [1, 2.5, "s", b"b", None, True, [], {}, (1,), apis]])

# Decoding.
print(apis.decode(b"caf\xc3\xa9", "utf-8"), apis.decode(b"caf\xc3\xa9", None),
      apis.decode(b"\xe9t\xe9", "latin-1"), apis.decode(b"ab", "ascii", "strict"))
try:
    apis.decode(b"\xff", "utf-8")
except UnicodeDecodeError:
    print("UnicodeDecodeError")
print(apis.decode(b"a\xffb", "utf-8", "replace"), apis.decode(b"a\xffb", "ascii", "ignore"))
print(apis.latin1(b"\xe9\xff\x41"), len(apis.latin1(bytes(range(256)))))

# PyObject_Init on PyObject_Malloc memory; a class method descriptor.
b = apis.make_blob()
print(type(b).__name__, apis.blob_value(b))


class K:
    pass


class L(K):
    pass


apis.add_classmethod(K)
print(K.cls_name(), L.cls_name(), K().cls_name(), L().cls_name2(), L.cls_name2())
print(type(K.__dict__['cls_name']).__name__)

# PyDictProxy_New: a read-only view that follows the dict.
d = {"a": 1}
p = apis.dictproxy(d)
d["b"] = 2
print(type(p).__name__, p["a"], len(p), sorted(p), p == d)
try:
    p["c"] = 3
except TypeError as e:
    print("TypeError", e)
try:
    apis.dictproxy(5)
except TypeError as e:
    print("TypeError", e)
