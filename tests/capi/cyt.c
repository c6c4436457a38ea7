/* C API functions that Cython-generated modules call: compared with CPython. */
#include <Python.h>
#include <errno.h>

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

/* var_new(name[, default]) */
static PyObject *cyt_var_new(PyObject *self, PyObject *args) {
    const char *name;
    PyObject *def = NULL;
    if (!PyArg_ParseTuple(args, "s|O", &name, &def)) return NULL;
    return PyContextVar_New(name, def);
}

/* var_get(var[, default]) -> value, or the string "<NULL>" */
static PyObject *cyt_var_get(PyObject *self, PyObject *args) {
    PyObject *var, *def = NULL, *value = NULL;
    if (!PyArg_ParseTuple(args, "O|O", &var, &def)) return NULL;
    if (PyContextVar_Get(var, def, &value) < 0) return NULL;
    if (value == NULL) return PyUnicode_FromString("<NULL>");
    return value;
}

static PyObject *cyt_var_set(PyObject *self, PyObject *args) {
    PyObject *var, *value;
    if (!PyArg_ParseTuple(args, "OO", &var, &value)) return NULL;
    return PyContextVar_Set(var, value);
}

static PyObject *cyt_var_reset(PyObject *self, PyObject *args) {
    PyObject *var, *token;
    if (!PyArg_ParseTuple(args, "OO", &var, &token)) return NULL;
    if (PyContextVar_Reset(var, token) < 0) return NULL;
    Py_RETURN_NONE;
}

/* in_new_context(var, value): enter a new context, set var, read it back,
   exit; returns (value read inside, Context). */
static PyObject *cyt_in_new_context(PyObject *self, PyObject *args) {
    PyObject *var, *value, *got = NULL;
    if (!PyArg_ParseTuple(args, "OO", &var, &value)) return NULL;
    PyObject *ctx = PyContext_New();
    if (ctx == NULL) return NULL;
    if (PyContext_Enter(ctx) < 0) { Py_DECREF(ctx); return NULL; }
    PyObject *tok = PyContextVar_Set(var, value);
    if (tok == NULL || PyContextVar_Get(var, NULL, &got) < 0) {
        PyContext_Exit(ctx);
        Py_DECREF(ctx);
        return NULL;
    }
    Py_DECREF(tok);
    if (PyContext_Exit(ctx) < 0) { Py_XDECREF(got); Py_DECREF(ctx); return NULL; }
    if (got == NULL) { got = Py_None; Py_INCREF(got); }
    PyObject *r = PyTuple_Pack(2, got, ctx);
    Py_DECREF(got);
    Py_DECREF(ctx);
    return r;
}

static PyObject *cyt_ctx_copy_current(PyObject *self, PyObject *unused) {
    return PyContext_CopyCurrent();
}

static PyObject *cyt_ctx_copy(PyObject *self, PyObject *ctx) {
    return PyContext_Copy(ctx);
}

static PyObject *cyt_ctx_exit(PyObject *self, PyObject *ctx) {
    if (PyContext_Exit(ctx) < 0) return NULL;
    Py_RETURN_NONE;
}

/* kinds(o) -> (is Context, is ContextVar, is Token) */
static PyObject *cyt_kinds(PyObject *self, PyObject *o) {
    return Py_BuildValue("(iii)", PyContext_CheckExact(o) ? 1 : 0,
                         PyContextVar_CheckExact(o) ? 1 : 0,
                         PyContextToken_CheckExact(o) ? 1 : 0);
}

static PyObject *cyt_reload(PyObject *self, PyObject *m) {
    return PyImport_ReloadModule(m);
}

/* tss(): a static and an allocated thread-specific storage key. */
static Py_tss_t static_key = Py_tss_NEEDS_INIT;
static PyObject *cyt_tss(PyObject *self, PyObject *unused) {
    int v1 = 1, v2 = 2;
    int before = PyThread_tss_is_created(&static_key);
    int c1 = PyThread_tss_create(&static_key);
    int c2 = PyThread_tss_create(&static_key); /* again: 0 */
    void *g0 = PyThread_tss_get(&static_key);
    int s1 = PyThread_tss_set(&static_key, &v1);
    int ok1 = PyThread_tss_get(&static_key) == &v1;
    PyThread_tss_delete(&static_key);
    int after = PyThread_tss_is_created(&static_key);
    Py_tss_t *k = PyThread_tss_alloc();
    if (k == NULL) return PyErr_NoMemory();
    int a0 = PyThread_tss_is_created(k);
    int c3 = PyThread_tss_create(k);
    int s2 = PyThread_tss_set(k, &v2);
    int ok2 = PyThread_tss_get(k) == &v2;
    PyThread_tss_free(k);
    return Py_BuildValue("(iiiiiiiiiiii)", before, c1, c2, g0 == NULL, s1, ok1, after,
                         a0, c3, s2, ok2, 0);
}

/* clocks(): the private 3.11 clocks agree with time.time() (checked by the
   driver) and never go back. */
static PyObject *cyt_clocks(PyObject *self, PyObject *unused) {
    _PyTime_t m1 = _PyTime_GetMonotonicClock();
    _PyTime_t p1 = _PyTime_GetPerfCounter();
    _PyTime_t m2 = _PyTime_GetMonotonicClock();
    _PyTime_t p2 = _PyTime_GetPerfCounter();
    double now = _PyTime_AsSecondsDouble(_PyTime_GetSystemClock());
    return Py_BuildValue("(iid)", m2 >= m1, p2 >= p1, now);
}

/* errno_error(errno[, filename]): PyErr_SetFromErrno* with that errno. */
static PyObject *cyt_errno_error(PyObject *self, PyObject *args) {
    int e;
    const char *filename = NULL;
    if (!PyArg_ParseTuple(args, "i|s", &e, &filename)) return NULL;
    errno = e;
    if (filename != NULL) return PyErr_SetFromErrnoWithFilename(PyExc_OSError, filename);
    return PyErr_SetFromErrno(PyExc_OSError);
}

/* raise_in_handler(f): call f(); if it raises, handle that exception as
   Cython's `except:` does (it becomes the handled exception) and raise
   KeyError("from C") while handling it. */
static PyObject *cyt_raise_in_handler(PyObject *self, PyObject *f) {
    PyObject *r = PyObject_CallNoArgs(f);
    if (r != NULL) return r;
    PyObject *t, *caught, *tb;
    PyErr_Fetch(&t, &caught, &tb);
    PyErr_NormalizeException(&t, &caught, &tb);
    Py_XDECREF(t);
    Py_XDECREF(tb);
    PyObject *saved = PyErr_GetHandledException();
    PyErr_SetHandledException(caught);
    PyErr_SetString(PyExc_KeyError, "from C");
    PyErr_SetHandledException(saved);
    Py_XDECREF(saved);
    Py_DECREF(caught);
    return NULL;
}

/* A C iterator counting down from n that ends with StopIteration(value). */
typedef struct {
    PyObject_HEAD
    long n;
    PyObject *value;
} CountDown;

static PyObject *countdown_next(PyObject *o) {
    CountDown *c = (CountDown *)o;
    if (c->n > 0) return PyLong_FromLong(--c->n);
    if (c->value != Py_None) PyErr_SetObject(PyExc_StopIteration, c->value);
    return NULL;
}

static PyType_Slot countdown_slots[] = {
    {Py_tp_iter, PyObject_SelfIter},
    {Py_tp_iternext, countdown_next},
    {0, NULL},
};
static PyType_Spec countdown_spec = {
    "cyt.CountDown", sizeof(CountDown), 0, Py_TPFLAGS_DEFAULT, countdown_slots,
};
static PyObject *countdown_type;

/* countdown(n, value) */
static PyObject *cyt_countdown(PyObject *self, PyObject *args) {
    long n;
    PyObject *value;
    if (!PyArg_ParseTuple(args, "lO", &n, &value)) return NULL;
    if (countdown_type == NULL) {
        countdown_type = PyType_FromSpec(&countdown_spec);
        if (countdown_type == NULL) return NULL;
    }
    CountDown *c = (CountDown *)PyType_GenericAlloc((PyTypeObject *)countdown_type, 0);
    if (c == NULL) return NULL;
    c->n = n;
    Py_INCREF(value);
    c->value = value;
    return (PyObject *)c;
}

/* seq_item(o, i): PySequence_GetItem (a negative i has len added once). */
static PyObject *cyt_seq_item(PyObject *self, PyObject *args) {
    PyObject *o;
    Py_ssize_t i;
    if (!PyArg_ParseTuple(args, "On", &o, &i)) return NULL;
    return PySequence_GetItem(o, i);
}

/* A spec type with tp_clear, its own tp_new, sequence flag, and a tp_iter
   returning None. */
typedef struct {
    PyObject_HEAD
    PyObject *item;
} Holder;

static int holder_clear(PyObject *o) {
    Py_CLEAR(((Holder *)o)->item);
    return 0;
}
static PyObject *holder_new(PyTypeObject *t, PyObject *args, PyObject *kw) {
    Holder *h = (Holder *)t->tp_alloc(t, 0);
    if (h == NULL) return NULL;
    h->item = PyUnicode_FromString("held");
    return (PyObject *)h;
}
static PyObject *holder_bad_iter(PyObject *o) {
    Py_RETURN_NONE;
}
static PyObject *holder_has_item(PyObject *o, PyObject *unused) {
    return PyBool_FromLong(((Holder *)o)->item != NULL);
}
static PyMethodDef holder_methods[] = {
    {"has_item", holder_has_item, METH_NOARGS, NULL},
    {NULL},
};
static PyType_Slot holder_slots[] = {
    {Py_tp_new, holder_new},
    {Py_tp_clear, holder_clear},
    {Py_tp_iter, holder_bad_iter},
    {Py_tp_methods, holder_methods},
    {0, NULL},
};
static PyType_Spec holder_spec = {
    "cyt.Holder", sizeof(Holder), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_SEQUENCE, holder_slots,
};
static PyType_Slot mapholder_slots[] = {{0, NULL}};
static PyType_Spec mapholder_spec = {
    "cyt.MapHolder", sizeof(Holder), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE | Py_TPFLAGS_MAPPING, mapholder_slots,
};

/* holder_types() -> (Holder, MapHolder(Holder)) */
static PyObject *cyt_holder_types(PyObject *self, PyObject *unused) {
    PyObject *h = PyType_FromSpec(&holder_spec);
    if (h == NULL) return NULL;
    PyObject *m = PyType_FromSpecWithBases(&mapholder_spec, h);
    if (m == NULL) { Py_DECREF(h); return NULL; }
    PyObject *r = PyTuple_Pack(2, h, m);
    Py_DECREF(h);
    Py_DECREF(m);
    return r;
}

/* type_fields(t): what C reads directly in the type struct. */
static PyObject *cyt_type_fields(PyObject *self, PyObject *t) {
    if (!PyType_Check(t)) {
        PyErr_SetString(PyExc_TypeError, "a type is required");
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)t;
    return Py_BuildValue("(siiiiiO)", tp->tp_name,
                         tp->tp_new == (newfunc)PyType_GetSlot(tp, Py_tp_new),
                         tp->tp_clear == (inquiry)PyType_GetSlot(tp, Py_tp_clear),
                         tp->tp_clear != NULL,
                         tp->tp_alloc != NULL,
                         tp->tp_basicsize == (Py_ssize_t)sizeof(Holder),
                         tp->tp_base ? (PyObject *)tp->tp_base : Py_None);
}

/* clear(o): Py_TYPE(o)->tp_clear(o), as Cython's tests do. */
static PyObject *cyt_clear(PyObject *self, PyObject *o) {
    inquiry f = Py_TYPE(o)->tp_clear;
    if (f == NULL) Py_RETURN_FALSE;
    if (f(o) < 0) return NULL;
    Py_RETURN_TRUE;
}

static PyMethodDef cyt_methods[] = {
    {"dict_update", cyt_dict_update, METH_VARARGS, NULL},
    {"builtin_repeat", cyt_builtin_repeat, METH_VARARGS, NULL},
    {"builtin_concat", cyt_builtin_concat, METH_VARARGS, NULL},
    {"builtin_richcmp", cyt_builtin_richcmp, METH_VARARGS, NULL},
    {"var_new", cyt_var_new, METH_VARARGS, NULL},
    {"var_get", cyt_var_get, METH_VARARGS, NULL},
    {"var_set", cyt_var_set, METH_VARARGS, NULL},
    {"var_reset", cyt_var_reset, METH_VARARGS, NULL},
    {"in_new_context", cyt_in_new_context, METH_VARARGS, NULL},
    {"ctx_copy_current", cyt_ctx_copy_current, METH_NOARGS, NULL},
    {"ctx_copy", cyt_ctx_copy, METH_O, NULL},
    {"ctx_exit", cyt_ctx_exit, METH_O, NULL},
    {"kinds", cyt_kinds, METH_O, NULL},
    {"reload", cyt_reload, METH_O, NULL},
    {"tss", cyt_tss, METH_NOARGS, NULL},
    {"seq_item", cyt_seq_item, METH_VARARGS, NULL},
    {"holder_types", cyt_holder_types, METH_NOARGS, NULL},
    {"type_fields", cyt_type_fields, METH_O, NULL},
    {"clear", cyt_clear, METH_O, NULL},
    {"raise_in_handler", cyt_raise_in_handler, METH_O, NULL},
    {"countdown", cyt_countdown, METH_VARARGS, NULL},
    {"clocks", cyt_clocks, METH_NOARGS, NULL},
    {"errno_error", cyt_errno_error, METH_VARARGS, NULL},
    {NULL}
};

static struct PyModuleDef cyt_module = {
    PyModuleDef_HEAD_INIT, "cyt", NULL, -1, cyt_methods,
};

PyMODINIT_FUNC PyInit_cyt(void) {
    return PyModule_Create(&cyt_module);
}
