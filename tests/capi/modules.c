/* Modules, imports, types and C functions through the functions the other
 * C tests do not reach: PyModule_* (New, NewObject, GetDict, GetDef,
 * SetDocString, AddFunctions, FromDefAndSpec2, ExecDef), PyImport_*
 * (Import, GetModule, GetModuleDict, ImportModuleLevel(Object)), PyType_*
 * (GetFlags, GetName, GetQualName, IsSubtype), PyCFunction_*, PyMember_*,
 * PyDescr_NewMethod, PyObject_Generic{Get,Set}Attr, recursion guards,
 * Py_IncRef/DecRef, the GIL state and PyErr_Print. Results and error
 * returns are recorded as in objects.c. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

static PyObject *out;

static void rec(const char *what, PyObject *v) {
    PyObject *t = NULL;
    if (v == NULL) {
        PyObject *et, *ev, *tb;
        PyErr_Fetch(&et, &ev, &tb);
        PyErr_NormalizeException(&et, &ev, &tb);
        if (et == NULL) {
            t = Py_BuildValue("(ss)", what, "NULL without an exception");
        } else {
            PyObject *msg = ev ? PyObject_Str(ev) : NULL;
            PyErr_Clear();
            PyObject *name = PyObject_GetAttrString(et, "__name__");
            if (PyErr_GivenExceptionMatches(et, PyExc_SystemError)) {
                t = Py_BuildValue("(sO)", what, name ? name : Py_None);
            } else {
                t = Py_BuildValue("(sOO)", what, name ? name : Py_None, msg ? msg : Py_None);
            }
            Py_XDECREF(name);
            Py_XDECREF(msg);
        }
        Py_XDECREF(et);
        Py_XDECREF(ev);
        Py_XDECREF(tb);
    } else {
        PyObject *r = PyObject_Repr(v);
        t = r ? Py_BuildValue("(sN)", what, r) : NULL;
    }
    if (t != NULL) {
        PyList_Append(out, t);
        Py_DECREF(t);
    } else {
        PyErr_Clear();
    }
}

/* Records only the type of the pending exception (messages that name a C
 * type differ: CPython says "module.Name", ferropy "Name"). */
static void rec_type(const char *what, PyObject *v) {
    if (v == NULL && PyErr_Occurred()) {
        PyObject *et, *ev, *tb;
        PyErr_Fetch(&et, &ev, &tb);
        PyObject *name = PyObject_GetAttrString(et, "__name__");
        PyErr_Clear();
        rec(what, name);
        Py_XDECREF(name);
        Py_XDECREF(et);
        Py_XDECREF(ev);
        Py_XDECREF(tb);
    } else {
        rec(what, v);
    }
}

static void rec_new(const char *what, PyObject *v) {
    rec(what, v);
    Py_XDECREF(v);
}

static void rec_int(const char *what, long long v, long long bad) {
    if (v == bad && PyErr_Occurred()) {
        rec(what, NULL);
    } else {
        rec_new(what, PyLong_FromLongLong(v));
    }
}

static PyObject *finish(void) {
    PyObject *r = out;
    out = NULL;
    return r;
}

/* ------------------------------------------------------------------ modules */

static PyObject *f_twice(PyObject *self, PyObject *arg) {
    return PyNumber_Add(arg, arg);
}

static PyObject *f_self(PyObject *self, PyObject *unused) {
    Py_INCREF(self);
    return self;
}

static PyMethodDef extra_functions[] = {
    {"twice", f_twice, METH_O, "twice(x) -> x + x"},
    {"self", f_self, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int exec_calls;
static int made_exec(PyObject *m) {
    exec_calls++;
    return PyModule_AddIntConstant(m, "answer", 42);
}

static PyModuleDef_Slot made_slots[] = {
    {Py_mod_exec, made_exec},
    {0, NULL},
};

static struct PyModuleDef made_def = {
    PyModuleDef_HEAD_INIT, "made", "A module made from a spec.", 0, extra_functions, made_slots,
};

static PyObject *m_modules(PyObject *self, PyObject *spec) {
    if (!(out = PyList_New(0))) return NULL;
    PyObject *m = PyModule_New("modules_tmp");
    rec_new("New", PyObject_GetAttrString(m, "__name__"));
    PyObject *d = PyModule_GetDict(m);
    rec("GetDict name", PyDict_GetItemString(d, "__name__"));
    rec("GetDict no module", PyModule_GetDict(Py_None));
    rec_int("SetDocString", PyModule_SetDocString(m, "Some docs."), -1);
    rec("doc", PyDict_GetItemString(d, "__doc__"));
    rec_int("AddFunctions", PyModule_AddFunctions(m, extra_functions), -1);
    PyObject *twice = PyObject_GetAttrString(m, "twice");
    rec_new("function", PyObject_CallFunction(twice, "i", 21));
    rec_new("function __module__", PyObject_GetAttrString(twice, "__module__"));
    rec_new("function __doc__", PyObject_GetAttrString(twice, "__doc__"));
    rec_int("GetFlags", PyCFunction_GetFlags(twice), -1);
    rec("GetSelf is the module", PyCFunction_GetSelf(twice) == m ? Py_True : Py_False);
    rec("GetFunction", PyCFunction_GetFunction(twice) == (PyCFunction)f_twice ? Py_True : Py_False);
    rec("GetFunction of a Python object", PyCFunction_GetFunction(Py_None) ? Py_True : NULL);
    PyObject *selff = PyObject_GetAttrString(m, "self");
    PyObject *r = PyObject_CallNoArgs(selff);
    rec("METH_NOARGS self is the module", r == m ? Py_True : Py_False);
    Py_XDECREF(r);
    rec("GetDef of a plain module", PyModule_GetDef(m) == NULL && !PyErr_Occurred() ? Py_True : NULL);
    Py_XDECREF(selff);
    Py_XDECREF(twice);
    Py_XDECREF(m);
    PyObject *name = PyUnicode_FromString("modules_tmp2");
    m = PyModule_NewObject(name);
    rec_new("NewObject __name__", PyObject_GetAttrString(m, "__name__"));
    Py_XDECREF(m);
    Py_DECREF(name);
    PyObject *made = PyModule_FromDefAndSpec2(&made_def, spec, PYTHON_API_VERSION);
    rec_new("FromDefAndSpec2 __name__", PyObject_GetAttrString(made, "__name__"));
    rec_int("exec not yet run", exec_calls, -1);
    rec_int("ExecDef", PyModule_ExecDef(made, &made_def), -1);
    rec_int("exec run", exec_calls, -1);
    rec_new("constant", PyObject_GetAttrString(made, "answer"));
    rec("GetDef", PyModule_GetDef(made) == &made_def ? Py_True : Py_False);
    rec_new("doc", PyObject_GetAttrString(made, "__doc__"));
    Py_XDECREF(made);
    PyObject *plain = PyObject_GetAttrString(spec, "name");
    rec("FromDefAndSpec2 bad spec", PyModule_FromDefAndSpec2(&made_def, Py_None, PYTHON_API_VERSION));
    Py_XDECREF(plain);
    return finish();
}

/* ------------------------------------------------------------------ imports */

static PyObject *m_imports(PyObject *self, PyObject *globals) {
    if (!(out = PyList_New(0))) return NULL;
    PyObject *name = PyUnicode_FromString("json");
    PyObject *json = PyImport_Import(name);
    rec_new("Import __name__", json ? PyObject_GetAttrString(json, "__name__") : NULL);
    PyObject *again = PyImport_GetModule(name);
    rec("GetModule same", again == json ? Py_True : Py_False);
    Py_XDECREF(again);
    PyObject *missing = PyUnicode_FromString("modules_never_imported_x");
    PyObject *none = PyImport_GetModule(missing);
    rec("GetModule missing", none == NULL && !PyErr_Occurred() ? Py_True : NULL);
    rec("Import missing", PyImport_Import(missing));
    PyObject *mods = PyImport_GetModuleDict();
    rec("GetModuleDict has json", PyDict_GetItem(mods, name) == json ? Py_True : Py_False);
    PyObject *fromlist = Py_BuildValue("(s)", "path");
    PyObject *os = PyImport_ImportModuleLevel("os", globals, NULL, fromlist, 0);
    rec_new("ImportModuleLevel fromlist", os ? PyObject_GetAttrString(os, "__name__") : NULL);
    Py_XDECREF(os);
    PyObject *ospath = PyImport_ImportModuleLevel("os.path", globals, NULL, NULL, 0);
    rec_new("ImportModuleLevel dotted", ospath ? PyObject_GetAttrString(ospath, "__name__") : NULL);
    Py_XDECREF(ospath);
    PyObject *osname = PyUnicode_FromString("os");
    PyObject *o2 = PyImport_ImportModuleLevelObject(osname, globals, NULL, NULL, 0);
    rec_new("ImportModuleLevelObject", o2 ? PyObject_GetAttrString(o2, "__name__") : NULL);
    Py_XDECREF(o2);
    rec("ImportModuleLevel negative level", PyImport_ImportModuleLevel("os", globals, NULL, NULL, -1));
    rec("ImportModuleLevel relative at top", PyImport_ImportModuleLevel("x", globals, NULL, NULL, 1));
    Py_DECREF(osname);
    Py_DECREF(fromlist);
    Py_XDECREF(json);
    Py_DECREF(missing);
    Py_DECREF(name);
    return finish();
}

/* ------------------------------------------------------------------- types */

typedef struct {
    PyObject_HEAD
    int number;
    PyObject *obj;
} Rec;

static PyMemberDef rec_members[] = {
    {"number", T_INT, offsetof(Rec, number), 0, NULL},
    {"obj", T_OBJECT_EX, offsetof(Rec, obj), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

static PyObject *rec_hello(PyObject *self, PyObject *unused) {
    return PyUnicode_FromString("hello");
}

static PyMethodDef rec_method = {"hello", rec_hello, METH_NOARGS, NULL};

static PyType_Slot rec_slots[] = {
    {Py_tp_members, rec_members},
    {0, NULL},
};

static PyType_Spec rec_spec = {
    "modules.Rec", sizeof(Rec), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, rec_slots,
};

static PyObject *m_types(PyObject *self, PyObject *cls) {
    if (!(out = PyList_New(0))) return NULL;
    PyObject *t = PyType_FromSpec(&rec_spec);
    PyTypeObject *tp = (PyTypeObject *)t;
    rec_new("GetName", PyType_GetName(tp));
    rec_new("GetQualName", PyType_GetQualName(tp));
    rec_new("GetQualName of a nested class", PyType_GetQualName((PyTypeObject *)cls));
    rec_int("GetFlags BASETYPE", (PyType_GetFlags(tp) & Py_TPFLAGS_BASETYPE) != 0, -1);
    rec_int("GetFlags HEAPTYPE", (PyType_GetFlags(tp) & Py_TPFLAGS_HEAPTYPE) != 0, -1);
    rec_int("GetFlags of list LIST_SUBCLASS", (PyType_GetFlags(&PyList_Type) & Py_TPFLAGS_LIST_SUBCLASS) != 0, -1);
    rec_int("IsSubtype", PyType_IsSubtype((PyTypeObject *)cls, &PyBaseObject_Type), -1);
    rec_int("IsSubtype not", PyType_IsSubtype(&PyLong_Type, &PyUnicode_Type), -1);
    rec_int("IsSubtype bool int", PyType_IsSubtype(&PyBool_Type, &PyLong_Type), -1);
    PyObject *o = PyObject_CallNoArgs(t);
    Rec *r = (Rec *)o;
    r->number = 7;
    rec_new("GetOne int", PyMember_GetOne((const char *)o, &rec_members[0]));
    rec("GetOne unset T_OBJECT_EX", PyMember_GetOne((const char *)o, &rec_members[1]));
    PyObject *val = PyUnicode_FromString("v");
    rec_int("SetOne", PyMember_SetOne((char *)o, &rec_members[1], val), -1);
    rec_new("GetOne after SetOne", PyMember_GetOne((const char *)o, &rec_members[1]));
    rec_int("SetOne wrong type", PyMember_SetOne((char *)o, &rec_members[0], val), -1);
    rec_int("SetOne int", PyMember_SetOne((char *)o, &rec_members[0], PyLong_FromLong(-3)), -1);
    rec_new("attribute", PyObject_GetAttrString(o, "number"));
    PyObject *descr = PyDescr_NewMethod(tp, &rec_method);
    rec_int("NewMethod", descr != NULL, -1);
    rec_int("NewMethod stored", descr ? PyObject_SetAttrString(t, "hello", descr) : -1, -1);
    rec_new("method call", PyObject_CallMethod(o, "hello", NULL));
    Py_XDECREF(descr);
    PyObject *n = PyUnicode_FromString("number");
    rec_new("GenericGetAttr", PyObject_GenericGetAttr(o, n));
    rec_int("GenericSetAttr", PyObject_GenericSetAttr(o, n, PyLong_FromLong(11)), -1);
    rec_new("after GenericSetAttr", PyObject_GetAttrString(o, "number"));
    PyObject *nope = PyUnicode_FromString("nope");
    rec_type("GenericGetAttr missing", PyObject_GenericGetAttr(o, nope));
    rec_type("GenericSetAttr no dict", PyObject_GenericSetAttr(o, nope, Py_None) < 0 ? NULL : Py_None);
    Py_DECREF(nope);
    Py_DECREF(n);
    Py_DECREF(val);
    Py_XDECREF(o);
    Py_XDECREF(t);
    return finish();
}

/* ------------------------------------------------------------ miscellany */

static PyObject *m_recurse(PyObject *self, PyObject *f) {
    if (Py_EnterRecursiveCall(" in modules.recurse")) return NULL;
    PyObject *r = PyObject_CallOneArg(f, self);
    Py_LeaveRecursiveCall();
    return r;
}

static PyObject *m_misc(PyObject *self, PyObject *unused) {
    if (!(out = PyList_New(0))) return NULL;
    PyObject *o = PyList_New(0);
    Py_ssize_t before = Py_REFCNT(o);
    Py_IncRef(o);
    rec_int("IncRef", Py_REFCNT(o) - before, -1);
    Py_DecRef(o);
    rec_int("DecRef", Py_REFCNT(o) - before, -1);
    Py_IncRef(NULL);
    Py_DecRef(NULL);
    rec("IncRef/DecRef NULL", Py_None);
    PyGILState_STATE s1 = PyGILState_Ensure();
    PyGILState_STATE s2 = PyGILState_Ensure();
    PyGILState_Release(s2);
    PyGILState_Release(s1);
    rec_int("GILState nests", PyGILState_Check(), -1);
    Py_DECREF(o);
    return finish();
}

static PyObject *m_print(PyObject *self, PyObject *unused) {
    PyErr_SetString(PyExc_KeyError, "printed by PyErr_Print");
    PyErr_Print();
    PyErr_SetString(PyExc_ValueError, "printed by PyErr_PrintEx");
    PyErr_PrintEx(0);
    return PyBool_FromLong(PyErr_Occurred() == NULL);
}

static PyMethodDef modules_methods[] = {
    {"modules", m_modules, METH_O, NULL},
    {"imports", m_imports, METH_O, NULL},
    {"types", m_types, METH_O, NULL},
    {"recurse", m_recurse, METH_O, NULL},
    {"misc", m_misc, METH_NOARGS, NULL},
    {"print_errors", m_print, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef modules_module = {
    PyModuleDef_HEAD_INIT, "modules", NULL, -1, modules_methods,
};

PyMODINIT_FUNC PyInit_modules(void) {
    return PyModule_Create(&modules_module);
}
