/* A type built from a PyType_Spec: new, init, a method, a getset, members,
 * repr and richcompare. */
#include <Python.h>
#include <stddef.h>
#include <structmember.h>

typedef struct {
    PyObject_HEAD
    int count;
    double scale;
    PyObject *label;
} CounterObject;

static PyObject *Counter_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    CounterObject *self = (CounterObject *)alloc(type, 0);
    if (self == NULL) return NULL;
    self->count = 0;
    self->scale = 1.0;
    self->label = NULL;
    return (PyObject *)self;
}

static int Counter_init(PyObject *op, PyObject *args, PyObject *kwds) {
    CounterObject *self = (CounterObject *)op;
    static char *kwlist[] = {"start", "label", NULL};
    int start = 0;
    PyObject *label = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|iO", kwlist, &start, &label))
        return -1;
    self->count = start;
    if (label != NULL) {
        Py_INCREF(label);
        Py_XSETREF(self->label, label);
    }
    return 0;
}

static PyObject *Counter_bump(PyObject *op, PyObject *args) {
    CounterObject *self = (CounterObject *)op;
    int by = 1;
    if (!PyArg_ParseTuple(args, "|i", &by)) return NULL;
    self->count += by;
    return PyLong_FromLong(self->count);
}

static PyObject *Counter_reset(PyObject *op, PyObject *unused) {
    ((CounterObject *)op)->count = 0;
    Py_RETURN_NONE;
}

static PyObject *Counter_repr(PyObject *op) {
    CounterObject *self = (CounterObject *)op;
    return PyUnicode_FromFormat("Counter(%d)", self->count);
}

static PyObject *Counter_richcompare(PyObject *a, PyObject *b, int opid) {
    PyTypeObject *t = Py_TYPE(a);
    if (!PyObject_TypeCheck(b, t)) Py_RETURN_NOTIMPLEMENTED;
    int x = ((CounterObject *)a)->count, y = ((CounterObject *)b)->count;
    int r;
    switch (opid) {
    case Py_LT: r = x < y; break;
    case Py_LE: r = x <= y; break;
    case Py_EQ: r = x == y; break;
    case Py_NE: r = x != y; break;
    case Py_GT: r = x > y; break;
    default: r = x >= y; break;
    }
    return PyBool_FromLong(r);
}

static PyObject *Counter_get_double(PyObject *op, void *closure) {
    return PyLong_FromLong(2 * ((CounterObject *)op)->count);
}

static int Counter_set_double(PyObject *op, PyObject *v, void *closure) {
    if (v == NULL) {
        PyErr_SetString(PyExc_TypeError, "cannot delete double");
        return -1;
    }
    long n = PyLong_AsLong(v);
    if (n == -1 && PyErr_Occurred()) return -1;
    ((CounterObject *)op)->count = (int)(n / 2);
    return 0;
}

static PyMethodDef Counter_methods[] = {
    {"bump", Counter_bump, METH_VARARGS, "Add to the count."},
    {"reset", Counter_reset, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyGetSetDef Counter_getset[] = {
    {"double", Counter_get_double, Counter_set_double, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyMemberDef Counter_members[] = {
    {"count", T_INT, offsetof(CounterObject, count), 0, NULL},
    {"scale", T_DOUBLE, offsetof(CounterObject, scale), 0, NULL},
    {"label", T_OBJECT, offsetof(CounterObject, label), 0, NULL},
    {"fixed", T_INT, offsetof(CounterObject, count), READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static PyType_Slot Counter_slots[] = {
    {Py_tp_new, Counter_new},
    {Py_tp_init, Counter_init},
    {Py_tp_repr, Counter_repr},
    {Py_tp_richcompare, Counter_richcompare},
    {Py_tp_methods, Counter_methods},
    {Py_tp_getset, Counter_getset},
    {Py_tp_members, Counter_members},
    {Py_tp_doc, "A counter."},
    {0, NULL}
};

static PyType_Spec Counter_spec = {
    "spectype.Counter", sizeof(CounterObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, Counter_slots,
};

static PyObject *spectype_slot_of(PyObject *m, PyObject *t) {
    /* Which slots read as set (1) or NULL (0). */
    PyTypeObject *tp = (PyTypeObject *)t;
    return Py_BuildValue("(iii)",
        PyType_GetSlot(tp, Py_tp_new) != NULL,
        PyType_GetSlot(tp, Py_tp_alloc) != NULL,
        PyType_GetSlot(tp, Py_tp_repr) == (void *)Counter_repr);
}

static PyMethodDef spectype_methods[] = {
    {"slot_of", spectype_slot_of, METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spectype_module = {
    PyModuleDef_HEAD_INIT, "spectype", NULL, -1, spectype_methods,
};

PyMODINIT_FUNC PyInit_spectype(void) {
    PyObject *m = PyModule_Create(&spectype_module);
    if (m == NULL) return NULL;
    PyObject *t = PyType_FromModuleAndSpec(m, &Counter_spec, NULL);
    if (t == NULL || PyModule_AddObject(m, "Counter", t) < 0) {
        Py_XDECREF(t);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
