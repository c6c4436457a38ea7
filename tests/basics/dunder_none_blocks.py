# A dunder set to None in a class blocks the operation (CPython semantics).
class B:
    def __iter__(self): return iter([1])
    __contains__ = None
try: 1 in B()
except TypeError as e: print('TypeError', e)
class X:
    __eq__ = None
class E:
    def __eq__(self, o): return True
    __ne__ = None
try: X() == 1
except TypeError as e: print('TypeError', e)
try: E() != 1
except TypeError as e: print('TypeError', e)
print(E() == 1)
class A:
    def __add__(self, o): return 'add'
class A2(A):
    __iadd__ = None
a = A2()
try: a += 1
except TypeError as e: print('TypeError', e)
class R:
    __radd__ = None
try: 1 + R()
except TypeError as e: print('TypeError', e)
class H:
    __hash__ = None
try: hash(H())
except TypeError as e: print('TypeError', e)
class L:
    __len__ = None
try: len(L())
except TypeError as e: print('TypeError', e)
class I:
    __iter__ = None
try: iter(I())
except TypeError as e: print('TypeError', e)
