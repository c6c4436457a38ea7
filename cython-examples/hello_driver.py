# Imports the Cython module `hello` and prints what it computes; the output
# must be the same under CPython and ferropy.
import hello

print("add:", hello.add(2, 40))
print("checksum:", hello.checksum(b"ferropy"), hello.checksum(b""))
print("level:", hello.check_level(7))
try:
    hello.check_level(42)
except ValueError as e:
    print("ValueError:", e)
counts, keys = hello.histogram([3, 1, 3, 2, 3, 1])
print("histogram:", counts, keys)

# Code objects (types.CodeType, one per def) and traceback entries for
# Cython functions (Py_CompileString + code.replace + PyEval_EvalCode +
# PyTraceBack_Here).
code = hello.check_level.__code__
print("code:", type(code).__name__, code.co_name, code.co_varnames,
      code.co_argcount, code.co_filename.endswith("hello.pyx"))
try:
    hello.check_level(-1)
except ValueError as e:
    tb = e.__traceback__
    while tb is not None:
        co = tb.tb_frame.f_code
        print("traceback:", co.co_name, co.co_filename.rsplit("/", 1)[-1], tb.tb_lineno)
        tb = tb.tb_next
