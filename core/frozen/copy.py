"""Shallow and deep copy operations (ferropy's own implementation of
CPython's ``copy``)."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, complex, str, bytes, type,
           range, type(Ellipsis), type(NotImplemented), type(len),
           type(lambda: 0), property, frozenset)


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic or cls is tuple:
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    if issubclass(cls, type):
        return x
    cp = getattr(cls, '__copy__', None)
    if cp is not None:
        return cp(x)
    return _reconstruct(x, None, *_reduce(x))


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _slot_names(cls):
    names = []
    for c in cls.__mro__:
        s = c.__dict__.get('__slots__', ())
        if isinstance(s, str):
            s = (s,)
        for n in s:
            if n not in ('__dict__', '__weakref__') and n not in names:
                names.append(n)
    return names


def _generic_reduce(x):
    # What object.__reduce_ex__(2+) gives for instances of Python classes.
    cls = type(x)
    state = getattr(x, '__dict__', None) or None
    slots = {}
    for n in _slot_names(cls):
        try:
            slots[n] = getattr(x, n)
        except AttributeError:
            pass
    if slots:
        state = (state, slots)
    listiter = iter(x) if isinstance(x, list) else None
    dictiter = iter(x.items()) if isinstance(x, dict) else None
    return _newobj, (cls,), state, listiter, dictiter


def _reduce(x):
    cls = type(x)
    if (getattr(cls, '__reduce_ex__', None) is object.__reduce_ex__
            and getattr(cls, '__reduce__', None) is object.__reduce__):
        return _generic_reduce(x)
    reductor = getattr(x, '__reduce_ex__', None)
    if reductor is not None:
        rv = reductor(4)
    else:
        reductor = getattr(x, '__reduce__', None)
        if reductor is None:
            raise Error('un(shallow)copyable object of type %s' % type(x))
        rv = reductor()
    if isinstance(rv, str):
        raise Error('un(deep)copyable object of type %s' % type(x))
    return rv


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or issubclass(cls, type):
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        y = x
        for i, a in zip(items, x):
            if i is not a:
                y = tuple(items)
                break
    elif cls in (set, bytearray):
        y = cls(deepcopy(a, memo) for a in x) if cls is set else bytearray(x)
    else:
        dc = getattr(x, '__deepcopy__', None)
        if dc is not None:
            y = dc(memo)
        else:
            y = _reconstruct(x, memo, *_reduce(x))
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None,
                 dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(a, memo) for a in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
