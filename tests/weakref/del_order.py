# An object in a cycle with __del__: its weak references are cleared and
# requires: bigheap
# their callbacks run before __del__ (CPython's collector order), and
# resurrecting it in __del__ does not bring them back.
import gc
import weakref


class D:
    def __del__(self):
        print("__del__, ref is", "dead" if rd() is None else "alive")
        saved.append(self)


saved = []
d = D()
d.me = d
rd = weakref.ref(d, lambda w: print("callback, referent", w()))
del d
gc.collect()
print(rd(), len(saved), type(saved[0]).__name__)
