/* A classic hand-written extension ("Extending and Embedding" style):
 * argument parsing, value building, exceptions, lists, dicts, callbacks. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *SpamError;

static PyObject *spam_add(PyObject *self, PyObject *args) {
    long a, b = 10;
    if (!PyArg_ParseTuple(args, "l|l:add", &a, &b)) return NULL;
    return PyLong_FromLong(a + b);
}

static PyObject *spam_describe(PyObject *self, PyObject *args, PyObject *kw) {
    static char *kwlist[] = {"name", "count", "scale", "flag", NULL};
    const char *name;
    int count = 1;
    double scale = 1.5;
    int flag = 0;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "s|id$p:describe", kwlist, &name, &count, &scale, &flag))
        return NULL;
    return Py_BuildValue("{s:s,s:i,s:d,s:O}", "name", name, "count", count, "scale", scale * count,
                         "flag", flag ? Py_True : Py_False);
}

static PyObject *spam_fail(PyObject *self, PyObject *arg) {
    long code = PyLong_AsLong(arg);
    if (code == -1 && PyErr_Occurred()) return NULL;
    if (code == 1) return PyErr_Format(SpamError, "spam failed with code %ld (%s)", code, "custom");
    if (code == 2) { PyErr_SetString(PyExc_ValueError, "bad value"); return NULL; }
    if (code == 3) return PyErr_Format(PyExc_KeyError, "%R", arg);
    Py_RETURN_NONE;
}

static PyObject *spam_squares(PyObject *self, PyObject *arg) {
    Py_ssize_t n = PyLong_AsSsize_t(arg);
    if (n == -1 && PyErr_Occurred()) return NULL;
    PyObject *l = PyList_New(0);
    if (!l) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *v = PyLong_FromSsize_t(i * i);
        if (!v || PyList_Append(l, v) < 0) { Py_XDECREF(v); Py_DECREF(l); return NULL; }
        Py_DECREF(v);
    }
    return l;
}

/* Sum the values of a dict whose keys are str, with PyDict_Next. */
static PyObject *spam_dict_sum(PyObject *self, PyObject *args) {
    PyObject *d;
    if (!PyArg_ParseTuple(args, "O!:dict_sum", &PyDict_Type, &d)) return NULL;
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    long total = 0;
    PyObject *keys = PyList_New(0);
    while (PyDict_Next(d, &pos, &k, &v)) {
        long x = PyLong_AsLong(v);
        if (x == -1 && PyErr_Occurred()) { Py_DECREF(keys); return NULL; }
        total += x;
        PyList_Append(keys, k);
    }
    return Py_BuildValue("(lN)", total, keys);
}

/* Call a Python callable on each item of an iterable; collect results. */
static PyObject *spam_map(PyObject *self, PyObject *args) {
    PyObject *func, *seq;
    if (!PyArg_ParseTuple(args, "OO:map", &func, &seq)) return NULL;
    if (!PyCallable_Check(func)) { PyErr_SetString(PyExc_TypeError, "map: first argument must be callable"); return NULL; }
    PyObject *it = PyObject_GetIter(seq);
    if (!it) return NULL;
    PyObject *out = PyList_New(0), *item;
    while ((item = PyIter_Next(it)) != NULL) {
        PyObject *r = PyObject_CallFunctionObjArgs(func, item, NULL);
        Py_DECREF(item);
        if (!r) { Py_DECREF(it); Py_DECREF(out); return NULL; }
        PyList_Append(out, r);
        Py_DECREF(r);
    }
    Py_DECREF(it);
    if (PyErr_Occurred()) { Py_DECREF(out); return NULL; }
    return out;
}

static PyObject *spam_tuple_info(PyObject *self, PyObject *t) {
    if (!PyTuple_Check(t)) { PyErr_SetString(PyExc_TypeError, "expected a tuple"); return NULL; }
    Py_ssize_t n = PyTuple_Size(t);
    PyObject *reprs = PyList_New(n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *r = PyObject_Repr(PyTuple_GetItem(t, i));
        if (!r) { Py_DECREF(reprs); return NULL; }
        PyList_SetItem(reprs, i, r);
    }
    return PyUnicode_FromFormat("%zd items: %S", n, reprs);
}

static PyObject *spam_strings(PyObject *self, PyObject *args) {
    const char *s;
    Py_ssize_t n;
    const char *b;
    Py_ssize_t bn;
    const char *z;
    if (!PyArg_ParseTuple(args, "s#y#z", &s, &n, &b, &bn, &z)) return NULL;
    PyObject *u = PyUnicode_FromStringAndSize(s, n);
    Py_ssize_t un;
    const char *back = PyUnicode_AsUTF8AndSize(u, &un);
    PyObject *r = Py_BuildValue("(nsy#Nz)", un, back, b, bn, PyBytes_FromString("raw"), z);
    Py_DECREF(u);
    return r;
}

static PyObject *spam_numbers(PyObject *self, PyObject *args) {
    PyObject *a, *b;
    if (!PyArg_UnpackTuple(args, "numbers", 2, 2, &a, &b)) return NULL;
    PyObject *sum = PyNumber_Add(a, b);
    PyObject *prod = sum ? PyNumber_Multiply(a, b) : NULL;
    PyObject *diff = prod ? PyNumber_Subtract(a, b) : NULL;
    if (!diff) { Py_XDECREF(sum); Py_XDECREF(prod); return NULL; }
    int lt = PyObject_RichCompareBool(a, b, Py_LT);
    double fa = PyFloat_AsDouble(a);
    if (fa == -1.0 && PyErr_Occurred()) PyErr_Clear();
    return Py_BuildValue("NNNOd", sum, prod, diff, lt ? Py_True : Py_False, fa);
}

static PyObject *spam_attrs(PyObject *self, PyObject *o) {
    PyObject *name = PyObject_GetAttrString(o, "name");
    if (!name) return NULL;
    if (PyObject_SetAttrString(o, "seen", Py_True) < 0) { Py_DECREF(name); return NULL; }
    int has = PyObject_HasAttrString(o, "missing");
    PyObject *up = PyObject_CallMethod(name, "upper", NULL);
    Py_DECREF(name);
    if (!up) return NULL;
    return Py_BuildValue("(Ni)", up, has);
}

static PyObject *spam_noargs(PyObject *self, PyObject *Py_UNUSED(ignored)) {
    return PyUnicode_FromString("no args here");
}

static PyObject *spam_fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    long total = 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        long v = PyLong_AsLong(args[i]);
        if (v == -1 && PyErr_Occurred()) return NULL;
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyObject *spam_catch(PyObject *self, PyObject *func) {
    PyObject *r = PyObject_CallNoArgs(func);
    if (r) return r;
    if (PyErr_ExceptionMatches(PyExc_ZeroDivisionError)) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyObject *msg = PyObject_Str(v);
        Py_XDECREF(t); Py_XDECREF(v); Py_XDECREF(tb);
        return Py_BuildValue("(sN)", "caught", msg);
    }
    return NULL;
}

static PyObject *spam_big(PyObject *self, PyObject *Py_UNUSED(ignored)) {
    return Py_BuildValue("(LKnk)", (long long)-9000000000000000000LL, (unsigned long long)18000000000000000000ULL,
                         (Py_ssize_t)-5, (unsigned long)300);
}

static PyMethodDef SpamMethods[] = {
    {"add", spam_add, METH_VARARGS, "Add two numbers."},
    {"describe", (PyCFunction)(void (*)(void))spam_describe, METH_VARARGS | METH_KEYWORDS, "Describe."},
    {"fail", spam_fail, METH_O, NULL},
    {"squares", spam_squares, METH_O, NULL},
    {"dict_sum", spam_dict_sum, METH_VARARGS, NULL},
    {"map", spam_map, METH_VARARGS, NULL},
    {"tuple_info", spam_tuple_info, METH_O, NULL},
    {"strings", spam_strings, METH_VARARGS, NULL},
    {"numbers", spam_numbers, METH_VARARGS, NULL},
    {"attrs", spam_attrs, METH_O, NULL},
    {"noargs", spam_noargs, METH_NOARGS, NULL},
    {"fast", (PyCFunction)(void (*)(void))spam_fast, METH_FASTCALL, NULL},
    {"catch", spam_catch, METH_O, NULL},
    {"big", spam_big, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef spammodule = {
    PyModuleDef_HEAD_INIT, "spam", "A spam module.", -1, SpamMethods,
};

PyMODINIT_FUNC PyInit_spam(void) {
    PyObject *m = PyModule_Create(&spammodule);
    if (m == NULL) return NULL;
    SpamError = PyErr_NewException("spam.error", NULL, NULL);
    Py_XINCREF(SpamError);
    if (PyModule_AddObject(m, "error", SpamError) < 0) {
        Py_XDECREF(SpamError);
        Py_CLEAR(SpamError);
        Py_DECREF(m);
        return NULL;
    }
    PyModule_AddIntConstant(m, "ANSWER", 42);
    PyModule_AddStringConstant(m, "VERSION", "1.0");
    return m;
}
