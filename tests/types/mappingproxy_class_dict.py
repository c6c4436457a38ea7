# A class's __dict__ is a live, read-only mappingproxy; MappingProxyType is
# the same type.
import types


class C:
    x = 1

    def m(self):
        return 2


d = C.__dict__
print(type(d).__name__, type(vars(C)).__name__, type(d) is types.MappingProxyType)
print(d['x'], 'm' in d, 'zz' in d, d.get('zz', 'none'), sorted(k for k in d if not k.startswith('__')))
C.y = 3
print(d['y'], 'y' in vars(C))
del C.y
print('y' in d)
try:
    d['x'] = 5
except TypeError as e:
    print('TypeError', e)
try:
    del d['x']
except TypeError as e:
    print('TypeError', e)
try:
    d.x = 1
except AttributeError as e:
    print('AttributeError', e)
try:
    d |= {}
except TypeError as e:
    print('TypeError', e)
try:
    d.get()
except TypeError as e:
    print('TypeError', e)
try:
    d.keys(1)
except TypeError as e:
    print('TypeError', e)
print(C.x, C().m())

# builtin types' __dict__
print(type(int.__dict__).__name__, 'bit_length' in int.__dict__, int.__dict__['bit_length'])
try:
    int.__dict__['spam'] = 1
except TypeError as e:
    print('TypeError', e)

# the proxy type's own methods and operators
p = types.MappingProxyType({'a': 1, 'b': 2})
print(sorted(set(dir(p)) - set(dir(object))))
print(p | {'c': 3}, {'z': 0} | p, list(reversed(p)), p.copy(), str(p), repr(p))
print(p == {'a': 1, 'b': 2}, p != {'a': 1}, len(p), list(p.items()))
try:
    p | 1
except TypeError as e:
    print('TypeError', e)
try:
    types.MappingProxyType()
except TypeError as e:
    print('TypeError', e)
try:
    types.MappingProxyType(('a',))
except TypeError as e:
    print('TypeError', e)
try:
    del p[0]
except TypeError as e:
    print('TypeError', e)
print(types.MappingProxyType[str, int])
inner = types.MappingProxyType(p)
print(inner['a'], repr(inner))
