import operator as op
from operator import itemgetter, attrgetter, methodcaller
print(op.add(1, 2), op.sub(5, 3), op.mul(2, 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(3), op.pos(-3), op.abs(-4), op.inv(5), op.invert(0), op.not_(0), op.truth([]), op.index(7))
print(op.lshift(1, 4), op.rshift(32, 2), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf('abc', 'c'), op.getitem('abc', 1))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l)
print(op.length_hint([1, 2]), op.length_hint(iter(range(5))), op.length_hint(object(), 7))
print(op.call(max, 1, 5), op.iadd([1], [2]), op.iconcat('a', 'b'), op.imul(3, 4), op.ior({1}, {2}))
try:
    op.concat(1, 2)
except TypeError as e:
    print('TypeError', e)
try:
    op.indexOf([1], 5)
except ValueError as e:
    print('ValueError', e)
g = itemgetter(1); g2 = itemgetter(0, 2)
print(g('abc'), g2('abc'), repr(g2), sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)))
class P:
    def __init__(self): self.x = 1; self.y = self
    def meth(self, a, b=2): return a + b
a = attrgetter('x'); b = attrgetter('x', 'y.x')
print(a(P()), b(P()), repr(b))
m = methodcaller('meth', 5, b=1)
print(m(P()), repr(m), methodcaller('upper')('abc'))
print(op.__add__ is op.add, op.matmul.__name__)
