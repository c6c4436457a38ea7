# Object model: __init_subclass__, __set_name__, super forms, descriptor
# precedence, __getattribute__, __dir__, vars.
class Base:
    registry = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Base.registry.append(cls.__name__)

class A(Base, tag="a"):
    pass
class B2(A):
    pass
print(Base.registry, A.tag, B2.tag)

class Named:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
    def __get__(self, obj, typ=None):
        return f"{self.owner}.{self.name}"

class HasNamed:
    field = Named()
print(HasNamed.field, HasNamed().field)

class P:
    def hello(self):
        return "P.hello"
    @classmethod
    def cm(cls):
        return f"P.cm({cls.__name__})"
    @staticmethod
    def sm():
        return "P.sm"

class Q(P):
    def hello(self):
        return "Q>" + super().hello()
    @classmethod
    def cm(cls):
        return "Q>" + super().cm()
    def explicit(self):
        return super(Q, self).hello()
    def sm2(self):
        return super().sm()

q = Q()
print(q.hello(), Q.cm(), q.cm(), q.explicit(), q.sm2())
print(super(Q, q).hello(), super(Q, Q).cm())
s = super(Q, q)
print(type(s).__name__, s.__thisclass__.__name__, s.__self__ is q)

class DataDesc:
    def __get__(self, obj, typ=None):
        return "data descriptor"
    def __set__(self, obj, value):
        print("DataDesc.__set__", value)

class NonData:
    def __get__(self, obj, typ=None):
        return "non-data descriptor"

class Prec:
    d = DataDesc()
    n = NonData()

p = Prec()
p.__dict__["d"] = "instance d"
p.__dict__["n"] = "instance n"
print(p.d, p.n)
p.d = 5

class GA:
    def __init__(self):
        self.real = 1
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback {name}"
g = GA()
print(g.magic, g.real, g.missing)

class DirC:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(DirC()))

class V:
    cls_attr = 1
    def __init__(self):
        self.x = 1
        self.y = 2
print(vars(V()), "cls_attr" in vars(V))
try:
    vars(1)
except TypeError as e:
    print(e)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["added"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.added, type(WithMeta).__name__)

class Slotted:
    __slots__ = ("a",)
s2 = Slotted()
s2.a = 1
try:
    s2.b = 2
except AttributeError as e:
    print(e)

print(Q.__mro__)
print(Q.__bases__, Q.__base__.__name__, object.__bases__)
print(A.__init_subclass__.__self__ is A if hasattr(A.__init_subclass__, "__self__") else "?")
