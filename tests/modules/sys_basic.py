# Portable parts of the sys module.
# requires: host
# (sys.argv[0] is the script path.)
import sys

print(type(sys.argv).__name__, len(sys.argv) >= 1, all(isinstance(a, str) for a in sys.argv))
print(sys.argv[0].endswith("sys_basic.py"))
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(sys.version_info[:2] == (3, 11), sys.version_info[0], sys.version_info.major == sys.version_info[0])
print(isinstance(sys.version, str), sys.implementation.name in ("cpython", "ferropy", "micropython"))
print(sys.byteorder in ("little", "big"), isinstance(sys.maxsize, int), sys.maxsize > 2 ** 30)
print(type(sys.modules).__name__, "sys" in sys.modules, sys.modules["sys"] is sys, "__main__" in sys.modules)
print(hasattr(sys.stdout, "write"), hasattr(sys.stderr, "write"), hasattr(sys.stdin, "read"))
print(callable(sys.exit), isinstance(sys.platform, str))
sys.stdout.write("written with sys.stdout.write\n")
sys.stderr.write("stderr is not compared\n")
print(isinstance(sys.getrecursionlimit(), int) if hasattr(sys, "getrecursionlimit") else True)
before = list(sys.path)
sys.path.append("/nonexistent-test-dir")
print(sys.path[-1], len(sys.path) == len(before) + 1)
sys.path.pop()
print(sys.path == before)
info = sys.exc_info() if hasattr(sys, "exc_info") else (None, None, None)
print(info)
try:
    raise KeyError("k")
except KeyError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, repr(ev))
print(sys.intern("abc") == "abc" if hasattr(sys, "intern") else True)
