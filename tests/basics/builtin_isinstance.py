# isinstance() and issubclass(), including tuples of classes.
class A:
    pass


class B(A):
    pass


class C:
    pass


b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, object))
print(isinstance(b, (C, A)), isinstance(b, (C, (int, B))), isinstance(b, ()))
print(issubclass(B, A), issubclass(A, B), issubclass(B, B), issubclass(B, (C, A)), issubclass(B, object))
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance("s", str), isinstance(b"s", str), isinstance([], (list, tuple)), isinstance(None, type(None)))
print(isinstance(int, type), isinstance(A, type), isinstance(type, type), isinstance(type, object))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError), issubclass(KeyError, IndexError))
print(isinstance(len, type(print)), isinstance({}.keys(), object), issubclass(type, object))
for f in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: isinstance(1, (int, 2)), lambda: issubclass(int, (1,))):
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
print(type(b) is B, type(b) == A, type(3) is int, type(type) is type, type(None).__name__)
print(type("x", (), {}).__name__, type(b).__bases__[0].__name__)


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


print(isinstance(WithMeta, Meta), isinstance(WithMeta(), WithMeta), type(WithMeta).__name__)
