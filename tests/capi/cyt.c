/* C API functions that Cython-generated modules call: compared with CPython. */
#include <Python.h>

/* dict_update(d, other): PyDict_Update with any mapping. */
static PyObject *cyt_dict_update(PyObject *self, PyObject *args) {
    PyObject *d, *other;
    if (!PyArg_ParseTuple(args, "OO", &d, &other)) return NULL;
    if (PyDict_Update(d, other) < 0) return NULL;
    Py_INCREF(d);
    return d;
}

/* builtin_repeat(type, seq, n): the builtin type's own sq_repeat slot. */
static PyObject *cyt_builtin_repeat(PyObject *self, PyObject *args) {
    PyObject *t, *seq;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "OOn", &t, &seq, &n)) return NULL;
    ssizeargfunc f = (ssizeargfunc)PyType_GetSlot((PyTypeObject *)t, Py_sq_repeat);
    if (f == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    return f(seq, n);
}

/* builtin_concat(type, a, b): the builtin type's own sq_concat slot. */
static PyObject *cyt_builtin_concat(PyObject *self, PyObject *args) {
    PyObject *t, *a, *b;
    if (!PyArg_ParseTuple(args, "OOO", &t, &a, &b)) return NULL;
    binaryfunc f = (binaryfunc)PyType_GetSlot((PyTypeObject *)t, Py_sq_concat);
    if (f == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    return f(a, b);
}

/* builtin_richcmp(type, a, b, op): the builtin type's tp_richcompare. */
static PyObject *cyt_builtin_richcmp(PyObject *self, PyObject *args) {
    PyObject *t, *a, *b;
    int op;
    if (!PyArg_ParseTuple(args, "OOOi", &t, &a, &b, &op)) return NULL;
    richcmpfunc f = (richcmpfunc)PyType_GetSlot((PyTypeObject *)t, Py_tp_richcompare);
    if (f == NULL) {
        if (PyErr_Occurred()) return NULL;
        Py_RETURN_NONE;
    }
    return f(a, b, op);
}

static PyMethodDef cyt_methods[] = {
    {"dict_update", cyt_dict_update, METH_VARARGS, NULL},
    {"builtin_repeat", cyt_builtin_repeat, METH_VARARGS, NULL},
    {"builtin_concat", cyt_builtin_concat, METH_VARARGS, NULL},
    {"builtin_richcmp", cyt_builtin_richcmp, METH_VARARGS, NULL},
    {NULL}
};

static struct PyModuleDef cyt_module = {
    PyModuleDef_HEAD_INIT, "cyt", NULL, -1, cyt_methods,
};

PyMODINIT_FUNC PyInit_cyt(void) {
    return PyModule_Create(&cyt_module);
}
