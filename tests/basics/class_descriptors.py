# Descriptors (__get__/__set__/__set_name__) and __init_subclass__.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __init__(self, kind):
        self.kind = kind

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name[1:], self.kind.__name__))
        setattr(obj, self.name, value)


class Person:
    name = Typed(str)
    age = Typed(int)

    def __init__(self, name, age):
        self.name = name
        self.age = age


p = Person("Ann", 30)
print(p.name, p.age, type(Person.name).__name__, Person.age.name)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError", e)


class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"


class Holder:
    attr = NonData()


h = Holder()
print(h.attr)
h.__dict__["attr"] = "instance wins over non-data descriptor"
print(h.attr)


class Registry:
    subclasses = []

    def __init_subclass__(cls, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Registry.subclasses.append(cls.__name__)


class A(Registry, tag="a"):
    pass


class B(A):
    pass


print(Registry.subclasses, A.tag, B.tag)


class Bound:
    def method(self):
        return self


b = Bound()
f = Bound.__dict__["method"]
print(f.__get__(b)() is b, Bound.method is f)
print(staticmethod(len).__get__(None, int)("xy"), classmethod(lambda cls: cls.__name__).__get__(None, Bound)())
