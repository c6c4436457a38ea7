# A C type built with PyType_FromModuleAndSpec.
import spectype
from spectype import Counter

print(Counter.__name__, Counter.__module__, Counter.__qualname__, Counter.__doc__)
print(repr(Counter))
c = Counter(5, label="hits")
print(c, c.count, c.label, c.scale)
print(c.bump(), c.bump(10), c)
c.reset()
print(c.count, c.double)
c.double = 14
print(c.count, c.fixed)
c.count = 3
c.scale = 2.5
c.label = None
print(c, c.scale, c.label)
try:
    c.fixed = 1
except AttributeError as e:
    print("AttributeError")
try:
    c.count = "x"
except TypeError as e:
    print("TypeError")
try:
    del c.double
except TypeError as e:
    print("TypeError:", e)
print(Counter(1) < Counter(2), Counter(2) == Counter(2), Counter(3) != Counter(3))
print(Counter(1) == 1, sorted([Counter(3), Counter(1), Counter(2)]))
print(Counter.bump(Counter(7), 1))
print(type(c) is Counter, isinstance(c, Counter))


class Sub(Counter):
    def __repr__(self):
        return "Sub:%d" % self.count


s = Sub(2)
s.bump()
print(s, s.count, s.double, isinstance(s, Counter))
print(spectype.slot_of(Counter), spectype.slot_of(int)[:2])
print("done")
