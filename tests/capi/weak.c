/* Weak references through the C API: PyWeakref_NewRef/NewProxy/GetObject/
 * GetRef and the Check macros, a spec type with a __weaklistoffset__
 * member, a spec type without one, and a classic static type with
 * tp_weaklistoffset (what Cython emits for `cdef object __weakref__`). */
#include <Python.h>
#include <stddef.h>
#include <structmember.h>

static PyObject *weak_newref(PyObject *m, PyObject *args) {
    PyObject *ob, *cb = NULL;
    if (!PyArg_ParseTuple(args, "O|O", &ob, &cb)) return NULL;
    return PyWeakref_NewRef(ob, cb);
}

static PyObject *weak_newproxy(PyObject *m, PyObject *args) {
    PyObject *ob, *cb = NULL;
    if (!PyArg_ParseTuple(args, "O|O", &ob, &cb)) return NULL;
    return PyWeakref_NewProxy(ob, cb);
}

static PyObject *weak_getobject(PyObject *m, PyObject *r) {
    PyObject *o = PyWeakref_GetObject(r);
    if (o == NULL) return NULL;
    Py_INCREF(o);
    return o;
}

#ifndef FERROPY_VERSION
/* CPython 3.11 has no PyWeakref_GetRef (3.13): the reference behaviour. */
static int PyWeakref_GetRef(PyObject *r, PyObject **pobj) {
    *pobj = NULL;
    if (!PyWeakref_Check(r)) {
        PyErr_SetString(PyExc_TypeError, "expected a weakref");
        return -1;
    }
    PyObject *o = PyWeakref_GetObject(r);
    if (o == Py_None) return 0;
    Py_INCREF(o);
    *pobj = o;
    return 1;
}
#endif

static PyObject *weak_getref(PyObject *m, PyObject *r) {
    PyObject *o = (PyObject *)1;
    int rc = PyWeakref_GetRef(r, &o);
    if (rc < 0) {
        if (o != NULL) {
            PyErr_SetString(PyExc_AssertionError, "pobj not cleared on error");
        }
        return NULL;
    }
    PyObject *res = Py_BuildValue("(iO)", rc, o ? o : Py_None);
    Py_XDECREF(o);
    return res;
}

static PyObject *weak_checks(PyObject *m, PyObject *o) {
    return Py_BuildValue("(iiii)", PyWeakref_CheckRef(o) != 0,
                         PyWeakref_CheckRefExact(o) != 0,
                         PyWeakref_CheckProxy(o) != 0, PyWeakref_Check(o) != 0);
}

static PyObject *weak_types(PyObject *m, PyObject *unused) {
    return Py_BuildValue("(OOO)", (PyObject *)&_PyWeakref_RefType,
                         (PyObject *)&_PyWeakref_ProxyType,
                         (PyObject *)&_PyWeakref_CallableProxyType);
}

/* A spec type whose instances can be weakly referenced. */
typedef struct {
    PyObject_HEAD
    PyObject *weakreflist;
    long value;
} NodeObject;

static PyMemberDef Node_members[] = {
    {"value", T_LONG, offsetof(NodeObject, value), 0, NULL},
    {"__weaklistoffset__", T_PYSSIZET, offsetof(NodeObject, weakreflist), READONLY, NULL},
    {NULL}
};

static PyType_Slot Node_slots[] = {
    {Py_tp_members, Node_members},
    {0, NULL}
};

static PyType_Spec Node_spec = {
    "weak.Node", sizeof(NodeObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, Node_slots,
};

/* The same without __weaklistoffset__. */
typedef struct {
    PyObject_HEAD
    long value;
} PlainObject;

static PyType_Slot Plain_slots[] = {
    {0, NULL}
};

static PyType_Spec Plain_spec = {
    "weak.Plain", sizeof(PlainObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, Plain_slots,
};

/* A classic static type with tp_weaklistoffset. */
typedef struct {
    PyObject_HEAD
    PyObject *dict;
    PyObject *weakreflist;
} StaticObject;

static void Static_dealloc(PyObject *self) {
    /* What a CPython type with a weak reference list must do (ferropy's
       collector clears weak references itself). */
    StaticObject *so = (StaticObject *)self;
    PyObject_ClearWeakRefs(self);
    Py_CLEAR(so->dict);
    Py_TYPE(self)->tp_free(self);
}

static PyTypeObject StaticType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "weak.Static",
    .tp_basicsize = sizeof(StaticObject),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_weaklistoffset = offsetof(StaticObject, weakreflist),
    .tp_dictoffset = offsetof(StaticObject, dict),
    .tp_new = PyType_GenericNew,
    .tp_dealloc = Static_dealloc,
};

static PyMethodDef weak_methods[] = {
    {"newref", weak_newref, METH_VARARGS, NULL},
    {"newproxy", weak_newproxy, METH_VARARGS, NULL},
    {"getobject", weak_getobject, METH_O, NULL},
    {"getref", weak_getref, METH_O, NULL},
    {"checks", weak_checks, METH_O, NULL},
    {"types", weak_types, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef weak_module = {
    PyModuleDef_HEAD_INIT, "weak", NULL, -1, weak_methods,
};

PyMODINIT_FUNC PyInit_weak(void) {
    PyObject *m = PyModule_Create(&weak_module);
    if (m == NULL) return NULL;
    PyObject *node = PyType_FromModuleAndSpec(m, &Node_spec, NULL);
    if (node == NULL || PyModule_AddObject(m, "Node", node) < 0) return NULL;
    PyObject *plain = PyType_FromModuleAndSpec(m, &Plain_spec, NULL);
    if (plain == NULL || PyModule_AddObject(m, "Plain", plain) < 0) return NULL;
    if (PyType_Ready(&StaticType) < 0) return NULL;
    Py_INCREF(&StaticType);
    if (PyModule_AddObject(m, "Static", (PyObject *)&StaticType) < 0) return NULL;
    return m;
}
