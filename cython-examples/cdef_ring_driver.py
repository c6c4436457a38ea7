# Imports the Cython module `cdef_ring`; the output must be the same under
# CPython and ferropy.
import cdef_ring as ring
r = ring.make(3)
print(r, len(r), r[0], list(r), r == ring.make(3), r != ring.make(2))
class Sub(ring.Ring):
    def __init__(self):
        super().__init__(2)
        self.extra = 1
    def __getitem__(self, i):
        return super().__getitem__(i) * 10
    def __repr__(self):
        return "Sub:" + super().__repr__()
s = Sub()
s.push(5); s.push(6)
print(s, s[1], len(s), hasattr(s, "__iter__"), ring.Ring.__len__(s))
try:
    r.fail()
except KeyError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno)
        tb = tb.tb_next
print(ring.Ring.push.__name__, type(ring.make).__name__, ring.make.__code__.co_varnames)
