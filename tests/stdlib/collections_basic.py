# requires: module:collections
from collections import namedtuple, deque, OrderedDict, defaultdict, Counter, ChainMap
Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], tuple(p), p._asdict(), p._replace(y=5), Point._fields, Point._make([1, 2]))
x, y = p; print(x, y, p == (11, 22), isinstance(p, tuple), len(p))
P3 = namedtuple('P3', 'a, b c', defaults=[0, 1])
print(P3(5), P3._field_defaults, P3.__name__, P3.__doc__)
R = namedtuple('R', ['abc', 'def', 'ghi', 'abc'], rename=True)
print(R._fields)
for bad in [('A', 'x x'), ('A', 'class'), ('1A', 'x'), ('A', '_x')]:
    try:
        namedtuple(*bad)
    except ValueError as e:
        print('ValueError', e)
try:
    Point(1)
except TypeError as e:
    print('TypeError', e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print('TypeError', e)
d = deque([1, 2, 3])
d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1], d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft([8, 9]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
d.remove('a'); print(d, d.count(2), d.index(2), 3 in d, list(reversed(d)))
d.reverse(); print(d); d.insert(1, 'z'); print(d); del d[0]; print(d)
m = deque(range(5), maxlen=3); print(m, m.maxlen); m.append(9); print(m); m.appendleft(7); print(m)
try:
    deque().pop()
except IndexError as e:
    print('IndexError', e)
print(deque('ab') == deque('ab'), deque('ab') < deque('b'), deque('ab') + deque('c'), deque([1]) * 3, bool(deque()))
dq = deque()
for i in range(100):
    dq.append(i)
for i in range(60):
    dq.popleft()
print(len(dq), dq[0], dq[-1], sum(dq))
dd = defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
print(dd, dd['zz'], sorted(dd), dd.default_factory)
di = defaultdict(int, {'x': 1}); di['y'] += 2; print(di, dict(di))
try:
    defaultdict()['q']
except KeyError as e:
    print('KeyError', e)
od = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
od.move_to_end('a'); print(od, list(od)); od.move_to_end('c', last=False); print(list(od.keys()))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), OrderedDict())
c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), sorted(c.elements())[:5], c.total())
c.update('aaz'); c.subtract({'b': 5}); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(-Counter(a=-2, b=3), +Counter(a=-2, b=3), Counter(a=1) == Counter(a=1, b=0), Counter())
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3})
print(cm['a'], cm['b'], len(cm), sorted(cm), cm.get('z', 0), 'b' in cm, cm)
cm['c'] = 4; print(cm.maps[0], cm.new_child({'a': 0})['a'], cm.parents)
try:
    del cm['b']
except KeyError as e:
    print('KeyError', e)
