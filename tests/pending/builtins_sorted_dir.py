# sorted and dir (both sort through list.sort).
print(sorted([3, 1, 2]), sorted('bca'), sorted((2, 1)), sorted({3: 0, 1: 0}), sorted([]))
print(sorted([3, 1, 2], reverse=True), sorted(['bb', 'a', 'ccc'], key=len), sorted([1, -2, 3], key=abs, reverse=True))
l = [2, 1]
s = sorted(l)
print(s, l, s is l)
for bad in ("sorted()", "sorted(1)", "sorted([1], 1)", "sorted([1, 'a'])", "sorted([1], key=1)",
            "sorted([3, 1], key=lambda x: -x, reverse=True, x=1)", "sorted([1], foo=2)"):
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
class A:
    x = 1
    def m(self):
        pass
a = A()
a.y = 2
print([n for n in dir(a) if not n.startswith('__')], [n for n in dir(A) if not n.startswith('__')])
print('__init__' in dir(a), '__class__' in dir(A))
class Custom:
    def __dir__(self):
        return ['b', 'a', 'c']
print(dir(Custom()))
def f():
    z = 1
    y = 2
    return dir()
print(f())
import sys
print('path' in dir(sys), 'append' in dir([]), 'upper' in dir(str))
