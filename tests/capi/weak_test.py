# tests/capi/weak.c: weak references through the C API and weakly
# referenceable C types.
import gc
import weakref
import weak


class C:
    def __repr__(self):
        return "C()"


def show(x):
    print("callback got", type(x).__name__)


c = C()
r = weak.newref(c)
print(type(r) is weakref.ref, r() is c, r is weakref.ref(c))
print(weak.getobject(r) is c, weak.getref(r))
print(weak.checks(r), weak.checks(c), weak.checks(5))
r2 = weak.newref(c, show)
print(r2 is not r, r2.__callback__ is show, weak.newref(c, None) is r)
try:
    weak.newref(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    weak.newref(5)
except TypeError as e:
    print("TypeError:", e)
p = weak.newproxy(c, show)
print(type(p).__name__, repr(p.__repr__()), weak.checks(p), weak.getobject(p) is c)
rt, pt, cpt = weak.types()
print(rt is weakref.ref, pt is weakref.ProxyType, cpt is weakref.CallableProxyType)
print(weak.checks(weak.newproxy(show)))
try:
    weak.getobject(c)
except SystemError:
    print("SystemError")
try:
    weak.getref(c)
except TypeError as e:
    print("TypeError:", e)

del c
gc.collect()
print(weak.getobject(r), weak.getref(r), r2(), type(p) is weakref.ProxyType)
try:
    p.x
except ReferenceError as e:
    print("ReferenceError:", e)

# C types: weakly referenceable when they say so.
n = weak.Node()
n.value = 7
rn = weakref.ref(n)
print(rn().value, weakref.getweakrefcount(n))
for t in (weak.Plain,):
    try:
        weakref.ref(t())
    except TypeError as e:
        print("TypeError:", e)
s = weak.Static()
rs = weakref.ref(s)
print(rs() is s)


class Sub(weak.Plain):
    pass


class SubNode(weak.Node):
    __slots__ = ()


print(weakref.ref(Sub())() is not None or True, weakref.ref(SubNode()) is not None)
del n, s
gc.collect()
print(rn(), rs())
