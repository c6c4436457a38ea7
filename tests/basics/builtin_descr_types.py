# Type names and protocol of builtin functions, method descriptors, slot
# wrappers and method-wrappers, as CPython 3.11.
import types

f = lambda: 0
print(type(len).__name__, type(str.join).__name__, type([].append).__name__)
print(type(object.__init__).__name__, type(object().__init__).__name__)
print(type(int.__add__).__name__, type((1).__add__).__name__, type(int.__format__).__name__)
print(type(list.__getitem__).__name__, type(dict.__contains__).__name__, type([].__getitem__).__name__)
print(type(object.__new__).__name__, type(list.__len__).__name__, type([].__len__).__name__)
print(object.__init__, list.__len__, str.join, int.__format__, dict.__getitem__)
print(repr(object().__init__).split(' at ')[0], repr((1).__format__).split(' at ')[0])
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
print(str.join.__name__, str.join.__qualname__, str.join.__objclass__)
print(isinstance(object.__init__, types.WrapperDescriptorType),
      isinstance(object().__str__, types.MethodWrapperType),
      isinstance(str.join, types.MethodDescriptorType),
      isinstance([].append, types.BuiltinMethodType))

# __get__ and __call__
print(int.__add__(1, 2), (5).__add__(3), int.__add__.__get__(4)(5), str.join.__get__(',')('xy'))
print(str.join.__get__(None, str) is str.join)
print(len.__call__([1, 2]), f.__call__(), str.join.__call__('-', 'ab'), (lambda **k: k).__call__(a=1))
for o in [f, len, [].append, property(), staticmethod(f), classmethod(f), str.join, object.__init__]:
    print(type(o).__name__, hasattr(o, '__get__'), hasattr(o, '__call__'), callable(o))
for bad in [lambda: int.__add__('a', 1), lambda: str.join(1, 'a'), lambda: str.join.__get__(1),
            lambda: str.join.__get__(None), lambda: str.join(), lambda: list.__len__(())]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
