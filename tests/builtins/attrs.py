# getattr / setattr / delattr / hasattr / callable / isinstance / hash / id / repr / ascii / format.
class P:
    cls_attr = 'c'
    def __init__(self):
        self.a = 1
    @property
    def bad(self):
        raise KeyError('k')
    @property
    def missing(self):
        raise AttributeError('nope')
p = P()
print(getattr(p, 'a'), getattr(p, 'zz', 'dflt'), getattr(p, 'cls_attr'), getattr(P, 'cls_attr'))
setattr(p, 'b', 2)
print(p.b, hasattr(p, 'b'), hasattr(p, 'zz'), hasattr(p, 'missing'))
delattr(p, 'b')
print(hasattr(p, 'b'))
try:
    hasattr(p, 'bad')
except KeyError as e:
    print('KeyError', e)
try:
    getattr(p, 'bad', 1)
except KeyError as e:
    print('KeyError', e)
print(getattr(p, 'missing', 'swallowed'))
try:
    delattr(p, 'b')
except AttributeError as e:
    print('AttributeError', e)
print(callable(len), callable(P), callable(p), callable(p.__init__), callable(lambda: 0), callable(1), callable('s'))
class CC:
    def __call__(self):
        return 'called'
print(callable(CC()), CC()())
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, (float, int))), isinstance(p, P), isinstance(P, type))
print(issubclass(bool, int), issubclass(P, object), issubclass(int, (str, int)), issubclass(P, P))
print(hash(1) == hash(1.0), hash('a') == hash('a'), hash(()) == hash(()), type(hash(p)).__name__)
print(id(p) == id(p), id(p) != id(P()), type(id(1)).__name__)
print(repr('a'), repr(1.5), repr([1, 'x']), repr(None), ascii('é'), ascii('a\u1234\U0001f600'), ascii([1, 'ü']))
