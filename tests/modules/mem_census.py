# micropython.mem_info(1): the heap by type, largest first; and the static
# string/tuple pools behaving like ordinary objects (checked against a
# .exp file: CPython has no micropython module).
import micropython, sys, io

buf = io.StringIO()
old = sys.stdout
sys.stdout = buf
micropython.mem_info(1)
sys.stdout = old
lines = buf.getvalue().splitlines()
print(lines[0].startswith('stack:'), lines[1].startswith('GC: total:'))
rows = [l.split() for l in lines[2:]]
sizes = [int(r[0]) for r in rows]
print(sizes == sorted(sizes, reverse=True), all(int(r[1]) > 0 for r in rows))
names = [r[2] for r in rows]
print('str' in names, 'dict' in names, 'module' in names)

# Identifiers of frozen code and the same text made at run time are one
# object after interning, compare and hash as equal, and key dicts alike.
import operator
name = ''.join(['attr', 'getter'])
print(sys.intern(name) is sys.intern('attrgetter'), hash(name) == hash('attrgetter'))
d = {name: 1}
print(d['attrgetter'], 'attrgetter' in vars(operator))
# Static name and constant tuples: hashable, comparable, usable as keys,
# iterable, sliceable; never changed by hashing.
code = operator.attrgetter.__init__.__code__
v = code.co_varnames
print(type(v) is tuple, v[:1], v == tuple(list(v)), hash(v) == hash(tuple(list(v))))
print({v: 'k'}[tuple(list(v))], len(v) > 1, v + ('x',) == tuple(list(v)) + ('x',))
def f():
    return (1, 'abc', None, True, ...)
print(f.__code__.co_consts, hash(f.__code__.co_consts) == hash(f.__code__.co_consts))
# Line numbers come from the compact line tables.
def g():
    x = 1
    y = 2
    raise ValueError(x + y)
try:
    g()
except ValueError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno - g.__code__.co_firstlineno, g.__code__.co_firstlineno > 30)
c2 = g.__code__.replace(co_firstlineno=1000)
print(c2.co_firstlineno, type(g.__code__.co_linetable) is bytes)
