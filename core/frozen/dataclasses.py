"""Data classes (ferropy's own implementation of CPython's ``dataclasses``).
The generated methods are compiled from source with ``exec``, as CPython
does, so their signatures and error messages are CPython's."""

import sys

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar', 'KW_ONLY',
           'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass', 'replace',
           'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()

_FIELD = 'F'
_FIELD_CLASSVAR = 'C'
_FIELD_INITVAR = 'I'
_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'
_POST_INIT_NAME = '__post_init__'


class InitVar:
    __slots__ = ('type',)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        t = self.type
        if isinstance(t, type):
            t = t.__name__
        else:
            t = repr(t)
        return 'dataclasses.InitVar[%s]' % t

    def __class_getitem__(cls, type):
        return InitVar(type)


_proxy = type(type.__dict__)
_EMPTY = _proxy({})


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = _EMPTY if metadata is None else _proxy(metadata)
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)' % (
                    self.name, self.type, self.default, self.default_factory, self.init,
                    self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                    {_FIELD: '_FIELD', _FIELD_CLASSVAR: '_FIELD_CLASSVAR',
                     _FIELD_INITVAR: '_FIELD_INITVAR'}.get(self._field_type)))

    def __set_name__(self, owner, name):
        f = getattr(type(self.default), '__set_name__', None)
        if f:
            f(self.default, owner, name)


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams(init=%r,repr=%r,eq=%r,order=%r,unsafe_hash=%r,frozen=%r)'
                % (self.init, self.repr, self.eq, self.order, self.unsafe_hash, self.frozen))


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a):
    if isinstance(a, str):
        return a.startswith('ClassVar') or a.startswith('typing.ClassVar')
    t = sys.modules.get('typing')
    return t is not None and (a is t.ClassVar or getattr(a, '__origin__', None) is t.ClassVar)


def _is_initvar(a):
    if isinstance(a, str):
        return a.startswith('InitVar') or a.startswith('dataclasses.InitVar')
    return a is InitVar or type(a) is InitVar


def _is_kw_only(a):
    return a is KW_ONLY or isinstance(a, str) and a in ('KW_ONLY', 'dataclasses.KW_ONLY')


def _get_field(cls, name, a, kw_only):
    default = getattr(cls, name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if type(default).__name__ == 'member_descriptor':
            default = MISSING
        f = field(default=default)
    f.name = name
    f.type = a
    f._field_type = _FIELD
    if _is_classvar(a):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a):
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError('field %s cannot have a default factory' % name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError('field %s is a ClassVar but specifies kw_only' % name)
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError('mutable default %s for field %s is not allowed: use '
                         'default_factory' % (type(f.default), name))
    return f


def _create_fn(name, args, body, locs, globs, qualname):
    src = 'def __create_fn__(%s):\n def %s(%s):\n%s\n return %s' % (
        ', '.join(locs), name, ', '.join(args), '\n'.join('  ' + b for b in body), name)
    ns = {}
    exec(src, globs, ns)
    fn = ns['__create_fn__'](**locs)
    fn.__qualname__ = qualname + '.' + name
    return fn


def _set_new(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _field_assign(frozen, name, value, self_name):
    if frozen:
        return '__dataclass_builtins_object__.__setattr__(%s, %r, %s)' % (
            self_name, name, value)
    return '%s.%s = %s' % (self_name, name, value)


def _init_fn(cls, fields, std, kw, frozen, has_post_init, self_name, globs):
    seen_default = False
    for f in std:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError('non-default argument %r follows default argument' % f.name)
    locs = {'MISSING': MISSING, '_HAS_DEFAULT_FACTORY': _HAS_DEFAULT_FACTORY,
            '__dataclass_builtins_object__': object}
    body = []
    for f in fields:
        if f.default_factory is not MISSING:
            locs['_dflt_' + f.name] = f.default_factory
        elif f.default is not MISSING:
            locs['_dflt_' + f.name] = f.default
        if f._field_type is _FIELD_INITVAR:
            continue
        if f.default_factory is not MISSING:
            if f.init:
                v = '_dflt_%s() if %s is _HAS_DEFAULT_FACTORY else %s' % (
                    f.name, f.name, f.name)
            else:
                v = '_dflt_%s()' % f.name
        elif f.init:
            v = f.name
        elif f.default is not MISSING:
            v = '_dflt_' + f.name
        else:
            continue
        body.append(_field_assign(frozen, f.name, v, self_name))
    if has_post_init:
        body.append('%s.%s(%s)' % (self_name, _POST_INIT_NAME, ', '.join(
            f.name for f in fields if f._field_type is _FIELD_INITVAR)))
    if not body:
        body = ['pass']

    def arg(f):
        if f.default_factory is not MISSING:
            return f.name + '=_HAS_DEFAULT_FACTORY'
        if f.default is not MISSING:
            return '%s=_dflt_%s' % (f.name, f.name)
        return f.name
    args = [self_name] + [arg(f) for f in std if f.init]
    if any(f.init for f in kw):
        args += ['*'] + [arg(f) for f in kw if f.init]
    return _create_fn('__init__', args, body, locs, globs, cls.__qualname__)


def _tuple_str(obj, fields):
    if not fields:
        return '()'
    return '(%s,)' % ','.join('%s.%s' % (obj, f.name) for f in fields)


def _repr_fn(cls, fields, globs):
    fn = _create_fn('__repr__', ['self'], [
        'return self.__class__.__qualname__ + f"(%s)"' % ', '.join(
            '%s={self.%s!r}' % (f.name, f.name) for f in fields)], {}, globs, cls.__qualname__)
    running = set()

    def __repr__(self):
        key = (id(self), _thread_id())
        if key in running:
            return '...'
        running.add(key)
        try:
            return fn(self)
        finally:
            running.discard(key)
    __repr__.__qualname__ = fn.__qualname__
    return __repr__


def _thread_id():
    return 0


def _cmp_fn(cls, name, op, fields, globs):
    self_t = _tuple_str('self', fields)
    other_t = _tuple_str('other', fields)
    return _create_fn(name, ['self', 'other'], [
        'if other.__class__ is self.__class__:',
        ' return %s %s %s' % (self_t, op, other_t),
        'return NotImplemented'], {}, globs, cls.__qualname__)


def _frozen_fns(cls, fields, globs):
    locs = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
    cond = 'type(self) is cls'
    if fields:
        cond += ' or name in {%s}' % ', '.join(repr(f.name) for f in fields)
    out = []
    for name, args, msg in (('__setattr__', ['self', 'name', 'value'], 'assign to'),
                            ('__delattr__', ['self', 'name'], 'delete')):
        out.append(_create_fn(name, args, [
            'if %s:' % cond,
            ' raise FrozenInstanceError(f"cannot %s field {name!r}")' % msg,
            'super(cls, self).%s(%s)' % (name, ', '.join(args[1:]))], locs, globs,
            cls.__qualname__))
    return out


def _hash_fn(cls, fields, globs):
    return _create_fn('__hash__', ['self'], ['return hash(%s)' % _tuple_str('self', fields)],
                      {}, globs, cls.__qualname__)


def _ann_str(a):
    if isinstance(a, type):
        if a.__module__ == 'builtins':
            return a.__qualname__
        return a.__module__ + '.' + a.__qualname__
    return repr(a).replace('typing.', '')


def _sig_doc(std, kw):
    def one(f):
        s = '%s: %s' % (f.name, _ann_str(f.type))
        if f.default_factory is not MISSING:
            s += ' = <factory>'
        elif f.default is not MISSING:
            s += ' = %r' % (f.default,)
        return s
    parts = [one(f) for f in std if f.init]
    if any(f.init for f in kw):
        parts += ['*'] + [one(f) for f in kw if f.init]
    return '(%s)' % ', '.join(parts)


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots):
    fields = {}
    globs = getattr(sys.modules.get(cls.__module__), '__dict__', {})
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True
    ann = cls.__dict__.get('__annotations__', {})
    own = []
    kw = False
    for name, a in ann.items():
        if _is_kw_only(a):
            if kw:
                raise TypeError('%r is KW_ONLY, but KW_ONLY has already been specified'
                                % name)
            kw = True
        else:
            own.append(_get_field(cls, name, a, kw_only or kw))
    for f in own:
        fields[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in ann:
            raise TypeError('%r is a field but has no type annotation' % name)
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if not any_frozen_base and frozen:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    setattr(cls, _FIELDS, fields)
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING or
                             (class_hash is None and '__eq__' in cls.__dict__))
    if order and not eq:
        raise ValueError('eq must be true if order is true')
    all_init = [f for f in fields.values() if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std = [f for f in all_init if not f.kw_only]
    kwf = [f for f in all_init if f.kw_only]
    flds = [f for f in fields.values() if f._field_type is _FIELD]
    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new(cls, '__init__', _init_fn(cls, all_init, std, kwf, frozen, has_post_init,
                                           '__dataclass_self__' if 'self' in fields
                                           else 'self', globs))
    if repr:
        _set_new(cls, '__repr__', _repr_fn(cls, [f for f in flds if f.repr], globs))
    cmp = [f for f in flds if f.compare]
    if eq:
        _set_new(cls, '__eq__', _cmp_fn(cls, '__eq__', '==', cmp, globs))
    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            if _set_new(cls, name, _cmp_fn(cls, name, op, cmp, globs)):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (name, cls.__name__))
    if frozen:
        for fn in _frozen_fns(cls, flds, globs):
            if _set_new(cls, fn.__name__, fn):
                raise TypeError('Cannot overwrite attribute %s in class %s'
                                % (fn.__name__, cls.__name__))
    hflds = [f for f in flds if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        cls.__hash__ = _hash_fn(cls, hflds, globs)
    elif not has_explicit_hash and eq:
        if frozen:
            cls.__hash__ = _hash_fn(cls, hflds, globs)
        else:
            cls.__hash__ = None
    if not getattr(cls, '__doc__'):
        cls.__doc__ = cls.__name__ + _sig_doc(std, kwf) if init else cls.__name__ + '()'
    if match_args:
        _set_new(cls, '__match_args__', tuple(f.name for f in std if f.init))
    if slots:
        cls = _add_slots(cls, frozen)
    return cls


def _add_slots(cls, is_frozen):
    d = dict(cls.__dict__)
    names = tuple(f.name for f in fields(cls))
    if '__slots__' in d:
        raise TypeError('%s already specifies __slots__' % cls.__name__)
    inherited = set()
    for b in cls.__mro__[1:-1]:
        inherited.update(getattr(b, '__slots__', ()))
    d['__slots__'] = tuple(n for n in names if n not in inherited)
    for n in names:
        d.pop(n, None)
    d.pop('__dict__', None)
    d.pop('__weakref__', None)
    qual = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, d)
    if qual is not None:
        cls.__qualname__ = qual
    if is_frozen:
        def __getstate__(self):
            return [getattr(self, n) for n in names]

        def __setstate__(self, state):
            for n, v in zip(names, state):
                object.__setattr__(self, n, v)
        cls.__getstate__ = __getstate__
        cls.__setstate__ = __setstate__
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fs.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _conv(obj, factory, inner):
    if _is_dataclass_instance(obj):
        return inner(obj, factory)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_conv(v, factory, inner) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_conv(v, factory, inner) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_conv(k, factory, inner), _conv(v, factory, inner))
                         for k, v in obj.items())
    import copy
    return copy.deepcopy(obj)


def _asdict_inner(obj, factory):
    return factory([(f.name, _conv(getattr(obj, f.name), factory, _asdict_inner))
                    for f in fields(obj)])


def _astuple_inner(obj, factory):
    return factory([_conv(getattr(obj, f.name), factory, _astuple_inner)
                    for f in fields(obj)])


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError('field %s is declared with init=False, it cannot be '
                                 'specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar %r must be specified with replace()" % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True,
                   kw_only=False, slots=False, weakref_slot=False, module=None):
    ns = dict(namespace or {})
    ann = {}
    seen = set()
    for item in fields:
        if isinstance(item, str):
            name, tp = item, 'typing.Any'
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            ns[name] = spec
        else:
            raise TypeError('Invalid field: %r' % (item,))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError('Field names must be valid identifiers: %r' % (name,))
        if name in seen:
            raise TypeError('Field name duplicated: %r' % (name,))
        seen.add(name)
        ann[name] = tp
    ns['__annotations__'] = ann
    if module is None:
        try:
            module = sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            module = '__main__'
    ns['__module__'] = module
    cls = type(cls_name, bases, ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order, unsafe_hash=unsafe_hash,
                     frozen=frozen, match_args=match_args, kw_only=kw_only, slots=slots)
