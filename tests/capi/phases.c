/* A module using multi-phase init (PEP 489): PyModuleDef_Init, module
 * state, and two Py_mod_exec slots run in order. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    long counter;
    PyObject *history; /* a list, kept alive by the module (state is GC-visible) */
} State;

static PyObject *bump(PyObject *module, PyObject *arg) {
    State *st = (State *)PyModule_GetState(module);
    long by = PyLong_AsLong(arg);
    if (by == -1 && PyErr_Occurred()) return NULL;
    st->counter += by;
    PyObject *v = PyLong_FromLong(st->counter);
    if (v == NULL || PyList_Append(st->history, v) < 0) { Py_XDECREF(v); return NULL; }
    return v;
}

static PyObject *history(PyObject *module, PyObject *Py_UNUSED(ignored)) {
    State *st = (State *)PyModule_GetState(module);
    return PyList_GetSlice(st->history, 0, PyList_Size(st->history));
}

static PyObject *kwfast(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames) {
    Py_ssize_t nkw = kwnames ? PyTuple_Size(kwnames) : 0;
    PyObject *d = PyDict_New();
    for (Py_ssize_t i = 0; i < nkw; i++)
        PyDict_SetItem(d, PyTuple_GetItem(kwnames, i), args[nargs + i]);
    return Py_BuildValue("(nN)", nargs, d);
}

static int exec_state(PyObject *m) {
    State *st = (State *)PyModule_GetState(m);
    st->counter = 100;
    st->history = PyList_New(0);
    return st->history ? 0 : -1;
}

static int exec_constants(PyObject *m) {
    PyObject *name = PyModule_GetNameObject(m);
    if (name == NULL) return -1;
    PyObject *greeting = PyUnicode_FromFormat("hello from %U (%s)", name, PyModule_GetName(m));
    Py_DECREF(name);
    if (PyModule_AddObjectRef(m, "greeting", greeting) < 0) { Py_XDECREF(greeting); return -1; }
    Py_DECREF(greeting);
    return PyModule_AddIntConstant(m, "START", 100);
}

static PyMethodDef methods[] = {
    {"bump", bump, METH_O, "Add to the counter."},
    {"history", history, METH_NOARGS, NULL},
    {"kwfast", (PyCFunction)(void (*)(void))kwfast, METH_FASTCALL | METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL}
};

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, (void *)exec_state},
    {Py_mod_exec, (void *)exec_constants},
    {0, NULL}
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "phases", "Multi-phase init.", sizeof(State), methods, slots, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_phases(void) { return PyModuleDef_Init(&def); }
