# requires: module:functools
# help('modules') lists the native and frozen modules of the build, sorted,
# four to a line, then one closing line (MicroPython's form; CPython prints
# a different table, hence the .exp file). Firmwares may list fewer.
import io
import sys


def captured(arg):
    buf = io.StringIO()
    old = sys.stdout
    sys.stdout = buf
    try:
        r = help(arg)
    finally:
        sys.stdout = old
    return r, buf.getvalue()


r, text = captured('modules')
print(r)
lines = text.splitlines()
print(lines[-1])
print(all(len(line.split()) <= 4 for line in lines[:-1]))
names = ' '.join(lines[:-1]).split()
print(names == sorted(names), len(names) == len(set(names)))
print(all(n in names for n in sys.builtin_module_names))
for n in ['sys', 'gc', 'math', 'functools', 'nosuchmodule']:
    print(n, n in names)
# Listed modules import (importing them all needs more than a small heap:
# two native ones).
bad = []
for n in ['math', 'micropython']:
    try:
        __import__(n)
    except ImportError:
        bad.append(n)
print(bad)
# Other strings still mean "help on this object".
print(captured('abc')[1].startswith('Help on'))
