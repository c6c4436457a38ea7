# function.__dict__ assignment, __qualname__ of bound builtin methods,
# super() argument count message.
import time


def f():
    pass


f.__dict__ = {'a': 1}
print(f.a, f.__dict__)
for bad in (1, None, [('a', 1)]):
    try:
        f.__dict__ = bad
    except TypeError as e:
        print('TypeError', e)
try:
    del f.__dict__
except TypeError as e:
    print('TypeError', e)
print(len.__qualname__, time.time.__qualname__, dict.fromkeys.__qualname__)
print([1].append.__qualname__, {}.pop.__qualname__, 'x'.upper.__qualname__, (1).__add__.__qualname__)
print(float.__getformat__.__qualname__, int.from_bytes.__qualname__)


class A:
    def m(self):
        pass


print(A().m.__qualname__, A.m.__qualname__)
try:
    super(A, A(), 1)
except TypeError as e:
    print('TypeError', e)
