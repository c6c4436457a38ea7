# requires: bigheap
# collections.UserDict: the MutableMapping methods and dict operators.
from collections import UserDict
import copy

d = UserDict(a=1, b=2)
print(d.popitem(), d)
print(UserDict.fromkeys('xy'), UserDict.fromkeys([1, 2], 0), type(UserDict.fromkeys('a')).__name__)
print(d | {'c': 3}, {'z': 0} | d, d | UserDict(q=9), type(d | {}).__name__)
d |= {'e': 5}
print(d)
d |= UserDict(f=6)
print(d)
c = copy.copy(d)
c['new'] = 1
print(d, c, type(c).__name__)
e = UserDict()
try:
    e.popitem()
except KeyError as ex:
    print('KeyError', repr(ex))
try:
    d | 1
except TypeError as ex:
    print('TypeError', ex)
