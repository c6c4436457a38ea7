# Classic static types readied with PyType_Ready (tests/capi/classic.c).
import classic
from classic import Vec, Vec3, VecIter

print(Vec.__name__, Vec.__module__, Vec.__qualname__, Vec.__doc__)
print(repr(Vec), repr(Vec3), Vec3.__doc__, Vec.DIM)
print(Vec3.__base__ is Vec, Vec3.__mro__ == (Vec3, Vec, object), isinstance(Vec(), object))
print(classic.type_info(), classic.ready_again())

v = Vec(3.0, 4.0)
w = Vec(1.0, 2.0, tag="w")
print(v, w, v.x, v.y, w.tag, v.tag, v.hits)
print(v.dot(w), v.dot(w), v.hits, v.norm2, v.swapped)
v.swapped = Vec(10.0, 20.0)
print(v)
v.x = 3.0
v.y = 4.0
w.tag = [1, 2]
print(v, w.tag)
try:
    v.hits = 5
except AttributeError:
    print("AttributeError: hits")
try:
    v.dot(5)
except TypeError as e:
    print("TypeError:", e)
try:
    v.swapped = 1
except TypeError as e:
    print("TypeError:", e)
print(v.scaled(2.0), Vec.zero(), Vec.unit(), v.zero())

# Number, sequence, comparison and hash slots.
print(v + w, v * 2.0, 3 * w, -v, bool(v), bool(Vec()), float(v))
print(len(v), v[0], v[1], 4.0 in v, 5.0 in v, list(v), tuple(w))
v[0] = 6.0
print(v)
try:
    v[2]
except IndexError as e:
    print("IndexError:", e)
print(v == Vec(6.0, 4.0), v != Vec(6.0, 4.0), w < v, w >= v, hash(v) == hash(Vec(6.0, 4.0)))
try:
    v + 1
except TypeError:
    print("TypeError: +")

it = iter(w)
print(type(it) is VecIter, next(it), next(it), next(it, "end"))
try:
    VecIter()
except TypeError as e:
    print("TypeError:", e)

# The static subtype: inherited methods and slots, mapping slots, str.
u = Vec3(1.0, 2.0, 3.0)
print(repr(u), str(u), u.z, u.x, u["z"], len(u), u.dot(Vec(1.0, 1.0)))
u["z"] = 9.0
print(u, u + u, classic.is_vec(u), classic.exact_vec(u), classic.exact_vec(v))
try:
    u["q"]
except KeyError as e:
    print("KeyError:", e)


# Python subclasses of a static type.
class Named(Vec):
    def __init__(self, name, *args):
        super().__init__(*args)
        self.name = name

    def __repr__(self):
        return "Named(%s, %s)" % (self.name, Vec.__repr__(self))

    def total(self):
        return self.x + self.y


n = Named("n", 1.0, 2.0)
print(n, n.total(), n.name, n.dot(n), classic.is_vec(n), isinstance(n, Vec))
print(type(classic.alloc_like(n)).__name__, classic.alloc_like(n).x)
print(type(n + n).__name__, (n + n).x)

# Instance dicts (tp_dictoffset) and tp_call.
bag = classic.Bag()
bag.x = 1
bag.y = [2]
print(sorted(bag.__dict__.items()), bag(), bag(1, 2, k=3), callable(bag))


class SubBag(classic.Bag):
    pass


sb = SubBag()
sb.z = 3
print(sb.z, sb(), type(sb).__name__)

# Slot wrappers in the type dict (as CPython's).
v = Vec(1.0, 2.0)
print(Vec.__len__(v), v.__getitem__(1), v.__contains__(2.0), Vec.__eq__(v, Vec(1.0, 2.0)),
      Vec.__lt__(v, Vec(5.0, 5.0)), Vec.__ne__(v, v), Vec.__hash__(v) == hash(v))
print(Vec.__repr__(v), Vec3.__str__(Vec3(1.0, 2.0, 3.0)), hasattr(v, "__iter__"),
      hasattr(v, "__len__"), hasattr(v, "__call__"), hasattr(bag, "__call__"))
v.__setitem__(0, 9.0)
print(v, Vec.__eq__(v, 5), bag.__call__(1), list(iter(v).__iter__()))
it = iter(v)
print(VecIter.__next__(it), it.__next__())
try:
    it.__next__()
except StopIteration as e:
    print("StopIteration", e.args)
try:
    v.__delitem__(0)
except TypeError as e:
    print("TypeError:", e)


class Clamped(Vec):
    def __getitem__(self, i):
        return min(super().__getitem__(i), 5.0)

    def __eq__(self, other):
        return super().__eq__(other)

    __hash__ = Vec.__hash__


cl = Clamped(3.0, 8.0)
print(cl[0], cl[1], list(cl), cl == Vec(3.0, 8.0), hash(cl) == hash(Vec(3.0, 8.0)))

# Inherited C fields of a static subtype.
print(classic.inherited(), classic.slot_repr(Vec3(4.0, 5.0, 6.0)), classic.slot_repr(Vec(1.0, 1.0)))

# Number slot wrappers and abs() (nb_absolute).
v, w = Vec(1.0, 2.0), Vec(3.0, 4.0)
print(Vec.__add__(v, w), w.__radd__(v), v.__neg__(), v.__bool__(), v.__float__(), abs(w))
print(Vec.__mul__(v, 2.0), v.__rmul__(3), Vec.__add__(v, 1), hasattr(v, "__sub__"),
      hasattr(v, "__iadd__"), v.__abs__())


class Scaled(Vec):
    def __add__(self, other):
        r = super().__add__(other)
        return Vec(r.x * 10, r.y * 10)


print(Scaled(1.0, 1.0) + Vec(1.0, 2.0))

# sq_concat / sq_repeat without number slots.
t = classic.Tup(1, 2)
print(t + classic.Tup(3), t * 2, 3 * t, len(t * 0), list(t + t))
t += classic.Tup(9)
print(t)
for bad in [lambda: t + 1, lambda: t * "x", lambda: t - t]:
    try:
        bad()
    except TypeError as e:
        print("TypeError")

# tp_getattr / tp_setattr (char * names).
o = classic.Old()
o.value = 21
print(o.value, o.double, getattr(o, "value"))
for name in ["missing", "double"]:
    try:
        if name == "double":
            o.double = 1
        else:
            o.missing
    except AttributeError as e:
        print("AttributeError:", e)
