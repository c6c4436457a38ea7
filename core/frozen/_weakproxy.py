"""Weak proxies (ferropy's version of CPython's weakproxy types).

A proxy holds a weak reference and forwards attribute access, calls and
operators to the referent; once the referent is gone every use raises
ReferenceError. Imported by weakref on the first proxy() call.
"""

from _weakref import ref

_get = object.__getattribute__


def _t(p):
    o = _get(p, "_r")()
    if o is None:
        raise ReferenceError("weakly-referenced object no longer exists")
    return o


def _u(o):
    if isinstance(o, ProxyTypes):
        return _t(o)
    return o


class ProxyType:
    __module__ = "weakref"
    __slots__ = ("_r",)

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.%s'"
                        % type(self).__name__)

    def __getattribute__(self, name):
        return getattr(_t(self), name)

    def __setattr__(self, name, value):
        setattr(_t(self), name, value)

    def __delattr__(self, name):
        delattr(_t(self), name)

    def __repr__(self):
        o = _get(self, "_r")()
        return "<weakproxy at %#x; to '%s' at %#x>" % (
            id(self), type(o).__name__, id(o))

    def __str__(self): return str(_t(self))
    def __bytes__(self): return bytes(_t(self))
    def __bool__(self): return bool(_t(self))
    def __len__(self): return len(_t(self))
    def __iter__(self): return iter(_t(self))

    def __next__(self):
        o = _t(self)
        if not hasattr(type(o), "__next__"):
            raise TypeError("Weakref proxy referenced a non-iterator '%s' object"
                            % type(o).__name__)
        return next(o)

    def __reversed__(self): return reversed(_t(self))
    def __contains__(self, x): return _u(x) in _t(self)
    def __getitem__(self, k): return _t(self)[_u(k)]
    def __setitem__(self, k, v): _t(self)[_u(k)] = v
    def __delitem__(self, k): del _t(self)[_u(k)]
    def __eq__(self, o): return _t(self) == _u(o)
    def __ne__(self, o): return _t(self) != _u(o)
    def __lt__(self, o): return _t(self) < _u(o)
    def __le__(self, o): return _t(self) <= _u(o)
    def __gt__(self, o): return _t(self) > _u(o)
    def __ge__(self, o): return _t(self) >= _u(o)
    def __neg__(self): return -_t(self)
    def __pos__(self): return +_t(self)
    def __abs__(self): return abs(_t(self))
    def __invert__(self): return ~_t(self)
    def __int__(self): return int(_t(self))
    def __float__(self): return float(_t(self))
    def __index__(self): return _t(self).__index__()
    def __divmod__(self, o): return divmod(_t(self), _u(o))
    def __rdivmod__(self, o): return divmod(_u(o), _t(self))
    def __add__(self, o): return _t(self) + _u(o)
    def __radd__(self, o): return _u(o) + _t(self)
    def __iadd__(self, o):
        t = _t(self)
        t += _u(o)
        return t
    def __sub__(self, o): return _t(self) - _u(o)
    def __rsub__(self, o): return _u(o) - _t(self)
    def __isub__(self, o):
        t = _t(self)
        t -= _u(o)
        return t
    def __mul__(self, o): return _t(self) * _u(o)
    def __rmul__(self, o): return _u(o) * _t(self)
    def __imul__(self, o):
        t = _t(self)
        t *= _u(o)
        return t
    def __matmul__(self, o): return _t(self) @ _u(o)
    def __rmatmul__(self, o): return _u(o) @ _t(self)
    def __imatmul__(self, o):
        t = _t(self)
        t @= _u(o)
        return t
    def __truediv__(self, o): return _t(self) / _u(o)
    def __rtruediv__(self, o): return _u(o) / _t(self)
    def __itruediv__(self, o):
        t = _t(self)
        t /= _u(o)
        return t
    def __floordiv__(self, o): return _t(self) // _u(o)
    def __rfloordiv__(self, o): return _u(o) // _t(self)
    def __ifloordiv__(self, o):
        t = _t(self)
        t //= _u(o)
        return t
    def __mod__(self, o): return _t(self) % _u(o)
    def __rmod__(self, o): return _u(o) % _t(self)
    def __imod__(self, o):
        t = _t(self)
        t %= _u(o)
        return t
    def __pow__(self, o): return _t(self) ** _u(o)
    def __rpow__(self, o): return _u(o) ** _t(self)
    def __ipow__(self, o):
        t = _t(self)
        t **= _u(o)
        return t
    def __lshift__(self, o): return _t(self) << _u(o)
    def __rlshift__(self, o): return _u(o) << _t(self)
    def __ilshift__(self, o):
        t = _t(self)
        t <<= _u(o)
        return t
    def __rshift__(self, o): return _t(self) >> _u(o)
    def __rrshift__(self, o): return _u(o) >> _t(self)
    def __irshift__(self, o):
        t = _t(self)
        t >>= _u(o)
        return t
    def __and__(self, o): return _t(self) & _u(o)
    def __rand__(self, o): return _u(o) & _t(self)
    def __iand__(self, o):
        t = _t(self)
        t &= _u(o)
        return t
    def __xor__(self, o): return _t(self) ^ _u(o)
    def __rxor__(self, o): return _u(o) ^ _t(self)
    def __ixor__(self, o):
        t = _t(self)
        t ^= _u(o)
        return t
    def __or__(self, o): return _t(self) | _u(o)
    def __ror__(self, o): return _u(o) | _t(self)
    def __ior__(self, o):
        t = _t(self)
        t |= _u(o)
        return t


class CallableProxyType(ProxyType):
    __module__ = "weakref"
    __slots__ = ()

    def __call__(self, *args, **kw):
        return _t(self)(*args, **kw)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    """A proxy to obj through a weak reference; callback(proxy) is called
    when obj dies."""
    cls = CallableProxyType if callable(obj) else ProxyType
    p = object.__new__(cls)
    if callback is None:
        r = ref(obj)
    else:
        def cb(_, p=p):
            callback(p)
        r = ref(obj, cb)
    object.__setattr__(p, "_r", r)
    return p
