class P:
    __slots__ = ('x', 'y')
    def __init__(self, x): self.x = x
p = P(1)
print(p.x)
try:
    p.y
except AttributeError as e: print(e)
try:
    p.z = 3
except AttributeError as e: print(e)
try:
    p.__dict__
except AttributeError as e: print(e)
p.y = 5; print(p.y); del p.y
try: del p.y
except AttributeError as e: print(e)
class Q(P):
    __slots__ = ('z',)
q = Q(2); q.z = 3; q.y = 4; print(q.x, q.y, q.z)
class R(P): pass
r = R(7); r.w = 8; print(r.x, r.w, r.__dict__)
print(P.x)
class S:
    __slots__ = ('__priv', '__dict__')
    def __init__(self): self.__priv = 1; self.other = 2
s = S(); print(s._S__priv, s.other)
class T: 
    __slots__ = 'single'
t = T(); t.single = 1; print(t.single)
class U:
    x = 1
    __slots__ = ('x',)
