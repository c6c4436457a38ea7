/* Objects, reference counts, types.
 *
 * PyObject is the header of every ferropy object: {ob_refcnt, ob_type}.
 * ob_refcnt counts *pins* held by C code: Py_INCREF pins (the object becomes
 * a root of the tracing collector), Py_DECREF to zero unpins, and nothing is
 * ever freed at zero: the collector reclaims unreachable objects. Py_REFCNT
 * reports ob_refcnt + 1, so "I hold the only reference" tests never fire on
 * an object the interpreter may share. Statics (None, True, builtin types,
 * ...) are immortal: their count is _Py_IMMORTAL_REFCNT and is never written.
 */
#ifndef Py_OBJECT_H
#define Py_OBJECT_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct _typeobject PyTypeObject; /* defined in typeobject.h */

typedef struct _object {
    Py_ssize_t ob_refcnt;
    PyTypeObject *ob_type;
} PyObject;

typedef struct {
    PyObject ob_base;
    Py_ssize_t ob_size;
} PyVarObject;

#define PyObject_HEAD PyObject ob_base;
#define PyObject_VAR_HEAD PyVarObject ob_base;
#define _PyObject_CAST(op) ((PyObject *)(op))
#define _PyVarObject_CAST(op) ((PyVarObject *)(op))
#define PyObject_HEAD_INIT(type) { 0, (type) },
/* Initialises the head of a static PyTypeObject (a union whose first
 * member is a PyVarObject, see typeobject.h). */
#define PyVarObject_HEAD_INIT(type, size) { { PyObject_HEAD_INIT(type) (size) } },

/* Counts at or above this are immortal (never written). */
#define _Py_IMMORTAL_REFCNT ((Py_ssize_t)(PY_SSIZE_T_MAX / 4))

static inline PyTypeObject *_Py_TYPE(PyObject *ob) { return ob->ob_type; }
#define Py_TYPE(ob) _Py_TYPE(_PyObject_CAST(ob))
static inline int _Py_IS_TYPE(PyObject *ob, PyTypeObject *type) { return ob->ob_type == type; }
#define Py_IS_TYPE(ob, type) _Py_IS_TYPE(_PyObject_CAST(ob), (type))
static inline void _Py_SET_TYPE(PyObject *ob, PyTypeObject *type) { ob->ob_type = type; }
#define Py_SET_TYPE(ob, type) _Py_SET_TYPE(_PyObject_CAST(ob), (type))
static inline Py_ssize_t _Py_SIZE(PyObject *ob) { return ((PyVarObject *)ob)->ob_size; }
#define Py_SIZE(ob) _Py_SIZE(_PyObject_CAST(ob))
static inline void _Py_SET_SIZE(PyObject *ob, Py_ssize_t n) { ((PyVarObject *)ob)->ob_size = n; }
#define Py_SET_SIZE(ob, n) _Py_SET_SIZE(_PyObject_CAST(ob), (n))

static inline Py_ssize_t _Py_REFCNT(PyObject *ob) {
    Py_ssize_t rc = ob->ob_refcnt;
    return rc >= _Py_IMMORTAL_REFCNT ? rc : rc + 1;
}
#define Py_REFCNT(ob) _Py_REFCNT(_PyObject_CAST(ob))
static inline void _Py_SET_REFCNT(PyObject *ob, Py_ssize_t n) {
    if (ob->ob_refcnt >= _Py_IMMORTAL_REFCNT) return;
    ob->ob_refcnt = n > 0 ? n - 1 : 0;
}
#define Py_SET_REFCNT(ob, n) _Py_SET_REFCNT(_PyObject_CAST(ob), (n))

static inline void _Py_INCREF(PyObject *op) {
    if (op->ob_refcnt < _Py_IMMORTAL_REFCNT) op->ob_refcnt++;
}
static inline void _Py_DECREF(PyObject *op) {
    Py_ssize_t rc = op->ob_refcnt;
    if (rc < _Py_IMMORTAL_REFCNT && rc > 0) op->ob_refcnt = rc - 1;
}
static inline void _Py_XINCREF(PyObject *op) { if (op != NULL) _Py_INCREF(op); }
static inline void _Py_XDECREF(PyObject *op) { if (op != NULL) _Py_DECREF(op); }
#define Py_INCREF(op) _Py_INCREF(_PyObject_CAST(op))
#define Py_DECREF(op) _Py_DECREF(_PyObject_CAST(op))
#define Py_XINCREF(op) _Py_XINCREF(_PyObject_CAST(op))
#define Py_XDECREF(op) _Py_XDECREF(_PyObject_CAST(op))
#define Py_CLEAR(op) \
    do { PyObject **_py_clear_p = (PyObject **)&(op); PyObject *_py_tmp = *_py_clear_p; \
         if (_py_tmp != NULL) { *_py_clear_p = NULL; Py_DECREF(_py_tmp); } } while (0)
#define Py_SETREF(dst, src) \
    do { PyObject **_py_p = (PyObject **)&(dst); PyObject *_py_tmp = *_py_p; \
         *_py_p = _PyObject_CAST(src); Py_DECREF(_py_tmp); } while (0)
#define Py_XSETREF(dst, src) \
    do { PyObject **_py_p = (PyObject **)&(dst); PyObject *_py_tmp = *_py_p; \
         *_py_p = _PyObject_CAST(src); Py_XDECREF(_py_tmp); } while (0)

static inline PyObject *_Py_NewRef(PyObject *obj) { _Py_INCREF(obj); return obj; }
static inline PyObject *_Py_XNewRef(PyObject *obj) { _Py_XINCREF(obj); return obj; }
#define Py_NewRef(obj) _Py_NewRef(_PyObject_CAST(obj))
#define Py_XNewRef(obj) _Py_XNewRef(_PyObject_CAST(obj))

/* Out-of-line forms, for callers that cannot use the inline ones. */
PyAPI_FUNC(void) Py_IncRef(PyObject *);
PyAPI_FUNC(void) Py_DecRef(PyObject *);
PyAPI_FUNC(void) _Py_Dealloc(PyObject *); /* no-op: nothing is freed at zero */

/* The singletons are the core's static objects, reached through pointer
 * data symbols (the core keeps its statics; `&*p` is `p`). */
PyAPI_DATA(PyObject *const) _Py_NoneRef;
PyAPI_DATA(PyObject *const) _Py_TrueRef;
PyAPI_DATA(PyObject *const) _Py_FalseRef;
PyAPI_DATA(PyObject *const) _Py_EllipsisRef;
PyAPI_DATA(PyObject *const) _Py_NotImplementedRef;
#define _Py_NoneStruct (*_Py_NoneRef)
#define _Py_TrueStruct (*_Py_TrueRef)
#define _Py_FalseStruct (*_Py_FalseRef)
#define _Py_EllipsisObject (*_Py_EllipsisRef)
#define _Py_NotImplementedStruct (*_Py_NotImplementedRef)
#define Py_None (&_Py_NoneStruct)
#define Py_True (&_Py_TrueStruct)
#define Py_False (&_Py_FalseStruct)
#define Py_Ellipsis (&_Py_EllipsisObject)
#define Py_NotImplemented (&_Py_NotImplementedStruct)

#define Py_Is(x, y) ((x) == (y))
#define Py_IsNone(x) Py_Is((x), Py_None)
#define Py_IsTrue(x) Py_Is((x), Py_True)
#define Py_IsFalse(x) Py_Is((x), Py_False)
#define Py_RETURN_NONE return Py_None
#define Py_RETURN_TRUE return Py_True
#define Py_RETURN_FALSE return Py_False
#define Py_RETURN_NOTIMPLEMENTED return Py_NotImplemented

/* Rich comparison operators. */
#define Py_LT 0
#define Py_LE 1
#define Py_EQ 2
#define Py_NE 3
#define Py_GT 4
#define Py_GE 5

/* Builtin type objects (the core's statics). */
#define _FERROPY_TYPE(name) PyAPI_DATA(PyTypeObject *const) _##name##Ref;
_FERROPY_TYPE(PyType_Type)
_FERROPY_TYPE(PyBaseObject_Type)
_FERROPY_TYPE(PyLong_Type)
_FERROPY_TYPE(PyBool_Type)
_FERROPY_TYPE(PyFloat_Type)
_FERROPY_TYPE(PyComplex_Type)
_FERROPY_TYPE(PyUnicode_Type)
_FERROPY_TYPE(PyBytes_Type)
_FERROPY_TYPE(PyByteArray_Type)
_FERROPY_TYPE(PyTuple_Type)
_FERROPY_TYPE(PyList_Type)
_FERROPY_TYPE(PyDict_Type)
_FERROPY_TYPE(PySet_Type)
_FERROPY_TYPE(PyFrozenSet_Type)
_FERROPY_TYPE(PyModule_Type)
_FERROPY_TYPE(PyCFunction_Type)
_FERROPY_TYPE(PySlice_Type)
_FERROPY_TYPE(PyRange_Type)
#undef _FERROPY_TYPE
#define PyType_Type (*_PyType_TypeRef)
#define PyBaseObject_Type (*_PyBaseObject_TypeRef)
#define PyLong_Type (*_PyLong_TypeRef)
#define PyBool_Type (*_PyBool_TypeRef)
#define PyFloat_Type (*_PyFloat_TypeRef)
#define PyComplex_Type (*_PyComplex_TypeRef)
#define PyUnicode_Type (*_PyUnicode_TypeRef)
#define PyBytes_Type (*_PyBytes_TypeRef)
#define PyByteArray_Type (*_PyByteArray_TypeRef)
#define PyTuple_Type (*_PyTuple_TypeRef)
#define PyList_Type (*_PyList_TypeRef)
#define PyDict_Type (*_PyDict_TypeRef)
#define PySet_Type (*_PySet_TypeRef)
#define PyFrozenSet_Type (*_PyFrozenSet_TypeRef)
#define PyModule_Type (*_PyModule_TypeRef)
#define PyCFunction_Type (*_PyCFunction_TypeRef)
#define PySlice_Type (*_PySlice_TypeRef)
#define PyRange_Type (*_PyRange_TypeRef)

PyAPI_FUNC(int) PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b);
static inline int _PyObject_TypeCheck(PyObject *ob, PyTypeObject *type) {
    return Py_IS_TYPE(ob, type) || PyType_IsSubtype(Py_TYPE(ob), type);
}
#define PyObject_TypeCheck(ob, type) _PyObject_TypeCheck(_PyObject_CAST(ob), (type))
#define PyType_Check(op) PyObject_TypeCheck((op), &PyType_Type)
#define PyType_CheckExact(op) Py_IS_TYPE((op), &PyType_Type)
PyAPI_FUNC(const char *) _PyType_Name(PyTypeObject *);
PyAPI_FUNC(PyObject *) PyType_GetName(PyTypeObject *);

/* Type flags (reported by PyType_GetFlags; values as CPython's). */
#define Py_TPFLAGS_MANAGED_DICT (1UL << 4)
#define Py_TPFLAGS_SEQUENCE (1 << 5)
#define Py_TPFLAGS_MAPPING (1 << 6)
#define Py_TPFLAGS_DISALLOW_INSTANTIATION (1UL << 7)
#define Py_TPFLAGS_IMMUTABLETYPE (1UL << 8)
#define Py_TPFLAGS_HEAPTYPE (1UL << 9)
#define Py_TPFLAGS_BASETYPE (1UL << 10)
#define Py_TPFLAGS_HAVE_VECTORCALL (1UL << 11)
#define Py_TPFLAGS_READY (1UL << 12)
#define Py_TPFLAGS_READYING (1UL << 13)
#define Py_TPFLAGS_HAVE_GC (1UL << 14)
#define Py_TPFLAGS_METHOD_DESCRIPTOR (1UL << 17)
#define Py_TPFLAGS_VALID_VERSION_TAG (1UL << 19)
#define Py_TPFLAGS_IS_ABSTRACT (1UL << 20)
#define Py_TPFLAGS_LONG_SUBCLASS (1UL << 24)
#define Py_TPFLAGS_LIST_SUBCLASS (1UL << 25)
#define Py_TPFLAGS_TUPLE_SUBCLASS (1UL << 26)
#define Py_TPFLAGS_BYTES_SUBCLASS (1UL << 27)
#define Py_TPFLAGS_UNICODE_SUBCLASS (1UL << 28)
#define Py_TPFLAGS_DICT_SUBCLASS (1UL << 29)
#define Py_TPFLAGS_BASE_EXC_SUBCLASS (1UL << 30)
#define Py_TPFLAGS_TYPE_SUBCLASS (1UL << 31)
#define Py_TPFLAGS_DEFAULT 0
#define Py_TPFLAGS_HAVE_FINALIZE (1UL << 0)
#define Py_TPFLAGS_HAVE_VERSION_TAG (1UL << 18)

/* Generic object protocol. */
PyAPI_FUNC(PyObject *) PyObject_Repr(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Str(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_ASCII(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Bytes(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetAttr(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_GetAttrString(PyObject *, const char *);
PyAPI_FUNC(int) PyObject_SetAttr(PyObject *, PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_SetAttrString(PyObject *, const char *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttr(PyObject *, PyObject *);
PyAPI_FUNC(int) PyObject_HasAttrString(PyObject *, const char *);
#define PyObject_DelAttr(o, name) PyObject_SetAttr((o), (name), NULL)
#define PyObject_DelAttrString(o, name) PyObject_SetAttrString((o), (name), NULL)
PyAPI_FUNC(PyObject *) PyObject_GenericGetAttr(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyObject_RichCompare(PyObject *, PyObject *, int);
PyAPI_FUNC(int) PyObject_RichCompareBool(PyObject *, PyObject *, int);
PyAPI_FUNC(Py_hash_t) PyObject_Hash(PyObject *);
PyAPI_FUNC(int) PyObject_IsTrue(PyObject *);
PyAPI_FUNC(int) PyObject_Not(PyObject *);
PyAPI_FUNC(int) PyCallable_Check(PyObject *);
PyAPI_FUNC(PyObject *) PyObject_Dir(PyObject *);

#ifdef __cplusplus
}
#endif
#endif /* Py_OBJECT_H */
