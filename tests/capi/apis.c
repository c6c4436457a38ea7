/* Functions beyond the first slice: compiling and evaluating code,
 * traceback entries (Cython's Limited-API traceback helper), the handled
 * exception, sys attributes, thread and interpreter states, locks,
 * bytearrays, in-place numbers, sequence helpers, decoding, descriptors. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pythread.h>

/* ---------------------------------------------------------- evaluation */

/* run(src, mode, globals, locals): mode 'e' eval, 'f' file, 's' single. */
static PyObject *apis_run(PyObject *self, PyObject *args) {
    const char *src, *mode;
    PyObject *g, *l;
    if (!PyArg_ParseTuple(args, "ssOO", &src, &mode, &g, &l)) return NULL;
    int start = mode[0] == 'e' ? Py_eval_input : mode[0] == 's' ? Py_single_input : Py_file_input;
    PyObject *code = Py_CompileString(src, "<apis>", start);
    if (code == NULL) return NULL;
    PyObject *r = PyEval_EvalCode(code, g, l == Py_None ? NULL : l);
    Py_DECREF(code);
    return r;
}

/* fail_in(funcname, filename, line): raise ValueError with a traceback
 * entry naming funcname at filename:line, as Cython does. */
static PyObject *apis_fail_in(PyObject *self, PyObject *args) {
    const char *funcname, *filename;
    int line;
    if (!PyArg_ParseTuple(args, "ssi", &funcname, &filename, &line)) return NULL;
    PyErr_SetString(PyExc_ValueError, "failed in C");
    PyObject *et, *ev, *etb;
    PyErr_Fetch(&et, &ev, &etb);
    PyObject *frame = NULL, *code = NULL, *replace = NULL, *kw = NULL, *dict = NULL, *code2 = NULL;
    code = Py_CompileString("_getframe()", filename, Py_eval_input);
    if (!code) goto done;
    replace = PyObject_GetAttrString(code, "replace");
    if (!replace) goto done;
    kw = Py_BuildValue("{s:i,s:s}", "co_firstlineno", line, "co_name", funcname);
    if (!kw) goto done;
    PyObject *empty = PyTuple_New(0);
    code2 = PyObject_Call(replace, empty, kw);
    Py_DECREF(empty);
    if (!code2) goto done;
    dict = PyDict_New();
    if (!dict || PyDict_SetItemString(dict, "_getframe", PySys_GetObject("_getframe")) < 0) goto done;
    frame = PyEval_EvalCode(code2, dict, dict);
done:
    PyErr_Restore(et, ev, etb);
    if (frame) PyTraceBack_Here((PyFrameObject *)frame);
    Py_XDECREF(frame);
    Py_XDECREF(code);
    Py_XDECREF(code2);
    Py_XDECREF(replace);
    Py_XDECREF(kw);
    Py_XDECREF(dict);
    return NULL;
}

/* (name, line) of the calling Python frame and its caller's name. */
static PyObject *apis_frame_info(PyObject *self, PyObject *unused) {
    PyFrameObject *f = PyEval_GetFrame(); /* borrowed */
    if (f == NULL) Py_RETURN_NONE;
    PyObject *code = (PyObject *)PyFrame_GetCode(f);
    PyFrameObject *back = PyFrame_GetBack(f);
    PyObject *back_name = Py_None;
    PyObject *bcode = NULL;
    if (back != NULL) {
        bcode = (PyObject *)PyFrame_GetCode(back);
        back_name = PyObject_GetAttrString(bcode, "co_name");
    } else {
        Py_INCREF(back_name);
    }
    PyObject *name = PyObject_GetAttrString(code, "co_name");
    PyObject *r = Py_BuildValue("(OiO)", name, PyFrame_GetLineNumber(f), back_name);
    Py_XDECREF(name);
    Py_XDECREF(back_name);
    Py_XDECREF(bcode);
    Py_XDECREF((PyObject *)back);
    Py_DECREF(code);
    return r;
}

static PyObject *apis_globals_is(PyObject *self, PyObject *g) {
    return PyBool_FromLong(PyEval_GetGlobals() == g);
}
static PyObject *apis_builtins_has_len(PyObject *self, PyObject *unused) {
    PyObject *b = PyEval_GetBuiltins();
    return PyBool_FromLong(b != NULL && PyDict_Check(b) && PyDict_GetItemString(b, "len") != NULL);
}

/* -------------------------------------------------- exceptions and sys */

static PyObject *apis_exc_info(PyObject *self, PyObject *unused) {
    PyObject *t, *v, *tb;
    PyErr_GetExcInfo(&t, &v, &tb);
    PyObject *r;
    if (t == NULL || t == Py_None)
        r = Py_BuildValue("(OOO)", Py_None, Py_None, Py_False);
    else
        r = Py_BuildValue("(sOO)", _PyType_Name((PyTypeObject *)t), v,
                          tb && tb != Py_None ? Py_True : Py_False);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    return r;
}

/* Set the handled exception to `e`, read it back both ways, restore. */
static PyObject *apis_swap_handled(PyObject *self, PyObject *e) {
    PyObject *old = PyErr_GetHandledException(); /* new reference or NULL */
    PyErr_SetHandledException(e);
    PyObject *now = PyErr_GetHandledException();
    PyObject *t, *v, *tb;
    PyErr_GetExcInfo(&t, &v, &tb);
    int same = now == e && v == e && t == (PyObject *)Py_TYPE(e);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    Py_XDECREF(now);
    /* SetExcInfo steals its arguments. */
    if (old) {
        Py_INCREF(old);
        Py_INCREF(Py_TYPE(old));
    }
    PyErr_SetExcInfo(old ? (PyObject *)Py_TYPE(old) : NULL, old, NULL);
    PyObject *back = PyErr_GetHandledException();
    int restored = back == old;
    Py_XDECREF(back);
    Py_XDECREF(old);
    return Py_BuildValue("(ii)", same, restored);
}

static PyObject *apis_sys_set(PyObject *self, PyObject *args) {
    const char *name;
    PyObject *v;
    if (!PyArg_ParseTuple(args, "sO", &name, &v)) return NULL;
    if (PySys_SetObject(name, v == Py_None ? NULL : v) < 0) return NULL;
    Py_RETURN_NONE;
}

static PyObject *apis_unraisable(PyObject *self, PyObject *o) {
    PyErr_SetString(PyExc_RuntimeError, "ignored on purpose");
    PyErr_WriteUnraisable(o);
    return PyBool_FromLong(PyErr_Occurred() == NULL);
}

static PyObject *apis_warn_explicit(PyObject *self, PyObject *unused) {
    int r = PyErr_WarnExplicit(PyExc_UserWarning, "explicit warning", "apis.c", 7, "apis", NULL);
    return PyLong_FromLong(r);
}

/* ----------------------------------------------- states, threads, locks */

static PyObject *apis_states(PyObject *self, PyObject *unused) {
    PyInterpreterState *interp = PyInterpreterState_Get();
    long long id = (long long)PyInterpreterState_GetID(interp);
    PyThreadState *ts = PyThreadState_Get();
    PyObject *d = PyThreadState_GetDict();
    if (d == NULL || PyDict_SetItemString(d, "apis.key", Py_True) < 0) return NULL;
    PyObject *d2 = PyThreadState_GetDict();
    int same_dict = d == d2 && PyDict_GetItemString(d2, "apis.key") == Py_True;
    PyThreadState *saved = PyEval_SaveThread();
    PyEval_RestoreThread(saved);
    return Py_BuildValue("(Liii)", id, interp != NULL && ts != NULL, same_dict, saved == ts);
}

static PyObject *apis_locks(PyObject *self, PyObject *unused) {
    PyThread_type_lock lock = PyThread_allocate_lock();
    if (lock == NULL) return PyErr_NoMemory();
    int a = PyThread_acquire_lock(lock, WAIT_LOCK);
    int b = PyThread_acquire_lock(lock, NOWAIT_LOCK);
    PyThread_release_lock(lock);
    int c = PyThread_acquire_lock(lock, NOWAIT_LOCK);
    PyThread_release_lock(lock);
    PyThread_free_lock(lock);
    unsigned long id1 = PyThread_get_thread_ident(), id2 = PyThread_get_thread_ident();
    return Py_BuildValue("(iiii)", a, b, c, id1 != 0 && id1 == id2);
}

/* ----------------------------------------------------------- dict proxy */

static PyObject *apis_dictproxy(PyObject *self, PyObject *o) {
    return PyDictProxy_New(o);
}

/* ----------------------------------------------------------- bytearray */
/* (PyByteArray_FromStringAndSize(NULL, n) leaves the contents undefined.) */

static PyObject *apis_bytearrays(PyObject *self, PyObject *unused) {
    PyObject *a = PyByteArray_FromStringAndSize("abc", 3);
    PyObject *z = PyByteArray_FromStringAndSize(NULL, 4);
    PyObject *e = PyByteArray_FromStringAndSize("", 0);
    if (!a || !z || !e) return NULL;
    char *s = PyByteArray_AsString(a);
    size_t n = strlen(s);
    s[0] = 'X';
    char *es = PyByteArray_AsString(e);
    PyObject *r = Py_BuildValue("(OOnnnni)", a, z, PyByteArray_Size(a), PyByteArray_Size(z),
                                PyByteArray_Size(e), (Py_ssize_t)n, es != NULL && es[0] == 0);
    Py_DECREF(a);
    Py_DECREF(z);
    Py_DECREF(e);
    return r;
}
static PyObject *apis_bytearray_size(PyObject *self, PyObject *o) {
    Py_ssize_t n = PyByteArray_Size(o);
    if (n < 0 && PyErr_Occurred()) return NULL;
    return PyLong_FromSsize_t(n);
}

/* ------------------------------------------------ numbers and sequences */

/* inplace(op, a, b): op in "-*&|^". */
static PyObject *apis_inplace(PyObject *self, PyObject *args) {
    const char *op;
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "sOO", &op, &a, &b)) return NULL;
    switch (op[0]) {
    case '-': return PyNumber_InPlaceSubtract(a, b);
    case '*': return PyNumber_InPlaceMultiply(a, b);
    case '&': return PyNumber_InPlaceAnd(a, b);
    case '|': return PyNumber_InPlaceOr(a, b);
    default: return PyNumber_InPlaceXor(a, b);
    }
}
static PyObject *apis_concat(PyObject *self, PyObject *args) {
    PyObject *a, *b;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) return NULL;
    return PySequence_Concat(a, b);
}
static PyObject *apis_slice(PyObject *self, PyObject *args) {
    PyObject *o;
    Py_ssize_t i, j;
    if (!PyArg_ParseTuple(args, "Onn", &o, &i, &j)) return NULL;
    return PySequence_GetSlice(o, i, j);
}
static PyObject *apis_call_method(PyObject *self, PyObject *args) {
    PyObject *o, *name, *arg = NULL;
    if (!PyArg_ParseTuple(args, "OU|O", &o, &name, &arg)) return NULL;
    return arg ? PyObject_CallMethodOneArg(o, name, arg) : PyObject_CallMethodNoArgs(o, name);
}
static PyObject *apis_is_gc(PyObject *self, PyObject *o) {
    return PyLong_FromLong(PyObject_IS_GC(o));
}

/* ------------------------------------------------------------- strings */

static PyObject *apis_decode(PyObject *self, PyObject *args) {
    const char *s, *enc, *errors = NULL;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "y#z|z", &s, &n, &enc, &errors)) return NULL;
    return PyUnicode_Decode(s, n, enc, errors);
}
static PyObject *apis_latin1(PyObject *self, PyObject *args) {
    const char *s;
    Py_ssize_t n;
    if (!PyArg_ParseTuple(args, "y#", &s, &n)) return NULL;
    return PyUnicode_DecodeLatin1(s, n, NULL);
}

/* ------------------------------------------------- objects, descriptors */

typedef struct {
    PyObject_HEAD
    int value;
} BlobObject;

static PyTypeObject BlobType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "apis.Blob",
    .tp_basicsize = sizeof(BlobObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
};

/* An object in memory from PyObject_Malloc, set up by PyObject_Init. */
static PyObject *apis_make_blob(PyObject *self, PyObject *unused) {
    BlobObject *b = (BlobObject *)PyObject_Malloc(sizeof(BlobObject));
    if (b == NULL) return PyErr_NoMemory();
    PyObject *o = PyObject_Init((PyObject *)b, &BlobType);
    if (o != NULL) b->value = 42;
    return o;
}
static PyObject *apis_blob_value(PyObject *self, PyObject *o) {
    if (!PyObject_TypeCheck(o, &BlobType)) {
        PyErr_SetString(PyExc_TypeError, "not a Blob");
        return NULL;
    }
    return PyLong_FromLong(((BlobObject *)o)->value);
}

static PyObject *cls_name(PyObject *cls, PyObject *unused) {
    return PyObject_GetAttrString(cls, "__name__");
}
static PyMethodDef cls_name_def = {"cls_name", cls_name, METH_CLASS | METH_NOARGS, NULL};
/* Without METH_CLASS: the descriptor still binds the class. */
static PyMethodDef cls_name2_def = {"cls_name2", cls_name, METH_NOARGS, NULL};

/* add_classmethod(cls): cls.cls_name = classmethod descriptor. */
static PyObject *apis_add_classmethod(PyObject *self, PyObject *cls) {
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, "a class is required");
        return NULL;
    }
    PyObject *d = PyDescr_NewClassMethod((PyTypeObject *)cls, &cls_name_def);
    if (d == NULL) return NULL;
    int r = PyObject_SetAttrString(cls, "cls_name", d);
    Py_DECREF(d);
    if (r < 0) return NULL;
    d = PyDescr_NewClassMethod((PyTypeObject *)cls, &cls_name2_def);
    if (d == NULL) return NULL;
    r = PyObject_SetAttrString(cls, "cls_name2", d);
    Py_DECREF(d);
    if (r < 0) return NULL;
    Py_RETURN_NONE;
}

static PyMethodDef apis_methods[] = {
    {"run", apis_run, METH_VARARGS, NULL},
    {"fail_in", apis_fail_in, METH_VARARGS, NULL},
    {"globals_is", apis_globals_is, METH_O, NULL},
    {"frame_info", apis_frame_info, METH_NOARGS, NULL},
    {"builtins_has_len", apis_builtins_has_len, METH_NOARGS, NULL},
    {"exc_info", apis_exc_info, METH_NOARGS, NULL},
    {"swap_handled", apis_swap_handled, METH_O, NULL},
    {"sys_set", apis_sys_set, METH_VARARGS, NULL},
    {"unraisable", apis_unraisable, METH_O, NULL},
    {"warn_explicit", apis_warn_explicit, METH_NOARGS, NULL},
    {"states", apis_states, METH_NOARGS, NULL},
    {"locks", apis_locks, METH_NOARGS, NULL},
    {"dictproxy", apis_dictproxy, METH_O, NULL},
    {"bytearrays", apis_bytearrays, METH_NOARGS, NULL},
    {"bytearray_size", apis_bytearray_size, METH_O, NULL},
    {"inplace", apis_inplace, METH_VARARGS, NULL},
    {"concat", apis_concat, METH_VARARGS, NULL},
    {"slice", apis_slice, METH_VARARGS, NULL},
    {"call_method", apis_call_method, METH_VARARGS, NULL},
    {"is_gc", apis_is_gc, METH_O, NULL},
    {"decode", apis_decode, METH_VARARGS, NULL},
    {"latin1", apis_latin1, METH_VARARGS, NULL},
    {"make_blob", apis_make_blob, METH_NOARGS, NULL},
    {"blob_value", apis_blob_value, METH_O, NULL},
    {"add_classmethod", apis_add_classmethod, METH_O, NULL},
    {NULL}
};

static struct PyModuleDef apis_module = {
    PyModuleDef_HEAD_INIT, "apis", NULL, -1, apis_methods,
};

PyMODINIT_FUNC PyInit_apis(void) {
    if (PyType_Ready(&BlobType) < 0) return NULL;
    return PyModule_Create(&apis_module);
}
