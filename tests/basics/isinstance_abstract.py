# isinstance/issubclass with class-like objects: CPython's __bases__ /
# __class__ protocol for objects that are not types.


def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class AbstractClass:
    def __init__(self, bases):
        self.bases = bases

    def getbases(self):
        return self.bases

    __bases__ = property(getbases)

    def __call__(self):
        return AbstractInstance(self)


class AbstractInstance:
    def __init__(self, klass):
        self.klass = klass

    def getclass(self):
        return self.klass

    __class__ = property(getclass)


AbstractSuper = AbstractClass(bases=())
AbstractChild = AbstractClass(bases=(AbstractSuper,))
Other = AbstractClass(bases=())
Diamond = AbstractClass(bases=(Other, AbstractChild))

t(lambda: isinstance(AbstractChild(), AbstractChild))
t(lambda: isinstance(AbstractChild(), AbstractSuper))
t(lambda: isinstance(AbstractSuper(), AbstractChild))
t(lambda: isinstance(Diamond(), AbstractSuper))
t(lambda: isinstance(Diamond(), Other))
t(lambda: isinstance(1, AbstractSuper))
t(lambda: issubclass(AbstractChild, AbstractSuper))
t(lambda: issubclass(AbstractSuper, AbstractChild))
t(lambda: issubclass(Diamond, AbstractSuper))
t(lambda: issubclass(AbstractChild, AbstractChild))
t(lambda: issubclass(AbstractChild, int))
t(lambda: issubclass(AbstractChild, (int, AbstractSuper)))
t(lambda: isinstance(AbstractChild(), (int, AbstractSuper)))


class NoBases:
    pass


t(lambda: isinstance(1, NoBases()))
t(lambda: issubclass(NoBases(), int))
t(lambda: issubclass(int, NoBases()))


class BadBases:
    __bases__ = 5


t(lambda: isinstance(1, BadBases()))


class RaisingBases:
    @property
    def __bases__(self):
        raise RuntimeError("from __bases__")


t(lambda: isinstance(1, RaisingBases()))
t(lambda: issubclass(RaisingBases(), int))


class Cycle:
    @property
    def __bases__(self):
        return (self, self, self)


t(lambda: issubclass(Cycle(), int))


# a real instance whose __class__ claims another (abstract) class
class Liar:
    __class__ = property(lambda self: AbstractChild)


t(lambda: isinstance(Liar(), AbstractSuper))
t(lambda: isinstance(Liar(), Liar))
t(lambda: isinstance(Liar(), int))
