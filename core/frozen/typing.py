"""Runtime support for type hints (ferropy's own small implementation of
CPython's ``typing``): the names import and subscript, reprs and
``__origin__``/``__args__`` match CPython's; no static checking."""

TYPE_CHECKING = False


def _trepr(t):
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return '%s.%s' % (t.__module__, t.__qualname__)
    if t is ...:
        return '...'
    if type(t).__name__ == 'function':
        return t.__name__
    return repr(t)


def _tparam(t, msg='Parameters to generic types must be types.'):
    if t is None:
        return type(None)
    if isinstance(t, str):
        return ForwardRef(t)
    if isinstance(t, _Special) and t._name in ('ClassVar', 'Final', 'Generic', 'Protocol'):
        raise TypeError('Plain %r is not valid as type argument' % t)
    if not callable(t) and not isinstance(t, (_Special, TypeVar, ForwardRef, tuple, list)) \
            and t is not ...:
        raise TypeError('%s Got %.100r.' % (msg, t))
    return t


def _tuple(p):
    return p if isinstance(p, tuple) else (p,)


class ForwardRef:
    __slots__ = ('__forward_arg__',)

    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError('Forward reference must be a string -- got %r' % (arg,))
        self.__forward_arg__ = arg

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return 'ForwardRef(%r)' % self.__forward_arg__

    def _evaluate(self, g, l):
        return eval(self.__forward_arg__, g, l)


class _Final:
    __slots__ = ()

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _Special(_Final):
    __slots__ = ('_name', '_sub')

    def __init__(self, name, sub=None):
        self._name = name
        self._sub = sub

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *a, **k):
        if self._name == 'Any':
            raise TypeError('Any cannot be instantiated')
        raise TypeError('Cannot instantiate %r' % self)

    def __instancecheck__(self, obj):
        raise TypeError('typing.%s cannot be used with isinstance()' % self._name)

    def __subclasscheck__(self, cls):
        raise TypeError('typing.%s cannot be used with issubclass()' % self._name)

    def __getitem__(self, params):
        if self._sub is None:
            raise TypeError('%r is not subscriptable' % self)
        return self._sub(self, params)

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass %r' % self)


class _GenericAlias(_Final):
    def __init__(self, origin, args, name=None, special=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._special = special
        ps = []
        for a in args:
            for p in ((a,) if isinstance(a, TypeVar) else getattr(a, '__parameters__', ())):
                if isinstance(p, TypeVar) and p not in ps:
                    ps.append(p)
        self.__parameters__ = tuple(ps)

    def __repr__(self):
        name = ('typing.' + self._name) if self._name else _trepr(self.__origin__)
        if self._special is not None:
            return self._special(self)
        if not self.__args__:
            return name + '[()]'
        return '%s[%s]' % (name, ', '.join(_trepr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self.__origin__ is Literal and other.__origin__ is Literal:
            return _lit_set(self.__args__) == _lit_set(other.__args__)
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        if self.__origin__ is Literal:
            return hash(_lit_set(self.__args__))
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        o = self.__origin__
        if isinstance(o, _Special) or not callable(o):
            raise TypeError('Type %s cannot be instantiated' % self._name)
        r = o(*args, **kwargs)
        try:
            r.__orig_class__ = self
        except Exception:
            pass
        return r

    def __getitem__(self, params):
        params = _tuple(params)
        if len(params) != len(self.__parameters__):
            raise TypeError('Too %s arguments for %r' % (
                'many' if len(params) > len(self.__parameters__) else 'few', self))
        m = dict(zip(self.__parameters__, params))

        def sub(a):
            if isinstance(a, TypeVar):
                return m[a]
            if isinstance(a, _GenericAlias) and a.__parameters__:
                return a[tuple(m[p] for p in a.__parameters__)]
            return a
        return _GenericAlias(self.__origin__, tuple(sub(a) for a in self.__args__),
                             self._name, self._special)

    def __mro_entries__(self, bases):
        o = self.__origin__
        if isinstance(o, _Special):
            raise TypeError('Cannot subclass %r' % self)
        res = [] if self._name is None else [o]
        if Generic not in bases and not (isinstance(o, type) and issubclass(o, Generic)):
            res.append(Generic)
        elif o not in res and self._name is None:
            res.append(o)
        for b in bases[bases.index(self) + 1:]:
            if isinstance(b, _GenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                if Generic in res:
                    res.remove(Generic)
        return tuple(res)

    def __instancecheck__(self, obj):
        raise TypeError('Subscripted generics cannot be used with class and instance checks')

    __subclasscheck__ = __instancecheck__

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__') or attr == '_name':
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


class _Alias(_Final):
    """An unsubscripted alias of a builtin class: ``List``, ``Dict``..."""

    def __init__(self, origin, nparams, name=None):
        self.__origin__ = origin
        self._n = nparams
        self._name = name or origin.__name__.capitalize()

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        params = tuple(_tparam(p) for p in _tuple(params))
        if self._n >= 0 and len(params) != self._n:
            raise TypeError('Too %s arguments for %r; actual %d, expected %d' % (
                'many' if len(params) > self._n else 'few', self, len(params), self._n))
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError('Type %s cannot be instantiated; use %s() instead'
                        % (self._name, self.__origin__.__name__))

    def __instancecheck__(self, obj):
        return isinstance(obj, self.__origin__)

    def __subclasscheck__(self, cls):
        return issubclass(cls, self.__origin__)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, attr):
        if attr.startswith('__') and attr.endswith('__') or attr == '_name':
            raise AttributeError(attr)
        return getattr(self.__origin__, attr)


# --- special forms -----------------------------------------------------

def _union_repr(g):
    a = g.__args__
    if len(a) == 2 and type(None) in a:
        return 'typing.Optional[%s]' % _trepr(a[0] if a[1] is type(None) else a[1])
    return 'typing.Union[%s]' % ', '.join(_trepr(x) for x in a)


def _flatten(params):
    out = []
    for p in params:
        if isinstance(p, _GenericAlias) and p.__origin__ is Union:
            ps = p.__args__
        elif type(p).__name__ == 'UnionType':
            ps = p.__args__
        else:
            ps = (p,)
        for x in ps:
            if x not in out:
                out.append(x)
    return tuple(out)


def _union(self, params):
    if params == ():
        raise TypeError('Cannot take a Union of no types.')
    params = _flatten(_tparam(p, 'Union[arg, ...]: each arg must be a type.')
                      for p in _tuple(params))
    if len(params) == 1:
        return params[0]
    return _GenericAlias(Union, params, 'Union', _union_repr)


def _optional(self, param):
    return Union[_tparam(param, 'Optional[t] requires a single type.'), None]


def _one(self, param):
    if isinstance(param, tuple):
        raise TypeError('%r accepts only single type.' % self)
    return _GenericAlias(self, (_tparam(param),), self._name)


def _lit_set(args):
    return frozenset((a, type(a)) for a in args)


def _literal(self, params):
    out = []
    for p in _tuple(params):
        if p not in out:
            out.append(p)
    return _GenericAlias(self, tuple(out), 'Literal')


def _annotated(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError('Annotated[...] should be used with at least two arguments '
                        '(a type and an annotation).')
    g = _GenericAlias(params[0], (params[0],), None,
                      lambda g: 'typing.Annotated[%s, %s]' % (
                          _trepr(g.__origin__), ', '.join(repr(m) for m in g.__metadata__)))
    g.__metadata__ = params[1:]
    return g


def _concat(self, params):
    return _GenericAlias(self, _tuple(params), self._name)


Any = _Special('Any')
NoReturn = _Special('NoReturn')
Never = _Special('Never')
Self = _Special('Self')
LiteralString = _Special('LiteralString')
TypeAlias = _Special('TypeAlias')
Union = _Special('Union', _union)
Optional = _Special('Optional', _optional)
ClassVar = _Special('ClassVar', _one)
Final = _Special('Final', _one)
Required = _Special('Required', _one)
NotRequired = _Special('NotRequired', _one)
TypeGuard = _Special('TypeGuard', _one)
Literal = _Special('Literal', _literal)
Annotated = _Special('Annotated', _annotated)
Concatenate = _Special('Concatenate', _concat)


def _callable_repr(g):
    a = g.__args__
    if len(a) == 2 and a[0] is ...:
        return 'typing.Callable[..., %s]' % _trepr(a[1])
    return 'typing.Callable[[%s], %s]' % (', '.join(_trepr(x) for x in a[:-1]), _trepr(a[-1]))


class _CallableAlias(_Alias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if isinstance(args, list):
            args = tuple(_tparam(a) for a in args)
        elif args is ...:
            args = (...,)
        else:
            raise TypeError('Callable[args, result]: args must be a list. Got %.100r.' % (args,))
        return _GenericAlias(self.__origin__, args + (_tparam(result),), 'Callable',
                             _callable_repr)


class _TupleAlias(_Alias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), 'Tuple')
        params = _tuple(params)
        if len(params) == 2 and params[1] is ...:
            return _GenericAlias(tuple, (_tparam(params[0]), ...), 'Tuple')
        return _GenericAlias(tuple, tuple(_tparam(p) for p in params), 'Tuple')


class _LazyAlias(_Alias):
    """An alias whose origin is imported on first use (collections.abc...)."""

    def __init__(self, mod, attr, n, name=None):
        self._mod = mod
        self._attr = attr
        self._n = n
        self._name = name or attr

    def __getattr__(self, attr):
        if attr == '__origin__':
            o = getattr(__import__(self._mod, None, None, ['x']), self._attr)
            self.__origin__ = o
            return o
        return _Alias.__getattr__(self, attr)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


class _CallableAlias(_LazyAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError('Callable must be used as Callable[[arg, ...], result].')
        args, result = params
        if isinstance(args, list):
            args = tuple(_tparam(a) for a in args)
        elif args is ...:
            args = (...,)
        else:
            raise TypeError('Callable[args, result]: args must be a list. Got %.100r.' % (args,))
        return _GenericAlias(self.__origin__, args + (_tparam(result),), 'Callable',
                             _callable_repr)


class _TupleAlias(_Alias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), 'Tuple')
        params = _tuple(params)
        if len(params) == 2 and params[1] is ...:
            return _GenericAlias(tuple, (_tparam(params[0]), ...), 'Tuple')
        return _GenericAlias(tuple, tuple(_tparam(p) for p in params), 'Tuple')


List = _Alias(list, 1)
Dict = _Alias(dict, 2)
Set = _Alias(set, 1)
FrozenSet = _Alias(frozenset, 1, 'FrozenSet')
Tuple = _TupleAlias(tuple, -1)
Type = _Alias(type, 1)
Text = str
Callable = _CallableAlias('collections.abc', 'Callable', -1)
for _n, _k in (('Iterable', 1), ('Iterator', 1), ('Generator', 3), ('Sequence', 1),
               ('MutableSequence', 1), ('Mapping', 2), ('MutableMapping', 2),
               ('AbstractSet', 1), ('MutableSet', 1), ('Collection', 1), ('Container', 1),
               ('Hashable', 0), ('Sized', 0), ('Reversible', 1), ('Awaitable', 1),
               ('Coroutine', 3), ('AsyncIterable', 1), ('AsyncIterator', 1),
               ('AsyncGenerator', 2), ('KeysView', 1), ('ItemsView', 2), ('ValuesView', 1),
               ('MappingView', 1)):
    globals()[_n] = _LazyAlias('collections.abc', 'Set' if _n == 'AbstractSet' else _n, _k, _n)
for _n, _a, _k in (('Deque', 'deque', 1), ('DefaultDict', 'defaultdict', 2),
                   ('OrderedDict', 'OrderedDict', 2), ('Counter', 'Counter', 1),
                   ('ChainMap', 'ChainMap', 2)):
    globals()[_n] = _LazyAlias('collections', _a, _k, _n)
del _n, _k, _a


# --- TypeVar, Generic, Protocol -----------------------------------------

class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError('Bivariant types are not supported.')
        if len(constraints) == 1:
            raise TypeError('A single constraint is not allowed')
        self.__name__ = name
        self.__constraints__ = tuple(_tparam(c) for c in constraints)
        self.__bound__ = None if bound is None else _tparam(bound)
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        p = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return p + self.__name__

    def __mro_entries__(self, bases):
        raise TypeError('Cannot subclass an instance of TypeVar')


AnyStr = TypeVar('AnyStr', bytes, str)
T = TypeVar('T')
KT = TypeVar('KT')
VT = TypeVar('VT')


class ParamSpec(_Final):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name

    def __repr__(self):
        return '~' + self.__name__


class Generic:
    __slots__ = ()
    _is_protocol = False

    def __class_getitem__(cls, params):
        params = tuple(_tparam(p) for p in _tuple(params))
        if not params and cls is not Tuple:
            raise TypeError('Parameter list to %s[...] cannot be empty' % cls.__qualname__)
        if cls in (Generic, Protocol):
            for p in params:
                if not isinstance(p, (TypeVar, ParamSpec)):
                    raise TypeError('Parameters to %s[...] must all be type variables'
                                    % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError('Parameters to %s[...] must all be unique' % cls.__name__)
        else:
            n = len(getattr(cls, '__parameters__', ()))
            if len(params) != n:
                raise TypeError('Too %s arguments for %s; actual %d, expected %d' % (
                    'many' if len(params) > n else 'few', cls, len(params), n))
        return _GenericAlias(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        tvars = []
        gvars = None
        for b in cls.__dict__.get('__orig_bases__', ()):
            if isinstance(b, _GenericAlias) and b.__origin__ in (Generic, Protocol):
                gvars = b.__parameters__
            for p in getattr(b, '__parameters__', ()):
                if p not in tvars:
                    tvars.append(p)
        if gvars is not None:
            tvars = list(gvars)
        cls.__parameters__ = tuple(tvars)


def _proto_attrs(cls):
    attrs = set()
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic'):
            continue
        for a in list(base.__dict__) + list(base.__dict__.get('__annotations__', {})):
            if not a.startswith('_abc_') and a not in (
                    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
                    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__',
                    '__weakref__', '__class_getitem__', '__parameters__', '__orig_bases__',
                    '_is_protocol', '_is_runtime_protocol', '__qualname__',
                    '__init_subclass__', '__protocol_attrs__'):
                attrs.add(a)
    return attrs


class _ProtocolMeta(type):
    def __instancecheck__(cls, obj):
        if cls.__dict__.get('_is_protocol', False):
            if not cls.__dict__.get('_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with '
                                '@runtime_checkable protocols')
            for a in _proto_attrs(cls):
                if not hasattr(obj, a):
                    return False
            return True
        return type.__instancecheck__(cls, obj)

    def __subclasscheck__(cls, sub):
        if cls.__dict__.get('_is_protocol', False):
            if not cls.__dict__.get('_is_runtime_protocol', False):
                raise TypeError('Instance and class checks can only be used with '
                                '@runtime_checkable protocols')
            for a in _proto_attrs(cls):
                if not any(a in b.__dict__ for b in sub.__mro__):
                    return False
            return True
        return type.__subclasscheck__(cls, sub)


class Protocol(Generic, metaclass=_ProtocolMeta):
    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if '_is_protocol' not in cls.__dict__:
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)
        if cls._is_protocol and cls.__init__ is Protocol.__init__:
            cls.__init__ = _no_init

    def __init__(self, *a, **k):
        pass


def _no_init(self, *args, **kwargs):
    if type(self)._is_protocol:
        raise TypeError('Protocols cannot be instantiated')


def runtime_checkable(cls):
    if not cls.__dict__.get('_is_protocol', False):
        raise TypeError('@runtime_checkable can be only applied to protocol classes, got %r'
                        % cls)
    cls._is_runtime_protocol = True
    return cls


# --- NamedTuple, TypedDict, NewType -------------------------------------

def _make_nt(name, fields, defaults, module):
    from collections import namedtuple
    nt = namedtuple(name, [f for f, _ in fields], defaults=defaults, module=module)
    nt.__annotations__ = dict(fields)
    return nt


class _NamedTupleMeta(type):
    def __new__(mcls, name, bases, ns):
        if ns.get('_root'):
            return type.__new__(mcls, name, bases, ns)
        ann = ns.get('__annotations__', {})
        defaults = []
        for f in ann:
            if f in ns:
                defaults.append(ns[f])
            elif defaults:
                raise TypeError('Non-default namedtuple field %s cannot follow default '
                                'field%s %s' % (f, 's' if len(defaults) > 1 else '',
                                                ', '.join(list(ann)[:0])))
        nt = _make_nt(name, list(ann.items()), defaults, ns.get('__module__'))
        for k, v in ns.items():
            if k in ('_fields', '_make', '_replace', '_asdict', '_field_defaults',
                     '__new__', '__init__', '__slots__', '__getnewargs__'):
                if k in ('__new__', '__init__', '_make', '_replace', '_asdict', '_fields'):
                    raise AttributeError('Cannot overwrite NamedTuple attribute ' + k)
                continue
            if k not in ann and k not in ('__annotations__', '__module__', '__qualname__'):
                setattr(nt, k, v)
        return nt

    def __call__(cls, typename, fields=None, /, **kwargs):
        if fields is None:
            fields = kwargs.items()
        return _make_nt(typename, list(fields), (), None)


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True


class _TypedDictMeta(type):
    def __new__(mcls, name, bases, ns, total=True):
        for b in bases:
            if type(b) is not _TypedDictMeta and b is not dict:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        tp = type.__new__(_TypedDictMeta, name, (dict,), ns)
        ann = {}
        req = set()
        opt = set()
        for b in bases:
            ann.update(b.__dict__.get('__annotations__', {}))
            req.update(b.__dict__.get('__required_keys__', ()))
            opt.update(b.__dict__.get('__optional_keys__', ()))
        own = ns.get('__annotations__', {})
        ann.update(own)
        for k, v in own.items():
            o = getattr(v, '__origin__', None)
            if o is Required or (total and o is not NotRequired):
                req.add(k)
            else:
                opt.add(k)
        tp.__annotations__ = ann
        tp.__required_keys__ = frozenset(req)
        tp.__optional_keys__ = frozenset(opt)
        if not hasattr(tp, '__total__'):
            tp.__total__ = total
        return tp

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, obj):
        raise TypeError('TypedDict does not support instance and class checks')

    __subclasscheck__ = __instancecheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields)}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})
TypedDict.__mro_entries__ = lambda bases: (_TypedDict,)


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = self.__name__ = name
        self.__supertype__ = tp
        try:
            import sys
            self.__module__ = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


# --- functions ----------------------------------------------------------

def cast(typ, val):
    return val


def assert_type(val, typ, /):
    return val


def assert_never(arg, /):
    raise AssertionError('Expected code to be unreachable, but got: %.100r' % (arg,))


def reveal_type(obj, /):
    import sys
    print('Runtime type is %r' % type(obj).__name__, file=sys.stderr)
    return obj


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            'You should not call an overloaded function. A series of @overload-decorated '
            'functions outside a stub module should always be followed by an implementation '
            'that is not @overload-ed.')
    return _overload_dummy


def final(f):
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def no_type_check_decorator(decorator):
    return decorator


def dataclass_transform(**kwargs):
    return lambda f: f


def get_origin(tp):
    if isinstance(tp, _GenericAlias):
        if hasattr(tp, '__metadata__'):
            return Annotated
        return tp.__origin__
    if tp is Generic:
        return Generic
    if type(tp).__name__ in ('GenericAlias', 'UnionType'):
        return getattr(tp, '__origin__', Union) if type(tp).__name__ == 'GenericAlias' \
            else __import__('types').UnionType
    return None


def get_args(tp):
    if isinstance(tp, _GenericAlias):
        if hasattr(tp, '__metadata__'):
            return (tp.__origin__,) + tp.__metadata__
        a = tp.__args__
        if tp._special is _callable_repr and not (len(a) == 2 and a[0] is ...):
            return (list(a[:-1]), a[-1])
        return a
    if type(tp).__name__ in ('GenericAlias', 'UnionType'):
        return tp.__args__
    return ()


def _eval(t, g, l):
    if t is None:
        return type(None)
    if isinstance(t, str):
        t = ForwardRef(t)
    if isinstance(t, ForwardRef):
        return _eval(t._evaluate(g, l), g, l)
    if isinstance(t, _GenericAlias) and t.__args__ and not hasattr(t, '__metadata__'):
        new = tuple(_eval(a, g, l) if a is not ... else a for a in t.__args__)
        if new != t.__args__:
            return _GenericAlias(t.__origin__, new, t._name, t._special)
    return t


def _strip(t):
    if isinstance(t, _GenericAlias):
        if hasattr(t, '__metadata__'):
            return _strip(t.__origin__)
        if t.__origin__ in (Required, NotRequired):
            return _strip(t.__args__[0])
    return t


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    import sys
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            g = globalns
            if g is None:
                m = sys.modules.get(base.__module__)
                g = getattr(m, '__dict__', {})
            l = dict(vars(base)) if localns is None else localns
            for k, v in ann.items():
                hints[k] = _eval(v, g, l)
    else:
        ann = getattr(obj, '__annotations__', None)
        if ann is None:
            if hasattr(obj, '__call__') or type(obj).__name__ == 'module':
                return {}
            raise TypeError('%r is not a module, class, method, or function.' % (obj,))
        g = globalns
        if g is None:
            g = getattr(obj, '__globals__', None) or getattr(obj, '__dict__', {})
        for k, v in ann.items():
            hints[k] = _eval(v, g, localns)
    if include_extras:
        return hints
    return {k: _strip(v) for k, v in hints.items()}


ByteString = _Alias(bytes, 0, 'ByteString')
