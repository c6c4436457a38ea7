/* The object layer's functions that the other C tests do not reach:
 * capsules, dicts, lists, tuples, sets, ints, numbers, the object and
 * sequence/mapping protocols, str functions, exceptions, slices and float
 * conversions. Each check records its result and, for functions returning
 * objects, whether the return is a new reference (the object's count goes
 * up by one) or a borrowed one (unchanged); error returns record the
 * exception type and message. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* ------------------------------------------------------------- recording */

static PyObject *out; /* the list of results of the running check */

static void rec(const char *what, PyObject *v) {
    PyObject *t;
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
            /* SystemError's message is the interpreter's own (CPython names
             * its C file and line). */
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
        /* The value as it is now (the object may change later). */
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

/* Records a new reference and drops it. */
static void rec_new(const char *what, PyObject *v) {
    rec(what, v);
    Py_XDECREF(v);
}

/* Records an int result, with the exception if it is -1 (or `bad`). */
static void rec_int(const char *what, long long v, long long bad) {
    if (v == bad && PyErr_Occurred()) {
        rec(what, NULL);
    } else {
        rec_new(what, PyLong_FromLongLong(v));
    }
}

/* Records whether an exception is pending without one being expected. */
static void rec_noerr(const char *what) {
    if (PyErr_Occurred()) {
        rec(what, NULL);
    } else {
        rec(what, Py_None);
    }
}

/* How a call changed the count of `o`: 1 for a new reference, 0 for a
 * borrowed one. */
#define DELTA(o, expr, result)                     \
    do {                                           \
        Py_ssize_t before_ = Py_REFCNT(o);         \
        result = (expr);                           \
        delta_ = Py_REFCNT(o) - before_;           \
    } while (0)

static Py_ssize_t delta_;

static PyObject *begin(void) {
    out = PyList_New(0);
    return out;
}

static PyObject *finish(void) {
    PyObject *r = out;
    out = NULL;
    return r;
}

/* -------------------------------------------------------------- capsules */

static int destructor_calls;
static void capsule_destructor(PyObject *c) { destructor_calls++; }
static int payload = 42, other = 7;

static PyObject *o_capsules(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    PyObject *c = PyCapsule_New(&payload, "objects.cap", NULL);
    rec("valid", PyBool_FromLong(PyCapsule_IsValid(c, "objects.cap")));
    rec("valid other name", PyBool_FromLong(PyCapsule_IsValid(c, "x.cap")));
    rec("valid no capsule", PyBool_FromLong(PyCapsule_IsValid(Py_None, "objects.cap")));
    int *p = PyCapsule_GetPointer(c, "objects.cap");
    rec_new("pointer", PyLong_FromLong(p ? *p : -1));
    p = PyCapsule_GetPointer(c, "wrong.name");
    rec("wrong name", p ? Py_True : NULL);
    p = PyCapsule_GetPointer(Py_None, "objects.cap");
    rec("not a capsule", p ? Py_True : NULL);
    rec_new("name", PyUnicode_FromString(PyCapsule_GetName(c)));
    rec_int("set pointer", PyCapsule_SetPointer(c, &other), -1);
    p = PyCapsule_GetPointer(c, "objects.cap");
    rec_new("new pointer", PyLong_FromLong(p ? *p : -1));
    rec_int("set NULL pointer", PyCapsule_SetPointer(c, NULL), -1);
    rec_int("set context", PyCapsule_SetContext(c, &payload), -1);
    rec("context", PyCapsule_GetContext(c) == &payload ? Py_True : Py_False);
    rec_int("set destructor", PyCapsule_SetDestructor(c, capsule_destructor), -1);
    rec("destructor", PyCapsule_GetDestructor(c) == capsule_destructor ? Py_True : Py_False);
    rec_int("set name", PyCapsule_SetName(c, "objects.other"), -1);
    rec("old name valid", PyBool_FromLong(PyCapsule_IsValid(c, "objects.cap")));
    rec("new name valid", PyBool_FromLong(PyCapsule_IsValid(c, "objects.other")));
    PyObject *n = PyCapsule_New(NULL, "x", NULL);
    rec("NULL pointer capsule", n);
    PyObject *anon = PyCapsule_New(&payload, NULL, NULL);
    p = PyCapsule_GetPointer(anon, NULL);
    rec_new("unnamed", PyLong_FromLong(p ? *p : -1));
    p = PyCapsule_GetPointer(anon, "named");
    rec("unnamed with a name", p ? Py_True : NULL);
    Py_DECREF(anon);
    Py_DECREF(c);
    return finish();
}

/* The capsule `objects.api` (set by the driver as a module attribute). */
static PyObject *o_capsule_import(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    int *p = PyCapsule_Import("objects.api", 0);
    rec_new("import", PyLong_FromLong(p ? *p : -1));
    p = PyCapsule_Import("objects.missing", 0);
    rec("missing attribute", p ? Py_True : NULL);
    p = PyCapsule_Import("no_such_module_x.api", 0);
    rec("missing module", p ? Py_True : NULL);
    p = PyCapsule_Import("objects.notcap", 0);
    rec("not a capsule", p ? Py_True : NULL);
    return finish();
}

static PyObject *o_make_api_capsule(PyObject *m, PyObject *unused) {
    return PyCapsule_New(&payload, "objects.api", NULL);
}

/* ----------------------------------------------------------------- dicts */

static PyObject *o_dicts(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    PyObject *d = PyDict_New(), *v = PyList_New(0), *k = PyUnicode_FromString("key");
    PyObject *r;
    PyDict_SetItem(d, k, v);
    DELTA(v, PyDict_GetItem(d, k), r);
    rec("GetItem", r);
    rec_new("GetItem borrowed", PyLong_FromSsize_t(delta_));
    rec("GetItem missing", PyDict_GetItem(d, Py_None) ? Py_True : Py_False);
    rec_noerr("GetItem missing sets nothing");
    PyObject *unhashable = PyList_New(0);
    rec("GetItem unhashable", PyDict_GetItem(d, unhashable) ? Py_True : Py_False);
    rec_noerr("GetItem unhashable sets nothing");
    DELTA(v, PyDict_GetItemWithError(d, k), r);
    rec("GetItemWithError", r);
    rec_new("GetItemWithError borrowed", PyLong_FromSsize_t(delta_));
    r = PyDict_GetItemWithError(d, Py_None);
    rec("GetItemWithError missing", r ? r : (PyErr_Occurred() ? NULL : Py_False));
    r = PyDict_GetItemWithError(d, unhashable);
    rec("GetItemWithError unhashable", r ? r : (PyErr_Occurred() ? NULL : Py_False));
    rec_int("Contains", PyDict_Contains(d, k), -1);
    rec_int("Contains missing", PyDict_Contains(d, Py_None), -1);
    rec_int("Contains unhashable", PyDict_Contains(d, unhashable), -1);
    PyDict_SetItemString(d, "two", Py_True);
    rec_new("Keys", PyDict_Keys(d));
    rec_new("Values", PyDict_Values(d));
    rec_new("Items", PyDict_Items(d));
    PyObject *c = PyDict_Copy(d);
    rec("Copy", c);
    rec_int("Copy is new", c != d, -1);
    rec_int("DelItem", PyDict_DelItem(d, k), -1);
    rec_int("DelItem missing", PyDict_DelItem(d, k), -1);
    rec_int("DelItemString", PyDict_DelItemString(d, "two"), -1);
    rec_int("DelItemString missing", PyDict_DelItemString(d, "two"), -1);
    rec("after deletes", d);
    PyObject *src = Py_BuildValue("{s:i,s:i}", "key", 5, "new", 6);
    rec_int("Merge keep", PyDict_Merge(c, src, 0), -1);
    rec("merged keep", c);
    rec_int("Merge override", PyDict_Merge(c, src, 1), -1);
    rec("merged override", c);
    rec_int("Merge no mapping", PyDict_Merge(c, Py_None, 1), -1);
    PyDict_Clear(c);
    rec("Clear", c);
    rec_int("Clear no dict", (PyDict_Clear(Py_None), 0), -1);
    rec_int("DelItem no dict", PyDict_DelItem(Py_None, k), -1);
    rec("Keys no dict", PyDict_Keys(Py_None));
    Py_DECREF(src);
    Py_DECREF(c);
    Py_DECREF(unhashable);
    Py_DECREF(d);
    Py_DECREF(v);
    Py_DECREF(k);
    return finish();
}

/* ---------------------------------------------------- lists, tuples, sets */

static PyObject *o_lists(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    PyObject *item = PyList_New(0), *r;
    PyObject *l = Py_BuildValue("[iiO]", 3, 1, item);
    DELTA(item, PyList_GetItem(l, 2), r);
    rec("GetItem", r);
    rec_new("GetItem borrowed", PyLong_FromSsize_t(delta_));
    rec("GetItem out of range", PyList_GetItem(l, 3));
    rec("GetItem negative", PyList_GetItem(l, -1));
    rec("GetItem no list", PyList_GetItem(Py_None, 0));
    PyList_SetSlice(l, 2, 3, NULL);
    rec("SetSlice delete", l);
    rec_int("Insert", PyList_Insert(l, 0, Py_None), -1);
    rec_int("Insert past the end", PyList_Insert(l, 100, Py_True), -1);
    rec_int("Insert negative", PyList_Insert(l, -100, Py_False), -1);
    rec("after inserts", l);
    rec_int("Insert no list", PyList_Insert(Py_None, 0, Py_None), -1);
    PyObject *nums = Py_BuildValue("[iiii]", 4, 2, 3, 1);
    rec_int("Sort", PyList_Sort(nums), -1);
    rec("sorted", nums);
    rec_int("Reverse", PyList_Reverse(nums), -1);
    rec("reversed", nums);
    PyObject *mixed = Py_BuildValue("[isi]", 1, "a", 2);
    rec_int("Sort mixed", PyList_Sort(mixed), -1);
    rec_int("Sort no list", PyList_Sort(Py_None), -1);
    PyObject *repl = Py_BuildValue("[ss]", "x", "y");
    rec_int("SetSlice replace", PyList_SetSlice(nums, 1, 3, repl), -1);
    rec("replaced", nums);
    rec_int("SetSlice no list", PyList_SetSlice(Py_None, 0, 1, NULL), -1);
    rec_new("AsTuple", PyList_AsTuple(nums));
    rec("AsTuple no list", PyList_AsTuple(Py_None));
    PyObject *t = Py_BuildValue("(iiiii)", 0, 1, 2, 3, 4);
    rec_new("Tuple GetSlice", PyTuple_GetSlice(t, 1, 3));
    rec_new("Tuple GetSlice clipped", PyTuple_GetSlice(t, -5, 100));
    rec("Tuple GetSlice no tuple", PyTuple_GetSlice(Py_None, 0, 1));
    Py_DECREF(t);
    Py_DECREF(repl);
    Py_DECREF(mixed);
    Py_DECREF(nums);
    Py_DECREF(l);
    Py_DECREF(item);
    return finish();
}

static PyObject *o_sets(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    PyObject *s = PySet_New(NULL);
    PyObject *k = PyUnicode_FromString("a"), *unhashable = PyList_New(0);
    rec_int("Add", PySet_Add(s, k), -1);
    rec_int("Add again", PySet_Add(s, k), -1);
    rec_int("Add unhashable", PySet_Add(s, unhashable), -1);
    rec_int("Size", PySet_Size(s), -1);
    rec_int("Contains", PySet_Contains(s, k), -1);
    rec_int("Contains missing", PySet_Contains(s, Py_None), -1);
    rec_int("Contains unhashable", PySet_Contains(s, unhashable), -1);
    rec_int("Discard", PySet_Discard(s, k), -1);
    rec_int("Discard missing", PySet_Discard(s, k), -1);
    PySet_Add(s, Py_None);
    rec_new("Pop", PySet_Pop(s));
    rec("Pop empty", PySet_Pop(s));
    PyObject *it = Py_BuildValue("[iii]", 1, 2, 1);
    PyObject *s2 = PySet_New(it);
    rec_int("New from list", PySet_Size(s2), -1);
    rec_int("Clear", PySet_Clear(s2), -1);
    rec_int("cleared", PySet_Size(s2), -1);
    PyObject *f = PyFrozenSet_New(it);
    rec_int("FrozenSet_New", PyFrozenSet_Check(f) && PySet_Size(f) == 2, -1);
    rec_int("Add to frozenset", PySet_Add(f, Py_None), -1);
    rec("New from int", PySet_New(Py_None));
    rec_int("Size no set", PySet_Size(Py_None), -1);
    Py_DECREF(f);
    Py_DECREF(s2);
    Py_DECREF(it);
    Py_DECREF(s);
    Py_DECREF(k);
    Py_DECREF(unhashable);
    return finish();
}

/* ------------------------------------------------------------ ints, numbers */

static PyObject *o_ints(PyObject *m, PyObject *args) {
    PyObject *big, *neg;
    if (!PyArg_ParseTuple(args, "OO", &big, &neg)) return NULL;
    if (!begin()) return NULL;
    int overflow = 0;
    long v = PyLong_AsLongAndOverflow(big, &overflow);
    rec_new("AsLongAndOverflow big", Py_BuildValue("(li)", v, overflow));
    v = PyLong_AsLongAndOverflow(neg, &overflow);
    rec_new("AsLongAndOverflow -big", Py_BuildValue("(li)", v, overflow));
    PyObject *small = PyLong_FromLong(-12);
    v = PyLong_AsLongAndOverflow(small, &overflow);
    rec_new("AsLongAndOverflow small", Py_BuildValue("(li)", v, overflow));
    long long ll = PyLong_AsLongLongAndOverflow(big, &overflow);
    rec_new("AsLongLongAndOverflow", Py_BuildValue("(Li)", ll, overflow));
    v = PyLong_AsLongAndOverflow(Py_None, &overflow);
    rec_int("AsLongAndOverflow None", v, -1);
    rec_int("AsLongLong big", PyLong_AsLongLong(big), -1);
    unsigned long ul = PyLong_AsUnsignedLong(small);
    rec_int("AsUnsignedLong negative", ul == (unsigned long)-1 ? -1 : 0, -1);
    rec_new("AsUnsignedLong", PyLong_FromUnsignedLong(PyLong_AsUnsignedLong(PyLong_FromUnsignedLong(4000000000UL))));
    unsigned long long ull = PyLong_AsUnsignedLongLong(big);
    rec_int("AsUnsignedLongLong big", ull == (unsigned long long)-1 ? -1 : 0, -1);
    rec_new("AsUnsignedLongLongMask", PyLong_FromUnsignedLongLong(PyLong_AsUnsignedLongLongMask(small)));
    rec_new("AsUnsignedLongMask", PyLong_FromUnsignedLong(PyLong_AsUnsignedLongMask(big) & 0xffffffffUL));
    size_t sz = PyLong_AsSize_t(small);
    rec_int("AsSize_t negative", sz == (size_t)-1 ? -1 : 0, -1);
    rec_new("AsSize_t", PyLong_FromSize_t(PyLong_AsSize_t(PyLong_FromSize_t(123456789))));
    rec_int("AsSize_t None", PyLong_AsSize_t(Py_None) == (size_t)-1 ? -1 : 0, -1);
    double d = PyLong_AsDouble(big);
    rec_new("AsDouble", PyFloat_FromDouble(d));
    rec_int("AsDouble str", PyLong_AsDouble(Py_None) == -1.0 ? -1 : 0, -1);
    rec_new("FromDouble", PyLong_FromDouble(-3.99));
    rec("FromDouble inf", PyLong_FromDouble(1.0 / 0.0));
    rec_new("FromLongLong", PyLong_FromLongLong(-9000000000000000000LL));
    rec_new("FromUnsignedLongLong", PyLong_FromUnsignedLongLong(18000000000000000000ULL));
    void *ptr = PyLong_AsVoidPtr(PyLong_FromVoidPtr(&payload));
    rec("VoidPtr round trip", ptr == &payload ? Py_True : Py_False);
    char *end = NULL;
    const char *text = "  -0x1F";
    PyObject *parsed = PyLong_FromString(text, &end, 0);
    rec_new("FromString", Py_BuildValue("(Nl)", parsed, (long)(end - text)));
    rec("FromString trailing text", PyLong_FromString("0x1F rest", NULL, 0));
    rec("FromString bad", PyLong_FromString("12z", NULL, 10));
    rec("FromString base", PyLong_FromString("12", NULL, 99));
    Py_DECREF(small);
    return finish();
}

static PyObject *o_numbers(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    PyObject *a = PyLong_FromLong(-7), *b = PyLong_FromLong(2), *f = PyFloat_FromDouble(2.5);
    PyObject *s = PyUnicode_FromString("x");
    rec_new("Absolute", PyNumber_Absolute(a));
    rec_new("Negative", PyNumber_Negative(a));
    rec_new("Positive", PyNumber_Positive(f));
    rec_new("Invert", PyNumber_Invert(a));
    rec("Invert float", PyNumber_Invert(f));
    rec_new("Divmod", PyNumber_Divmod(a, b));
    rec("Divmod by zero", PyNumber_Divmod(a, PyLong_FromLong(0)));
    rec_new("Power", PyNumber_Power(b, PyLong_FromLong(10), Py_None));
    rec_new("Power mod", PyNumber_Power(b, PyLong_FromLong(10), PyLong_FromLong(1000)));
    rec("Power str", PyNumber_Power(s, b, Py_None));
    rec("MatrixMultiply", PyNumber_MatrixMultiply(a, b));
    PyObject *acc = PyLong_FromLong(1);
    PyObject *acc2 = PyNumber_InPlaceAdd(acc, b);
    rec_new("InPlaceAdd", acc2);
    PyObject *l = Py_BuildValue("[i]", 1), *l2 = Py_BuildValue("[i]", 2);
    PyObject *r = PyNumber_InPlaceAdd(l, l2);
    rec("InPlaceAdd list", l);
    rec_int("InPlaceAdd list is in place", r == l, -1);
    Py_XDECREF(r);
    rec_new("InPlacePower", PyNumber_InPlacePower(b, b, Py_None));
    rec_new("Index", PyNumber_Index(a));
    rec("Index float", PyNumber_Index(f));
    rec_new("Long float", PyNumber_Long(f));
    rec_new("Long str", PyNumber_Long(PyUnicode_FromString(" 42 ")));
    rec("Long bad str", PyNumber_Long(s));
    rec_new("Float int", PyNumber_Float(a));
    rec_new("Float str", PyNumber_Float(PyUnicode_FromString("1e3")));
    rec("Float None", PyNumber_Float(Py_None));
    rec_new("ToBase 16", PyNumber_ToBase(PyLong_FromLong(255), 16));
    rec_new("ToBase 2", PyNumber_ToBase(a, 2));
    rec_new("ToBase 8", PyNumber_ToBase(PyLong_FromLong(8), 8));
    rec("ToBase 7", PyNumber_ToBase(a, 7));
    PyObject *huge = PyNumber_Power(b, PyLong_FromLong(100), Py_None);
    rec_int("AsSsize_t huge clipped", PyNumber_AsSsize_t(huge, NULL) == PY_SSIZE_T_MAX, -1);
    rec_int("AsSsize_t huge error", PyNumber_AsSsize_t(huge, PyExc_OverflowError), -1);
    rec_int("AsSsize_t float", PyNumber_AsSsize_t(f, NULL), -1);
    rec_int("Check int float str", PyNumber_Check(a) * 100 + PyNumber_Check(f) * 10 + PyNumber_Check(s), -1);
    rec_int("Index_Check int float", PyIndex_Check(a) * 10 + PyIndex_Check(f), -1);
    Py_DECREF(huge);
    Py_DECREF(l);
    Py_DECREF(l2);
    Py_DECREF(acc);
    Py_DECREF(a);
    Py_DECREF(b);
    Py_DECREF(f);
    Py_DECREF(s);
    return finish();
}

/* ---------------------------------------------------- the object protocol */

static PyObject *o_objects(PyObject *m, PyObject *args) {
    PyObject *obj, *cls;
    if (!PyArg_ParseTuple(args, "OO", &obj, &cls)) return NULL;
    if (!begin()) return NULL;
    PyObject *name = PyUnicode_FromString("attr"), *val = PyList_New(0), *r;
    rec_int("HasAttr before", PyObject_HasAttr(obj, name), -1);
    rec_int("SetAttr", PyObject_SetAttr(obj, name, val), -1);
    DELTA(val, PyObject_GetAttr(obj, name), r);
    rec("GetAttr", r);
    rec_new("GetAttr new", PyLong_FromSsize_t(delta_));
    Py_XDECREF(r);
    rec_int("HasAttr", PyObject_HasAttr(obj, name), -1);
    rec_int("SetAttr NULL deletes", PyObject_SetAttr(obj, name, NULL), -1);
    rec("GetAttr missing", PyObject_GetAttr(obj, name));
    rec("GetAttr non-str name", PyObject_GetAttr(obj, Py_None));
    rec_int("SetAttr on int", PyObject_SetAttr(Py_None, name, val), -1);
    PyObject *d = PyDict_New();
    rec_int("SetItem", PyObject_SetItem(d, name, val), -1);
    DELTA(val, PyObject_GetItem(d, name), r);
    rec("GetItem", r);
    rec_new("GetItem new", PyLong_FromSsize_t(delta_));
    Py_XDECREF(r);
    rec("GetItem missing", PyObject_GetItem(d, Py_None));
    rec("GetItem not subscriptable", PyObject_GetItem(Py_None, name));
    rec_int("DelItem", PyObject_DelItem(d, name), -1);
    rec_int("DelItem missing", PyObject_DelItem(d, name), -1);
    rec_int("SetItem on None", PyObject_SetItem(Py_None, name, val), -1);
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2);
    rec_new("RichCompare lt", PyObject_RichCompare(one, two, Py_LT));
    rec_new("RichCompare ge", PyObject_RichCompare(one, two, Py_GE));
    rec("RichCompare mixed", PyObject_RichCompare(one, name, Py_LT));
    rec_int("RichCompareBool eq", PyObject_RichCompareBool(one, one, Py_EQ), -1);
    rec_int("IsTrue", PyObject_IsTrue(val) * 10 + PyObject_IsTrue(one), -1);
    rec_int("Not", PyObject_Not(val) * 10 + PyObject_Not(one), -1);
    rec_int("IsTrue raising", PyObject_IsTrue(obj), -1);
    rec_int("Hash", PyObject_Hash(one), -1);
    rec_int("Hash unhashable", PyObject_Hash(val), -1);
    rec_int("Size", PyObject_Size(name), -1);
    rec_int("Length", PyObject_Length(val), -1);
    rec_int("Size no len", PyObject_Size(one), -1);
    rec_new("Type", PyObject_Type(one));
    rec_int("IsInstance", PyObject_IsInstance(obj, cls), -1);
    rec_int("IsInstance tuple", PyObject_IsInstance(one, Py_BuildValue("(OO)", &PyUnicode_Type, &PyLong_Type)), -1);
    rec_int("IsInstance bad", PyObject_IsInstance(one, one), -1);
    rec_int("IsSubclass", PyObject_IsSubclass(cls, (PyObject *)&PyBaseObject_Type), -1);
    rec_int("IsSubclass bad", PyObject_IsSubclass(one, cls), -1);
    PyObject *dir = PyObject_Dir(one);
    rec_int("Dir has __add__", dir ? PySequence_Contains(dir, PyUnicode_FromString("__add__")) : -1, -1);
    Py_XDECREF(dir);
    rec_new("Format", PyObject_Format(PyFloat_FromDouble(3.14159), PyUnicode_FromString(".2f")));
    rec_new("Format empty spec", PyObject_Format(one, NULL));
    rec("Format bad spec", PyObject_Format(one, PyUnicode_FromString("q")));
    rec_new("ASCII", PyObject_ASCII(PyUnicode_FromString("caf\xc3\xa9")));
    rec_new("Bytes", PyObject_Bytes(Py_BuildValue("[ii]", 65, 66)));
    rec("Bytes str", PyObject_Bytes(name));
    PyObject *args2 = Py_BuildValue("(i)", -5);
    PyObject *absf = PyObject_GetAttrString(PyEval_GetBuiltins() ? PyImport_ImportModule("builtins") : NULL, "abs");
    rec_new("CallObject", PyObject_CallObject(absf, args2));
    r = PyObject_CallObject(cls, NULL);
    rec_int("CallObject no args", r ? PyObject_IsInstance(r, cls) : -1, -1);
    Py_XDECREF(r);
    rec("CallObject bad args", PyObject_CallObject(absf, NULL));
    rec_new("CallOneArg", PyObject_CallOneArg(absf, two));
    rec("Call not callable", PyObject_CallOneArg(one, two));
    Py_XDECREF(absf);
    Py_DECREF(args2);
    Py_DECREF(one);
    Py_DECREF(two);
    Py_DECREF(d);
    Py_DECREF(val);
    Py_DECREF(name);
    return finish();
}

/* ------------------------------------------ sequences, mappings, iterators */

static PyObject *o_protocols(PyObject *m, PyObject *args) {
    PyObject *gen;
    if (!PyArg_ParseTuple(args, "O", &gen)) return NULL;
    if (!begin()) return NULL;
    PyObject *l = Py_BuildValue("[iii]", 1, 2, 3), *t = Py_BuildValue("(ii)", 4, 5);
    PyObject *d = Py_BuildValue("{s:i}", "k", 1), *one = PyLong_FromLong(1);
    rec_int("Sequence_Check list dict", PySequence_Check(l) * 10 + PySequence_Check(d), -1);
    rec_int("Mapping_Check dict int", PyMapping_Check(d) * 10 + PyMapping_Check(one), -1);
    rec_int("Sequence_Contains", PySequence_Contains(l, one), -1);
    rec_int("Sequence_Contains no container", PySequence_Contains(one, one), -1);
    rec_int("Sequence_Size", PySequence_Size(t), -1);
    rec_int("Sequence_Length", PySequence_Length(l), -1);
    rec_int("Sequence_Size dict", PySequence_Size(d), -1);
    rec_int("Sequence_SetItem", PySequence_SetItem(l, -1, Py_None), -1);
    rec_int("Sequence_SetItem tuple", PySequence_SetItem(t, 0, Py_None), -1);
    rec_int("Sequence_SetItem out of range", PySequence_SetItem(l, 10, Py_None), -1);
    rec_int("Sequence_DelItem", PySequence_DelItem(l, 0), -1);
    rec("after", l);
    rec_new("Sequence_List", PySequence_List(t));
    rec_new("Sequence_Tuple gen", PySequence_Tuple(gen));
    rec("Sequence_Tuple int", PySequence_Tuple(one));
    rec("Sequence_List int", PySequence_List(one));
    rec_new("Mapping_Keys", PyMapping_Keys(d));
    rec_new("Mapping_Values", PyMapping_Values(d));
    rec_new("Mapping_Items", PyMapping_Items(d));
    rec("Mapping_Keys int", PyMapping_Keys(one));
    PyObject *it = PyObject_GetIter(l);
    rec_int("Iter_Check iterator list", PyIter_Check(it) * 10 + PyIter_Check(l), -1);
    Py_XDECREF(it);
    Py_DECREF(l);
    Py_DECREF(t);
    Py_DECREF(d);
    Py_DECREF(one);
    return finish();
}

/* ------------------------------------------------------------------- str */

static PyObject *o_strings(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    PyObject *s = PyUnicode_FromString("h\xc3\xa9llo w\xc3\xb6rld"), *sub = PyUnicode_FromString("l");
    PyObject *one = PyLong_FromLong(1);
    rec_int("GetLength", PyUnicode_GetLength(s), -1);
    rec_int("GetLength bytes", PyUnicode_GetLength(one), -1);
    rec_int("ReadChar", PyUnicode_ReadChar(s, 1), (long long)(Py_UCS4)-1);
    rec_int("ReadChar out of range", (long long)PyUnicode_ReadChar(s, 50), (long long)(Py_UCS4)-1);
    rec_new("Substring", PyUnicode_Substring(s, 1, 4));
    rec_new("Substring past end", PyUnicode_Substring(s, 9, 100));
    rec("Substring negative", PyUnicode_Substring(s, -1, 2));
    rec_int("Find", PyUnicode_Find(s, sub, 0, 100, 1), -2);
    rec_int("Find backwards", PyUnicode_Find(s, sub, 0, 100, -1), -2);
    rec_int("Find missing", PyUnicode_Find(s, one == NULL ? sub : PyUnicode_FromString("z"), 0, 100, 1), -2);
    rec_int("Find bad", PyUnicode_Find(s, one, 0, 100, 1), -2);
    rec_int("FindChar", PyUnicode_FindChar(s, 0xf6, 0, 100, 1), -2);
    rec_int("Count", PyUnicode_Count(s, sub, 0, 100), -1);
    rec_int("Contains", PyUnicode_Contains(s, sub), -1);
    rec_int("Contains bad", PyUnicode_Contains(s, one), -1);
    rec_int("Tailmatch", PyUnicode_Tailmatch(s, PyUnicode_FromString("rld"), 0, 100, 1), -1);
    rec_new("Concat", PyUnicode_Concat(sub, sub));
    rec("Concat bad", PyUnicode_Concat(sub, one));
    rec_int("Compare", PyUnicode_Compare(sub, s), -1);
    rec_int("Compare bad", PyUnicode_Compare(sub, one), -1);
    rec_int("CompareWithASCIIString", PyUnicode_CompareWithASCIIString(sub, "l") * 10 + PyUnicode_CompareWithASCIIString(sub, "m"), -1);
    PyObject *parts = PyUnicode_Split(s, NULL, -1);
    rec("Split", parts);
    rec_new("Split sep", PyUnicode_Split(s, sub, 1));
    rec_new("Join", PyUnicode_Join(PyUnicode_FromString("-"), parts));
    rec("Join bad", PyUnicode_Join(sub, Py_BuildValue("[i]", 1)));
    Py_XDECREF(parts);
    rec_new("Splitlines", PyUnicode_Splitlines(PyUnicode_FromString("a\nb\r\nc"), 1));
    rec_new("Replace", PyUnicode_Replace(s, sub, PyUnicode_FromString("L"), 2));
    rec_new("FromOrdinal", PyUnicode_FromOrdinal(0x263a));
    rec("FromOrdinal too big", PyUnicode_FromOrdinal(0x110000));
    rec_new("AsUTF8String", PyUnicode_AsUTF8String(s));
    rec("AsASCIIString", PyUnicode_AsASCIIString(s));
    rec_new("AsLatin1String", PyUnicode_AsLatin1String(s));
    rec_new("AsEncodedString", PyUnicode_AsEncodedString(s, "ascii", "replace"));
    rec("AsEncodedString unknown", PyUnicode_AsEncodedString(s, "no-such-codec", NULL));
    rec_new("DecodeUTF8", PyUnicode_DecodeUTF8("ab\xc3\xa9", 4, NULL));
    rec("DecodeUTF8 bad", PyUnicode_DecodeUTF8("ab\xff", 3, NULL));
    rec_new("DecodeUTF8 replace", PyUnicode_DecodeUTF8("ab\xff", 3, "replace"));
    rec_new("DecodeASCII", PyUnicode_DecodeASCII("abc", 3, NULL));
    rec("DecodeASCII bad", PyUnicode_DecodeASCII("ab\xc3", 3, NULL));
    int order = 0;
    rec_new("DecodeUTF16 BOM", PyUnicode_DecodeUTF16("\xfe\xff\0h\0\xe9\xd8\x3d\xde\x00", 10, NULL, &order));
    rec_int("DecodeUTF16 order", order, -2);
    order = -1;
    rec_new("DecodeUTF16 LE", PyUnicode_DecodeUTF16("h\0i\0", 4, NULL, &order));
    rec("DecodeUTF16 truncated", PyUnicode_DecodeUTF16("h\0i", 3, NULL, &order));
    rec("DecodeUTF16 lone low surrogate", PyUnicode_DecodeUTF16("\0\xdch\0", 4, NULL, &order));
    rec_new("DecodeUTF16 replace", PyUnicode_DecodeUTF16("\0\xdch\0", 4, "replace", &order));
    order = 1;
    rec_new("DecodeUTF32 BE", PyUnicode_DecodeUTF32("\0\0\0h\0\x01\xf6\x00", 8, NULL, &order));
    rec("DecodeUTF32 too big", PyUnicode_DecodeUTF32("\0\x11\0\0", 4, NULL, &order));
    rec_new("Decode utf-16-be", PyUnicode_Decode("\0o\0k", 4, "utf-16-be", NULL));
    rec_new("FromObject", PyUnicode_FromObject(s));
    rec("FromObject int", PyUnicode_FromObject(one));
    rec_new("Format", PyUnicode_Format(PyUnicode_FromString("%s=%d"), Py_BuildValue("(si)", "x", 3)));
    rec("Format bad", PyUnicode_Format(PyUnicode_FromString("%d"), Py_BuildValue("(s)", "x")));
    PyObject *interned = PyUnicode_InternFromString("objects_interned_name");
    PyObject *again = PyUnicode_FromString("objects_interned_name");
    PyUnicode_InternInPlace(&again);
    rec_int("InternInPlace", interned == again, -1);
    Py_DECREF(interned);
    Py_DECREF(again);
    Py_DECREF(one);
    Py_DECREF(sub);
    Py_DECREF(s);
    return finish();
}

/* ------------------------------------------------------------ exceptions */

static PyObject *o_exceptions(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    rec_int("GivenExceptionMatches subclass", PyErr_GivenExceptionMatches(PyExc_KeyError, PyExc_LookupError), -1);
    rec_int("GivenExceptionMatches tuple", PyErr_GivenExceptionMatches(PyExc_KeyError, Py_BuildValue("(OO)", PyExc_TypeError, PyExc_KeyError)), -1);
    rec_int("GivenExceptionMatches other", PyErr_GivenExceptionMatches(PyExc_KeyError, PyExc_TypeError), -1);
    PyObject *inst = PyObject_CallFunction(PyExc_ValueError, "s", "v");
    rec_int("GivenExceptionMatches instance", PyErr_GivenExceptionMatches(inst, PyExc_Exception), -1);
    PyErr_SetNone(PyExc_KeyError);
    rec("SetNone", NULL);
    PyErr_BadArgument();
    rec("BadArgument", NULL);
    PyObject *E = PyErr_NewExceptionWithDoc("objects.Custom", "A custom error.", PyExc_ValueError, NULL);
    rec("NewExceptionWithDoc", E);
    PyObject *doc = E ? PyObject_GetAttrString(E, "__doc__") : NULL;
    rec_new("doc", doc);
    PyObject *base = E ? PyObject_GetAttrString(E, "__base__") : NULL;
    rec_new("base", base);
    rec("NewExceptionWithDoc bad name", PyErr_NewExceptionWithDoc("nodot", NULL, NULL, NULL));
    PyObject *cause = PyObject_CallFunction(PyExc_KeyError, "s", "cause");
    PyObject *ctx = PyObject_CallFunction(PyExc_TypeError, "s", "context");
    rec("GetCause none", PyException_GetCause(inst) ? Py_True : Py_None);
    PyException_SetCause(inst, cause); /* steals */
    PyObject *c = PyException_GetCause(inst);
    rec("GetCause", c);
    Py_XDECREF(c);
    PyObject *sup = PyObject_GetAttrString(inst, "__suppress_context__");
    rec_new("SetCause suppresses context", sup);
    PyException_SetContext(inst, ctx); /* steals */
    c = PyException_GetContext(inst);
    rec("GetContext", c);
    Py_XDECREF(c);
    rec("GetTraceback none", PyException_GetTraceback(inst) ? Py_True : Py_None);
    rec_int("SetTraceback bad", PyException_SetTraceback(inst, PyLong_FromLong(1)), -1);
    rec_int("SetTraceback None", PyException_SetTraceback(inst, Py_None), -1);
    PyErr_SetObject(PyExc_ValueError, inst);
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    PyErr_NormalizeException(&et, &ev, &tb);
    rec_int("raised instance kept", ev == inst, -1);
    Py_XDECREF(et);
    Py_XDECREF(ev);
    Py_XDECREF(tb);
#ifdef FERROPY_VERSION
    /* 3.12's single-object form (CPython 3.11 has Fetch/Restore only). */
    PyErr_SetString(PyExc_IndexError, "raised");
    PyObject *exc = PyErr_GetRaisedException();
    rec_int("GetRaisedException clears", PyErr_Occurred() == NULL, -1);
    rec_new("GetRaisedException", exc ? PyObject_Repr(exc) : NULL);
    PyErr_SetRaisedException(exc); /* steals */
    rec("SetRaisedException", NULL);
    rec_int("GetRaisedException nothing", PyErr_GetRaisedException() == NULL, -1);
#else
    rec_int("GetRaisedException clears", 1, -1);
    rec_new("GetRaisedException", PyUnicode_FromString("IndexError('raised')"));
    PyErr_SetString(PyExc_IndexError, "raised");
    rec("SetRaisedException", NULL);
    rec_int("GetRaisedException nothing", 1, -1);
#endif
    Py_XDECREF(E);
    Py_DECREF(inst);
    return finish();
}

/* ----------------------------------------------------- slices and floats */

static PyObject *o_slices(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    PyObject *sl = PySlice_New(PyLong_FromLong(-3), Py_None, PyLong_FromLong(2));
    rec("New", sl);
    Py_ssize_t start, stop, step;
    rec_int("Unpack", PySlice_Unpack(sl, &start, &stop, &step), -1);
    Py_ssize_t len = PySlice_AdjustIndices(10, &start, &stop, step);
    rec_new("AdjustIndices", Py_BuildValue("(nnnn)", start, stop, step, len));
    PyObject *zero = PySlice_New(NULL, NULL, PyLong_FromLong(0));
    rec_int("Unpack zero step", PySlice_Unpack(zero, &start, &stop, &step), -1);
    PyObject *bad = PySlice_New(PyUnicode_FromString("a"), NULL, NULL);
    rec_int("Unpack str start", PySlice_Unpack(bad, &start, &stop, &step), -1);
    rec_new("New all NULL", PySlice_New(NULL, NULL, NULL));
    Py_XDECREF(sl);
    Py_XDECREF(zero);
    Py_XDECREF(bad);
    return finish();
}

static PyObject *o_floats(PyObject *m, PyObject *unused) {
    if (!begin()) return NULL;
    char *end = NULL;
    const char *text = "1.5e3xyz";
    double d = PyOS_string_to_double(text, &end, NULL);
    rec_new("string_to_double", Py_BuildValue("(dl)", d, (long)(end - text)));
    d = PyOS_string_to_double("abc", NULL, NULL);
    rec_int("string_to_double bad", d == -1.0 ? -1 : 0, -1);
    d = PyOS_string_to_double("1e999", NULL, PyExc_OverflowError);
    rec_int("string_to_double overflow", d == -1.0 ? -1 : 0, -1);
    d = PyOS_string_to_double("1e999", NULL, NULL);
    rec_new("string_to_double overflow to inf", PyFloat_FromDouble(d));
    char *s = PyOS_double_to_string(2.0 / 3.0, 'f', 3, 0, NULL);
    rec_new("double_to_string f", PyUnicode_FromString(s ? s : "NULL"));
    PyMem_Free(s);
    int type = -1;
    s = PyOS_double_to_string(1e20, 'r', 0, Py_DTSF_ADD_DOT_0, &type);
    rec_new("double_to_string r", Py_BuildValue("(si)", s ? s : "NULL", type));
    PyMem_Free(s);
    s = PyOS_double_to_string(12.0, 'g', 5, Py_DTSF_SIGN | Py_DTSF_ALT, NULL);
    rec_new("double_to_string g", PyUnicode_FromString(s ? s : "NULL"));
    PyMem_Free(s);
    rec_new("Float_FromString", PyFloat_FromString(PyUnicode_FromString(" -2.5 ")));
    rec("Float_FromString bad", PyFloat_FromString(PyUnicode_FromString("x")));
    PyObject *c = PyComplex_FromDoubles(1.5, -2.0);
    rec("Complex_FromDoubles", c);
    rec_new("Complex parts", Py_BuildValue("(dd)", PyComplex_RealAsDouble(c), PyComplex_ImagAsDouble(c)));
    rec_new("Complex parts of float", Py_BuildValue("(dd)", PyComplex_RealAsDouble(PyFloat_FromDouble(3.0)), PyComplex_ImagAsDouble(PyFloat_FromDouble(3.0))));
    rec_int("RealAsDouble str", PyComplex_RealAsDouble(PyUnicode_FromString("x")) == -1.0 ? -1 : 0, -1);
    Py_XDECREF(c);
    return finish();
}

static PyMethodDef objects_methods[] = {
    {"capsules", o_capsules, METH_NOARGS, NULL},
    {"capsule_import", o_capsule_import, METH_NOARGS, NULL},
    {"make_api_capsule", o_make_api_capsule, METH_NOARGS, NULL},
    {"dicts", o_dicts, METH_NOARGS, NULL},
    {"lists", o_lists, METH_NOARGS, NULL},
    {"sets", o_sets, METH_NOARGS, NULL},
    {"ints", o_ints, METH_VARARGS, NULL},
    {"numbers", o_numbers, METH_NOARGS, NULL},
    {"objects", o_objects, METH_VARARGS, NULL},
    {"protocols", o_protocols, METH_VARARGS, NULL},
    {"strings", o_strings, METH_NOARGS, NULL},
    {"exceptions", o_exceptions, METH_NOARGS, NULL},
    {"slices", o_slices, METH_NOARGS, NULL},
    {"floats", o_floats, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef objects_module = {
    PyModuleDef_HEAD_INIT, "objects", "Object-layer C API checks.", -1, objects_methods,
};

PyMODINIT_FUNC PyInit_objects(void) {
    return PyModule_Create(&objects_module);
}
