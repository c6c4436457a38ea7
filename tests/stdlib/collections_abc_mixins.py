# requires: bigheap
# collections.abc: mixin methods and the one-trick ABCs' subclass hooks.
from collections.abc import (Iterable, Iterator, Sized, Container, Callable, Hashable, Collection,
                             Reversible, Sequence, MutableSequence, Mapping, MutableMapping, Set,
                             MutableSet, KeysView, ItemsView, ValuesView)


class It:
    def __iter__(self):
        return iter([1])


class NoIt:
    __iter__ = None


print(isinstance(It(), Iterable), isinstance(NoIt(), Iterable), isinstance(iter([]), Iterator))
print(issubclass(list, Reversible), issubclass(dict, Reversible), issubclass(tuple, Sequence),
      isinstance(len, Callable), isinstance([], Hashable), isinstance((), Hashable), isinstance(It(), Sized))
print(isinstance({}.keys(), KeysView), isinstance({}.items(), Set), isinstance(type.__dict__, Mapping))


class S(Sequence):
    def __init__(self, *v):
        self.v = list(v)

    def __getitem__(self, i):
        return self.v[i]

    def __len__(self):
        return len(self.v)


s = S(1, 2, 3, 2)
print(list(s), 2 in s, 9 in s, list(reversed(s)), s.index(2), s.count(2), s.index(2, 2))
try:
    s.index(9)
except ValueError:
    print('ValueError')
match s:
    case [a, b, *rest]:
        print('seq', a, b, rest)


class MS(MutableSequence):
    def __init__(self):
        self.v = []

    def __getitem__(self, i):
        return self.v[i]

    def __setitem__(self, i, x):
        self.v[i] = x

    def __delitem__(self, i):
        del self.v[i]

    def __len__(self):
        return len(self.v)

    def insert(self, i, x):
        self.v.insert(i, x)


m = MS()
m.append(1); m.extend([2, 3]); m += [4]
m.reverse(); print(m.v, m.pop(), m.pop(0)); m.remove(3); print(m.v)
m.clear(); print(m.v)


class M(Mapping):
    def __init__(self, d):
        self.d = d

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


mp = M({'a': 1, 'b': 2})
print(mp.get('a'), mp.get('z', 0), 'a' in mp, list(mp.keys()), list(mp.items()), list(mp.values()))
print(mp == {'a': 1, 'b': 2}, mp != {'a': 1}, mp.keys() & {'a', 'q'}, ('a', 1) in mp.items(), 2 in mp.values())
print(len(mp.keys()), repr(mp.keys())[:8])
match mp:
    case {'a': v}:
        print('map', v)


class MM(MutableMapping):
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v

    def __delitem__(self, k):
        del self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


mm = MM()
mm.update({'x': 1}, y=2); mm.update([('z', 3)])
print(mm.d, mm.setdefault('x', 9), mm.setdefault('w', 4), mm.pop('y'), mm.pop('q', 'dflt'), mm.popitem())
mm.clear(); print(mm.d)
try:
    mm.pop('nope')
except KeyError as e:
    print('KeyError', e)


class FS(Set):
    def __init__(self, it=()):
        self.s = set(it)

    def __contains__(self, x):
        return x in self.s

    def __iter__(self):
        return iter(self.s)

    def __len__(self):
        return len(self.s)


a, b = FS([1, 2, 3]), FS([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b), a <= b, FS([2]) < a, a == FS([3, 2, 1]), a.isdisjoint([9]))


class MSet(MutableSet):
    def __init__(self, it=()):
        self.s = set(it)

    def __contains__(self, x):
        return x in self.s

    def __iter__(self):
        return iter(sorted(self.s))

    def __len__(self):
        return len(self.s)

    def add(self, x):
        self.s.add(x)

    def discard(self, x):
        self.s.discard(x)


ms = MSet([1, 2])
ms |= [3]; ms -= [1]; ms ^= [3, 5]; print(sorted(ms.s))
ms.remove(2); print(ms.pop(), sorted(ms.s))
try:
    ms.remove(42)
except KeyError as e:
    print('KeyError', e)
for cls in (Sequence, Mapping, MutableSet, Iterator):
    try:
        cls()
    except TypeError as e:
        print('TypeError', str(e).split(' with')[0])
