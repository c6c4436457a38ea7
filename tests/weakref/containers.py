# WeakValueDictionary, WeakKeyDictionary, WeakSet, WeakMethod, proxies and
# requires: bigheap
# finalize, with gc.collect() before every observed death.
import gc
import weakref


class C:
    def __init__(self, n):
        self.n = n

    def m(self):
        return self.n * 2

    def __repr__(self):
        return "C(%d)" % self.n


objs = [C(i) for i in range(6)]
wv = weakref.WeakValueDictionary()
for o in objs:
    wv[o.n] = o
print(len(wv), sorted(wv.keys()), wv[2], 9 in wv, wv.get(9, "none"))
del objs[1:3]
gc.collect()
print(len(wv), sorted(wv), sorted(v.n for v in wv.values()), 1 in wv, wv.get(1))
print(sorted((k, v.n) for k, v in wv.items()), len(wv.valuerefs()))
print(wv.pop(0), wv.setdefault(3, None), len(wv))
try:
    wv[1]
except KeyError as e:
    print("KeyError", e)
wv2 = weakref.WeakValueDictionary({10: objs[0]}, x=objs[1])
print(sorted(map(str, wv2.keys())), len(wv.copy()))

wk = weakref.WeakKeyDictionary()
for o in objs:
    wk[o] = o.n * 10
print(len(wk), wk[objs[0]], objs[1] in wk, 5 in wk)
gone = objs.pop()
del gone
gc.collect()
print(len(wk), sorted(wk.values()), sorted(k.n for k in wk.keys()))
del wk[objs[0]]
print(len(wk), wk.get(objs[0], "absent"))

ws = weakref.WeakSet(objs)
print(len(ws), objs[0] in ws, 3 in ws)
ws.discard(objs[0])
print(len(ws), sorted(o.n for o in ws))
objs.clear()
gc.collect()
print(len(ws), list(ws), len(wv), len(wk))

# WeakMethod
c = C(21)
wm = weakref.WeakMethod(c.m, lambda r: print("method died"))
print(wm == weakref.WeakMethod(c.m), wm().__self__ is c)
del c
gc.collect()
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)

# Proxies
c = C(4)
p = weakref.proxy(c)
cp = weakref.proxy(len)
print(p.n, p.m(), repr(p) == repr(c) or "weakproxy" in repr(p), type(p) is weakref.ProxyType)
print(type(cp) is weakref.CallableProxyType, cp([1, 2]), weakref.getweakrefcount(c))
p.k = 3
print(c.k, hasattr(p, "zz"))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
lst = C(0)
lst.items = [1, 2, 3]
q = weakref.proxy(lst)
print(len(q.items), q.items[0])


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return self.v + o

    def __radd__(self, o):
        return o + self.v

    def __len__(self):
        return self.v

    def __bool__(self):
        return self.v != 0

    def __getitem__(self, i):
        return i * self.v

    def __eq__(self, o):
        return isinstance(o, Num) and o.v == self.v


nm = Num(5)
pn = weakref.proxy(nm)
print(pn + 1, 1 + pn, len(pn), bool(pn), pn[3], pn == Num(5), pn == pn)
del c, nm
gc.collect()
for expr in (lambda: p.n, lambda: pn + 1, lambda: str(p)):
    try:
        expr()
    except ReferenceError as e:
        print("ReferenceError:", e)

# finalize
class Res:
    pass


r = Res()
f = weakref.finalize(r, print, "finalized", 1)
print(f.alive, f.peek()[1:], f.atexit)
del r
gc.collect()
print(f.alive, f.peek(), f())
r2 = Res()
f2 = weakref.finalize(r2, print, "called early")
print(f2(), f2.alive, f2(), f2.detach())
f3 = weakref.finalize(r2, print, "never")
print(f3.detach()[1:], f3.alive)
f4 = weakref.finalize(r2, print, "at exit", sep=": ")
f5 = weakref.finalize(r2, print, "not at exit")
f5.atexit = False
print("end of script")
