# types.CodeType: construction with CPython 3.11's signature, attributes,
# replace(), and running a replaced code object (what Cython does for
# tracebacks).
import sys
import types


def f(a, b=1, *, c=2):
    x = a
    return x


c = f.__code__
print(c.co_name, c.co_argcount, c.co_kwonlyargcount, c.co_posonlyargcount)
print(c.co_varnames, c.co_nlocals, c.co_firstlineno, type(c.co_filename).__name__)
c2 = c.replace(co_name="g", co_firstlineno=100, co_filename="x.pyx")
print(c2.co_name, c2.co_firstlineno, c2.co_filename, c2.co_varnames, c2.co_qualname)
print(c.co_name, c.co_firstlineno)
f.__code__ = c2
print(f(5))
print(type(c) is types.CodeType)

k = types.CodeType(2, 0, 0, 3, 0, 3, b"\0\0\0\0", (), (), ("a", "b", "c"),
                   "hello.pyx", "add", "mod.add", 6, b"xx", b"")
print(k.co_name, k.co_qualname, k.co_filename, k.co_firstlineno)
print(k.co_argcount, k.co_posonlyargcount, k.co_kwonlyargcount, k.co_nlocals)
print(k.co_varnames, k.co_flags, k.co_code, k.co_freevars, k.co_cellvars)
print(k.co_consts, k.co_names, k.co_linetable, k.co_exceptiontable)
k2 = k.replace(co_name="zz", co_qualname="mod.zz")
print(k2.co_name, k2.co_qualname, k2.co_varnames, k.co_name)
k3 = types.CodeType(1, 0, 0, 1, 0, 0, b"", (), (), ("a",), "f.py", "h", "h",
                    1, b"", b"", ("fv",), ("cv",))
print(k3.co_freevars, k3.co_cellvars)

# Cython's traceback helper: compile, rename, evaluate to get a frame.
code = compile("_getframe()", "mod.pyx", "eval")
code = code.replace(co_firstlineno=42, co_name="mod.func")
d = {"_getframe": sys._getframe}
fr = eval(code, d, d)
print(fr.f_code.co_name, fr.f_lineno, fr.f_code.co_filename)

for bad in [(1,), ("x",) * 16]:
    try:
        types.CodeType(*bad)
    except TypeError:
        print("TypeError")
try:
    types.CodeType(-1, 0, 0, 0, 0, 0, b"", (), (), (), "f", "n", "n", 1, b"", b"")
except ValueError:
    print("ValueError")
try:
    c.replace(co_bogus=1)
except TypeError as e:
    print("TypeError", e)
try:
    c.replace(co_name=1)
except TypeError:
    print("TypeError")
