# contextvars (PEP 567): context variables, their tokens and contexts.
# A Context maps ContextVars to values; it is copied on copy() (CPython
# shares an immutable map instead), so contexts never see each other's
# changes. The current context belongs to the interpreter (one thread runs
# Python). The C API (PyContextVar_*, PyContext_*) calls this module.

_MISSING = object()


class _Final:
    __slots__ = ()

    def __init_subclass__(cls, **kw):
        base = cls.__mro__[1]
        if base is not _Final:
            raise TypeError("type '_contextvars.%s' is not an acceptable base type" % base.__name__)


class _MissingType:
    __slots__ = ()

    def __repr__(self):
        return "<Token.MISSING>"


class Context(_Final):
    __slots__ = ("_data", "_prev", "_entered")

    def __init__(self):
        self._data = {}
        self._prev = None
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        _enter(self)
        try:
            return callable(*args, **kwargs)
        finally:
            _exit(self)

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        return self._data[var]

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        return self._data.get(var, default)

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError("a ContextVar key was expected, got %r" % (var,))
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(list(self._data))

    def keys(self):
        return list(self._data.keys())

    def values(self):
        return list(self._data.values())

    def items(self):
        return list(self._data.items())

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data

    __hash__ = None


_current = Context()


def _enter(ctx):
    global _current
    if ctx._entered:
        raise RuntimeError("cannot enter context: %r is already entered" % (ctx,))
    ctx._prev = _current
    ctx._entered = True
    _current = ctx


def _exit(ctx):
    global _current
    if not ctx._entered:
        raise RuntimeError("cannot exit context: %r has not been entered" % (ctx,))
    if _current is not ctx:
        raise RuntimeError("cannot exit context: thread state references a different context object")
    _current = ctx._prev
    ctx._prev = None
    ctx._entered = False


def _current_context():
    return _current


def copy_context():
    return _current.copy()


class ContextVar(_Final):
    __slots__ = ("_name", "_default")

    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args):
        if len(args) > 1:
            raise TypeError("get expected at most 1 argument, got %d" % len(args))
        data = _current._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        ctx = _current
        old = ctx._data.get(self, Token.MISSING)
        ctx._data[self] = value
        return Token(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError("expected an instance of Token, got %r" % (token,))
        if token._used:
            raise RuntimeError("%r has already been used once" % (token,))
        if token._var is not self:
            raise ValueError("%r was created by a different ContextVar" % (token,))
        ctx = _current
        if token._ctx is not ctx:
            raise ValueError("%r was created in a different Context" % (token,))
        token._used = True
        if token._old is Token.MISSING:
            ctx._data.pop(self, None)
        else:
            ctx._data[self] = token._old

    def __class_getitem__(cls, item):
        return cls

    def __repr__(self):
        r = "<ContextVar name=%r" % (self._name,)
        if self._default is not _MISSING:
            r += " default=%r" % (self._default,)
        return r + " at 0x%x>" % id(self)


class Token(_Final):
    __slots__ = ("_ctx", "_var", "_old", "_used")

    MISSING = _MissingType()

    def __init__(self, *args):
        if len(args) != 3 or not isinstance(args[0], Context):
            raise RuntimeError("Tokens can only be created by ContextVars")
        self._ctx, self._var, self._old = args
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __class_getitem__(cls, item):
        return cls

    def __repr__(self):
        used = " used" if self._used else ""
        return "<Token%s var=%r at 0x%x>" % (used, self._var, id(self))

