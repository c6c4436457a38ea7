/* Classic static types (PyType_Ready), written as CPython's "Defining
 * Extension Types" tutorial does: a Vec type with a positional static
 * initialiser, methods, members, getsets, new/init/dealloc, repr,
 * richcompare, number, sequence and mapping slots; an iterator type with
 * designated initialisers; a static subtype; constants in tp_dict. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    double x, y;
    int hits;
    PyObject *tag; /* may be NULL */
} VecObject;

static PyTypeObject VecType;
static PyTypeObject VecIterType;
static PyTypeObject Vec3Type;

static void Vec_dealloc(VecObject *self) {
    Py_XDECREF(self->tag);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *Vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    VecObject *self = (VecObject *)type->tp_alloc(type, 0);
    if (self != NULL) {
        self->x = self->y = 0.0;
        self->hits = 0;
        self->tag = NULL;
    }
    return (PyObject *)self;
}

static int Vec_init(VecObject *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"x", "y", "tag", NULL};
    PyObject *tag = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ddO", kwlist, &self->x, &self->y, &tag))
        return -1;
    if (tag) {
        Py_INCREF(tag);
        Py_XSETREF(self->tag, tag);
    }
    return 0;
}

static PyObject *new_vec(PyTypeObject *t, double x, double y) {
    VecObject *v = (VecObject *)t->tp_alloc(t, 0);
    if (v) {
        v->x = x;
        v->y = y;
    }
    return (PyObject *)v;
}

static PyObject *Vec_repr(VecObject *self) {
    char buf[96];
    snprintf(buf, sizeof buf, "%s(%g, %g)", Py_TYPE(self)->tp_name, self->x, self->y);
    return PyUnicode_FromString(buf);
}

static PyObject *Vec_richcompare(PyObject *a, PyObject *b, int op) {
    if (!PyObject_TypeCheck(a, &VecType) || !PyObject_TypeCheck(b, &VecType))
        Py_RETURN_NOTIMPLEMENTED;
    VecObject *u = (VecObject *)a, *v = (VecObject *)b;
    double nu = u->x * u->x + u->y * u->y, nv = v->x * v->x + v->y * v->y;
    int r;
    switch (op) {
    case Py_EQ: r = u->x == v->x && u->y == v->y; break;
    case Py_NE: r = !(u->x == v->x && u->y == v->y); break;
    case Py_LT: r = nu < nv; break;
    case Py_LE: r = nu <= nv; break;
    case Py_GT: r = nu > nv; break;
    default: r = nu >= nv; break;
    }
    return PyBool_FromLong(r);
}

static Py_hash_t Vec_hash(VecObject *self) {
    Py_hash_t h = (Py_hash_t)(self->x * 1000003.0 + self->y);
    return h == -1 ? -2 : h;
}

/* Number slots. */
static PyObject *Vec_add(PyObject *a, PyObject *b) {
    if (!PyObject_TypeCheck(a, &VecType) || !PyObject_TypeCheck(b, &VecType))
        Py_RETURN_NOTIMPLEMENTED;
    VecObject *u = (VecObject *)a, *v = (VecObject *)b;
    return new_vec(Py_TYPE(a), u->x + v->x, u->y + v->y);
}
static PyObject *Vec_mul(PyObject *a, PyObject *b) {
    if (PyObject_TypeCheck(a, &VecType) && PyFloat_Check(b)) {
        double k = PyFloat_AsDouble(b);
        return new_vec(Py_TYPE(a), ((VecObject *)a)->x * k, ((VecObject *)a)->y * k);
    }
    if (PyObject_TypeCheck(b, &VecType) && PyLong_Check(a)) {
        double k = (double)PyLong_AsLong(a);
        return new_vec(Py_TYPE(b), ((VecObject *)b)->x * k, ((VecObject *)b)->y * k);
    }
    Py_RETURN_NOTIMPLEMENTED;
}
static PyObject *Vec_neg(VecObject *self) { return new_vec(Py_TYPE(self), -self->x, -self->y); }
static int Vec_bool(VecObject *self) { return self->x != 0.0 || self->y != 0.0; }
static PyObject *Vec_float(VecObject *self) { return PyFloat_FromDouble(self->x + self->y); }
static PyObject *Vec_abs(VecObject *self) {
    return PyFloat_FromDouble(self->x * self->x + self->y * self->y);
}

static PyNumberMethods Vec_as_number = {
    .nb_add = Vec_add,
    .nb_multiply = Vec_mul,
    .nb_negative = (unaryfunc)Vec_neg,
    .nb_absolute = (unaryfunc)Vec_abs,
    .nb_bool = (inquiry)Vec_bool,
    .nb_float = (unaryfunc)Vec_float,
};

/* Sequence slots: v[0], v[1], len(v) == 2, `in`. */
static Py_ssize_t Vec_len(PyObject *self) { return 2; }
static PyObject *Vec_item(VecObject *self, Py_ssize_t i) {
    if (i == 0) return PyFloat_FromDouble(self->x);
    if (i == 1) return PyFloat_FromDouble(self->y);
    PyErr_SetString(PyExc_IndexError, "Vec index out of range");
    return NULL;
}
static int Vec_ass_item(VecObject *self, Py_ssize_t i, PyObject *v) {
    if (v == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete Vec items");
        return -1;
    }
    double d = PyFloat_AsDouble(v);
    if (d == -1.0 && PyErr_Occurred()) return -1;
    if (i == 0) self->x = d;
    else if (i == 1) self->y = d;
    else {
        PyErr_SetString(PyExc_IndexError, "Vec assignment index out of range");
        return -1;
    }
    return 0;
}
static int Vec_contains(VecObject *self, PyObject *v) {
    double d = PyFloat_AsDouble(v);
    if (d == -1.0 && PyErr_Occurred()) return -1;
    return d == self->x || d == self->y;
}

static PySequenceMethods Vec_as_sequence = {
    Vec_len,                        /* sq_length */
    0,                              /* sq_concat */
    0,                              /* sq_repeat */
    (ssizeargfunc)Vec_item,         /* sq_item */
    0,                              /* was_sq_slice */
    (ssizeobjargproc)Vec_ass_item,  /* sq_ass_item */
    0,                              /* was_sq_ass_slice */
    (objobjproc)Vec_contains,       /* sq_contains */
};

/* Methods, members, getsets. */
static PyObject *Vec_dot(VecObject *self, PyObject *other) {
    if (!PyObject_TypeCheck(other, &VecType)) {
        /* Py_TYPE(o)->tp_* is only readable for types readied here (and
         * their subclasses) on ferropy: name other types by function. */
        PyErr_Format(PyExc_TypeError, "dot() needs a Vec, not %s", _PyType_Name(Py_TYPE(other)));
        return NULL;
    }
    VecObject *o = (VecObject *)other;
    self->hits++;
    return PyFloat_FromDouble(self->x * o->x + self->y * o->y);
}
static PyObject *Vec_scaled(VecObject *self, PyObject *args) {
    double k;
    if (!PyArg_ParseTuple(args, "d", &k)) return NULL;
    return new_vec(Py_TYPE(self), self->x * k, self->y * k);
}
static PyObject *Vec_zero(PyObject *cls, PyObject *unused) {
    return new_vec((PyTypeObject *)cls, 0.0, 0.0);
}
static PyObject *Vec_unit(PyObject *unused, PyObject *args) {
    return new_vec(&VecType, 1.0, 0.0);
}

static PyMethodDef Vec_methods[] = {
    {"dot", (PyCFunction)Vec_dot, METH_O, "Dot product."},
    {"scaled", (PyCFunction)Vec_scaled, METH_VARARGS, "A scaled copy."},
    {"zero", Vec_zero, METH_CLASS | METH_NOARGS, "The zero vector of the class."},
    {"unit", Vec_unit, METH_STATIC | METH_NOARGS, "The unit x vector."},
    {NULL}
};

static PyMemberDef Vec_members[] = {
    {"x", T_DOUBLE, offsetof(VecObject, x), 0, "x coordinate"},
    {"y", T_DOUBLE, offsetof(VecObject, y), 0, "y coordinate"},
    {"hits", T_INT, offsetof(VecObject, hits), READONLY, "dot() calls"},
    {"tag", T_OBJECT, offsetof(VecObject, tag), 0, "a tag"},
    {NULL}
};

static PyObject *Vec_get_norm2(VecObject *self, void *closure) {
    return PyFloat_FromDouble(self->x * self->x + self->y * self->y);
}
static PyObject *Vec_get_swapped(VecObject *self, void *closure) {
    return new_vec(Py_TYPE(self), self->y, self->x);
}
static int Vec_set_swapped(VecObject *self, PyObject *v, void *closure) {
    if (v == NULL || !PyObject_TypeCheck(v, &VecType)) {
        PyErr_SetString(PyExc_TypeError, "swapped must be a Vec");
        return -1;
    }
    self->x = ((VecObject *)v)->y;
    self->y = ((VecObject *)v)->x;
    return 0;
}

static PyGetSetDef Vec_getset[] = {
    {"norm2", (getter)Vec_get_norm2, NULL, "squared norm", NULL},
    {"swapped", (getter)Vec_get_swapped, (setter)Vec_set_swapped, "x and y swapped", NULL},
    {NULL}
};

static PyObject *Vec_iter(VecObject *self);

/* Positional initialiser, as in older extensions. */
static PyTypeObject VecType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "classic.Vec",                            /* tp_name */
    sizeof(VecObject),                        /* tp_basicsize */
    0,                                        /* tp_itemsize */
    (destructor)Vec_dealloc,                  /* tp_dealloc */
    0,                                        /* tp_vectorcall_offset */
    0,                                        /* tp_getattr */
    0,                                        /* tp_setattr */
    0,                                        /* tp_as_async */
    (reprfunc)Vec_repr,                       /* tp_repr */
    &Vec_as_number,                           /* tp_as_number */
    &Vec_as_sequence,                         /* tp_as_sequence */
    0,                                        /* tp_as_mapping */
    (hashfunc)Vec_hash,                       /* tp_hash */
    0,                                        /* tp_call */
    0,                                        /* tp_str */
    0,                                        /* tp_getattro */
    0,                                        /* tp_setattro */
    0,                                        /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, /* tp_flags */
    "A 2-D vector.",                          /* tp_doc */
    0,                                        /* tp_traverse */
    0,                                        /* tp_clear */
    Vec_richcompare,                          /* tp_richcompare */
    0,                                        /* tp_weaklistoffset */
    (getiterfunc)Vec_iter,                    /* tp_iter */
    0,                                        /* tp_iternext */
    Vec_methods,                              /* tp_methods */
    Vec_members,                              /* tp_members */
    Vec_getset,                               /* tp_getset */
    0,                                        /* tp_base */
    0,                                        /* tp_dict */
    0,                                        /* tp_descr_get */
    0,                                        /* tp_descr_set */
    0,                                        /* tp_dictoffset */
    (initproc)Vec_init,                       /* tp_init */
    0,                                        /* tp_alloc */
    Vec_new,                                  /* tp_new */
};

/* An iterator over the two coordinates (designated initialisers). */
typedef struct {
    PyObject_HEAD
    VecObject *vec;
    int i;
} VecIterObject;

static PyObject *Vec_iter(VecObject *self) {
    VecIterObject *it = PyObject_New(VecIterObject, &VecIterType);
    if (it == NULL) return NULL;
    Py_INCREF(self);
    it->vec = self;
    it->i = 0;
    return (PyObject *)it;
}
static PyObject *VecIter_next(VecIterObject *it) {
    if (it->i >= 2) return NULL; /* StopIteration without an exception */
    return Vec_item(it->vec, it->i++);
}
static void VecIter_dealloc(VecIterObject *it) {
    Py_XDECREF(it->vec);
    PyObject_Free(it);
}

static PyTypeObject VecIterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "classic.VecIter",
    .tp_basicsize = sizeof(VecIterObject),
    .tp_dealloc = (destructor)VecIter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)VecIter_next,
};

/* A static subtype with a mapping interface and its own repr/str. */
typedef struct {
    VecObject base;
    double z;
} Vec3Object;

static int Vec3_init(Vec3Object *self, PyObject *args, PyObject *kwds) {
    static char *kwlist[] = {"x", "y", "z", NULL};
    self->z = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|ddd", kwlist, &self->base.x, &self->base.y,
                                     &self->z))
        return -1;
    return 0;
}
static PyObject *Vec3_str(Vec3Object *self) {
    return PyUnicode_FromFormat("<%d %d %d>", (int)self->base.x, (int)self->base.y, (int)self->z);
}
static Py_ssize_t Vec3_mp_len(PyObject *self) { return 3; }
static PyObject *Vec3_subscript(Vec3Object *self, PyObject *key) {
    const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
    if (k && strcmp(k, "x") == 0) return PyFloat_FromDouble(self->base.x);
    if (k && strcmp(k, "y") == 0) return PyFloat_FromDouble(self->base.y);
    if (k && strcmp(k, "z") == 0) return PyFloat_FromDouble(self->z);
    PyErr_SetObject(PyExc_KeyError, key);
    return NULL;
}
static int Vec3_ass_subscript(Vec3Object *self, PyObject *key, PyObject *v) {
    const char *k = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
    if (v == NULL || !k || strcmp(k, "z") != 0) {
        PyErr_SetString(PyExc_KeyError, "only z can be set");
        return -1;
    }
    self->z = PyFloat_AsDouble(v);
    return PyErr_Occurred() ? -1 : 0;
}
static PyMappingMethods Vec3_as_mapping = {
    Vec3_mp_len,
    (binaryfunc)Vec3_subscript,
    (objobjargproc)Vec3_ass_subscript,
};
static PyMemberDef Vec3_members[] = {
    {"z", T_DOUBLE, offsetof(Vec3Object, z), 0, NULL},
    {NULL}
};

static PyTypeObject Vec3Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "classic.Vec3",
    .tp_basicsize = sizeof(Vec3Object),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "A 3-D vector.",
    .tp_str = (reprfunc)Vec3_str,
    .tp_as_mapping = &Vec3_as_mapping,
    .tp_members = Vec3_members,
    .tp_init = (initproc)Vec3_init,
};

/* Instances with a __dict__ (tp_dictoffset) that can be called (tp_call). */
typedef struct {
    PyObject_HEAD
    PyObject *dict;
    long calls;
} BagObject;

static PyObject *Bag_call(BagObject *self, PyObject *args, PyObject *kwds) {
    self->calls++;
    return Py_BuildValue("(lnn)", self->calls, PyTuple_Size(args), kwds ? PyDict_Size(kwds) : 0);
}

static PyGetSetDef Bag_getset[] = {
    {"__dict__", PyObject_GenericGetDict, PyObject_GenericSetDict, NULL, NULL},
    {NULL}
};

static PyTypeObject BagType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "classic.Bag",
    .tp_basicsize = sizeof(BagObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_call = (ternaryfunc)Bag_call,
    .tp_getset = Bag_getset,
    .tp_dictoffset = offsetof(BagObject, dict),
    .tp_new = PyType_GenericNew,
};

/* A sequence with sq_concat and sq_repeat and no number slots. */
typedef struct {
    PyObject_HEAD
    PyObject *items; /* a tuple */
} TupObject;

static PyTypeObject TupType;

static PyObject *tup_wrap(PyObject *items) {
    if (items == NULL) return NULL;
    TupObject *t = PyObject_New(TupObject, &TupType);
    if (t == NULL) return NULL;
    t->items = items;
    return (PyObject *)t;
}
static PyObject *Tup_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    Py_INCREF(args);
    return tup_wrap(args);
}
static Py_ssize_t Tup_len(TupObject *t) { return PyTuple_Size(t->items); }
static PyObject *Tup_item(TupObject *t, Py_ssize_t i) {
    PyObject *o = PyTuple_GetItem(t->items, i);
    Py_XINCREF(o);
    return o;
}
static PyObject *Tup_concat(TupObject *t, PyObject *other) {
    if (!PyObject_TypeCheck(other, &TupType)) {
        PyErr_SetString(PyExc_TypeError, "can only concatenate Tup to Tup");
        return NULL;
    }
    return tup_wrap(PySequence_Concat(t->items, ((TupObject *)other)->items));
}
static PyObject *Tup_repeat(TupObject *t, Py_ssize_t n) {
    return tup_wrap(PySequence_Repeat(t->items, n));
}
static PyObject *Tup_repr(TupObject *t) { return PyUnicode_FromFormat("Tup%R", t->items); }

static PySequenceMethods Tup_as_sequence = {
    .sq_length = (lenfunc)Tup_len,
    .sq_concat = (binaryfunc)Tup_concat,
    .sq_repeat = (ssizeargfunc)Tup_repeat,
    .sq_item = (ssizeargfunc)Tup_item,
};

static PyTypeObject TupType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "classic.Tup",
    .tp_basicsize = sizeof(TupObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = Tup_new,
    .tp_repr = (reprfunc)Tup_repr,
    .tp_as_sequence = &Tup_as_sequence,
};

/* Old-style attribute access through tp_getattr/tp_setattr (char *). */
typedef struct {
    PyObject_HEAD
    long value;
} OldObject;

static PyObject *Old_getattr(OldObject *self, char *name) {
    if (strcmp(name, "value") == 0) return PyLong_FromLong(self->value);
    if (strcmp(name, "double") == 0) return PyLong_FromLong(self->value * 2);
    PyErr_Format(PyExc_AttributeError, "Old has no attribute '%s'", name);
    return NULL;
}
static int Old_setattr(OldObject *self, char *name, PyObject *v) {
    if (strcmp(name, "value") != 0 || v == NULL) {
        PyErr_Format(PyExc_AttributeError, "cannot set '%s'", name);
        return -1;
    }
    long x = PyLong_AsLong(v);
    if (x == -1 && PyErr_Occurred()) return -1;
    self->value = x;
    return 0;
}

static PyTypeObject OldType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "classic.Old",
    .tp_basicsize = sizeof(OldObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_getattr = (getattrfunc)Old_getattr,
    .tp_setattr = (setattrfunc)Old_setattr,
    .tp_new = PyType_GenericNew,
};

static PyObject *classic_is_vec(PyObject *self, PyObject *o) {
    return PyBool_FromLong(PyObject_TypeCheck(o, &VecType));
}
static PyObject *classic_exact_vec(PyObject *self, PyObject *o) {
    return PyBool_FromLong(Py_IS_TYPE(o, &VecType));
}
static PyObject *classic_ready_again(PyObject *self, PyObject *unused) {
    return PyLong_FromLong(PyType_Ready(&VecType));
}
static PyObject *classic_type_info(PyObject *self, PyObject *unused) {
    return Py_BuildValue("(snni)", Vec3Type.tp_name, Vec3Type.tp_basicsize > VecType.tp_basicsize,
                         (Py_ssize_t)(Vec3Type.tp_base == &VecType),
                         (VecType.tp_flags & Py_TPFLAGS_READY) != 0);
}
/* Makes a Vec through the type of a (possibly Python-subclass) instance. */
static PyObject *classic_alloc_like(PyObject *self, PyObject *o) {
    PyTypeObject *t = Py_TYPE(o);
    return new_vec(t, 7.0, 8.0);
}

/* Slots read from the C struct of a readied static type (inherited ones
 * included), called directly. */
static PyObject *classic_slot_repr(PyObject *self, PyObject *o) {
    if (!PyObject_TypeCheck(o, &VecType)) {
        PyErr_SetString(PyExc_TypeError, "a Vec is required");
        return NULL;
    }
    return Py_TYPE(o)->tp_repr(o);
}
static PyObject *classic_inherited(PyObject *self, PyObject *unused) {
    return Py_BuildValue("(iiii)", Vec3Type.tp_repr == VecType.tp_repr,
                         Vec3Type.tp_new == VecType.tp_new,
                         Vec3Type.tp_as_number == VecType.tp_as_number,
                         Vec3Type.tp_init != VecType.tp_init);
}

static PyMethodDef classic_methods[] = {
    {"slot_repr", classic_slot_repr, METH_O, NULL},
    {"inherited", classic_inherited, METH_NOARGS, NULL},
    {"is_vec", classic_is_vec, METH_O, NULL},
    {"exact_vec", classic_exact_vec, METH_O, NULL},
    {"ready_again", classic_ready_again, METH_NOARGS, NULL},
    {"type_info", classic_type_info, METH_NOARGS, NULL},
    {"alloc_like", classic_alloc_like, METH_O, NULL},
    {NULL}
};

static struct PyModuleDef classic_module = {
    PyModuleDef_HEAD_INIT, "classic", "Classic static types.", -1, classic_methods,
};

PyMODINIT_FUNC PyInit_classic(void) {
    if (PyType_Ready(&VecType) < 0) return NULL;
    if (PyType_Ready(&VecIterType) < 0) return NULL;
    Vec3Type.tp_base = &VecType;
    if (PyType_Ready(&Vec3Type) < 0) return NULL;
    /* Constants in the type dict, as CPython's own modules do. */
    PyObject *dim = PyLong_FromLong(2);
    if (dim == NULL || PyDict_SetItemString(VecType.tp_dict, "DIM", dim) < 0) return NULL;
    Py_DECREF(dim);
    PyType_Modified(&VecType);
    PyObject *m = PyModule_Create(&classic_module);
    if (m == NULL) return NULL;
    Py_INCREF(&VecType);
    if (PyModule_AddObject(m, "Vec", (PyObject *)&VecType) < 0) return NULL;
    Py_INCREF(&Vec3Type);
    if (PyModule_AddObject(m, "Vec3", (PyObject *)&Vec3Type) < 0) return NULL;
    if (PyType_Ready(&OldType) < 0) return NULL;
    Py_INCREF(&OldType);
    if (PyModule_AddObject(m, "Old", (PyObject *)&OldType) < 0) return NULL;
    if (PyType_Ready(&TupType) < 0) return NULL;
    Py_INCREF(&TupType);
    if (PyModule_AddObject(m, "Tup", (PyObject *)&TupType) < 0) return NULL;
    if (PyType_Ready(&BagType) < 0) return NULL;
    Py_INCREF(&BagType);
    if (PyModule_AddObject(m, "Bag", (PyObject *)&BagType) < 0) return NULL;
    Py_INCREF(&VecIterType);
    if (PyModule_AddObject(m, "VecIter", (PyObject *)&VecIterType) < 0) return NULL;
    return m;
}
