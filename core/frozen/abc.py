"""Abstract base classes (ferropy's own implementation of CPython's
``abc``)."""

from _weakref import ref as _ref


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use classmethod with abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use staticmethod with abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use property with abstractmethod."""
    __isabstractmethod__ = True


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    f = getattr(value, '__func__', None)
    if f is not None and getattr(f, '__isabstractmethod__', False):
        return True
    if isinstance(value, property):
        for f in (value.fget, value.fset, value.fdel):
            if f is not None and getattr(f, '__isabstractmethod__', False):
                return True
    return False


def _compute_abstracts(cls):
    abstracts = {name for name, value in cls.__dict__.items()
                 if _is_abstract(value)}
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


def _abstract_new(cls, *args, **kwargs):
    abstracts = cls.__dict__.get('__abstractmethods__', None)
    if abstracts is None:
        abstracts = getattr(cls, '__abstractmethods__', ())
    if abstracts:
        names = sorted(abstracts)
        raise TypeError("Can't instantiate abstract class %s with abstract "
                        "method%s %s" % (cls.__name__,
                                         's' if len(names) > 1 else '',
                                         ', '.join(names)))
    return cls.__abc_next_new__(cls, *args, **kwargs)


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class."""
    if hasattr(cls, '__abstractmethods__'):
        cls.__abstractmethods__ = _compute_abstracts(cls)
    return cls


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls)
        cls._abc_registry = []
        cls._abc_cache = {}
        # type.__subclasses__() is not tracked (RAM): each ABC keeps weak
        # references to its ABC subclasses for __subclasscheck__.
        for b in bases:
            if isinstance(b, ABCMeta):
                subs = b.__dict__.get('_abc_subclasses')
                if subs is None:
                    subs = []
                    type.__setattr__(b, '_abc_subclasses', subs)
                subs.append(_ref(cls))
        # Refuse to instantiate while abstract methods remain: wrap the
        # first __new__ found on the MRO once per class hierarchy.
        if '__abc_next_new__' not in namespace and not any(
                isinstance(b, ABCMeta) for b in bases):
            nxt = cls.__new__
            if nxt is object.__new__:
                def nxt(c, *args, **kwargs):
                    return object.__new__(c)
            cls.__abc_next_new__ = staticmethod(nxt)
            cls.__new__ = _abstract_new
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC."""
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_registry.append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if cls in getattr(subclass, '__mro__', ()):
            return True
        ok = cls.__dict__.get('__subclasshook__')
        if ok is not None:
            ok = cls.__subclasshook__(subclass)
            if ok is not NotImplemented:
                return bool(ok)
        for reg in cls._abc_registry:
            if issubclass(subclass, reg):
                return True
        for r in cls.__dict__.get('_abc_subclasses', ()):
            scls = r()
            if scls is not None and issubclass(subclass, scls):
                return True
        return False

    def _dump_registry(cls, file=None):
        print('Class: %s.%s' % (cls.__module__, cls.__qualname__), file=file)


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""
    __slots__ = ()


def get_cache_token():
    """Returns the current ABC cache token."""
    return 0
