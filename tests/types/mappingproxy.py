import types
d = {'a': 1, 'b': 2}
p = types.MappingProxyType(d)
print(p, repr(p), p['a'], len(p), 'a' in p, 'z' in p, sorted(p))
print(p.get('b'), p.get('z', 0), sorted(p.keys()), sorted(p.values()), sorted(p.items()))
print(p == d, p.copy() == d, type(p).__name__, p | {'c': 3})
d['c'] = 3
print(len(p), p['c'])
for bad in ([1], 5, 'ab'):
    try:
        types.MappingProxyType(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    p['x'] = 1
except TypeError as e:
    print('TypeError', e)
try:
    p['zz']
except KeyError as e:
    print('KeyError', e)
try:
    hash(p)
except TypeError as e:
    print('TypeError', e)
