/* Object structs (opaque as in the Limited API: C code may hold pointers
   to them, never look inside; see below for the builtin bases), Py_UNICODE, type objects beyond object.h's
   list, check macros, and more functions of the abstract layer, str and
   dict that Cython's output calls (capi/src/extra.rs). */
#ifndef Py_PYTYPEDEFS_H
#define Py_PYTYPEDEFS_H
#include <wchar.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct _longobject PyLongObject;
typedef struct _floatobject PyFloatObject;
typedef struct _complexobject PyComplexObject;
typedef struct _listobject PyListObject;
typedef struct _tupleobject PyTupleObject;
typedef struct _dictobject PyDictObject;
typedef struct _setobject PySetObject;
typedef struct _bytesobject PyBytesObject;
typedef struct _bytearrayobject PyByteArrayObject;
typedef struct _unicodeobject PyUnicodeObject;
typedef struct _baseexceptionobject PyBaseExceptionObject;

/* The fixed parts of the builtin types that a C type may extend (`cdef
   class X(list)`, `cdef class E(Exception)`): complete, so that a subtype's
   struct can start with them, with the size of the core's object and no
   fields C may read (except a float's and a complex's value, which are
   CPython's). capi/tests/layout.rs checks them against the core. A str's
   and a bytes' characters follow the subtype's struct. */
struct _floatobject { PyObject ob_base; double ob_fval; };
struct _complexobject { PyObject ob_base; Py_complex cval; };
struct _listobject { PyObject ob_base; Py_ssize_t _ferropy_private[3]; };
struct _dictobject { PyObject ob_base; Py_ssize_t _ferropy_private[7]; };
struct _setobject { PyObject ob_base; Py_ssize_t _ferropy_private[6]; };
struct _bytesobject { PyObject ob_base; Py_ssize_t _ferropy_private[2]; };
struct _bytearrayobject { PyObject ob_base; Py_ssize_t _ferropy_private[5]; };
struct _unicodeobject { PyObject ob_base; Py_ssize_t _ferropy_private[3]; };
struct _baseexceptionobject { PyObject ob_base; Py_ssize_t _ferropy_private[6]; };

typedef wchar_t Py_UNICODE;

/* memoryview; method_descriptor (the methods of types made from a
   PyType_Spec; methods of the core's types are builtin functions). */
PyAPI_DATA(PyTypeObject *const) _PyMemoryView_TypeRef;
PyAPI_DATA(PyTypeObject *const) _PyMethodDescr_TypeRef;
#define PyMemoryView_Type (*_PyMemoryView_TypeRef)
#define PyMethodDescr_Type (*_PyMethodDescr_TypeRef)
#define PyMemoryView_Check(op) Py_IS_TYPE((op), &PyMemoryView_Type)
#ifndef PyByteArray_CheckExact
#define PyByteArray_CheckExact(op) Py_IS_TYPE((op), &PyByteArray_Type)
#endif
#define PyRange_Check(op) Py_IS_TYPE((op), &PyRange_Type)
#define PyCFunction_GET_FLAGS(op) PyCFunction_GetFlags((PyObject *)(op))
#define PyUnicode_READ_CHAR(op, i) PyUnicode_ReadChar((PyObject *)(op), (i))

/* More of the abstract layer, str and dict. */
PyAPI_FUNC(int) PySequence_SetItem(PyObject *o, Py_ssize_t i, PyObject *v);
PyAPI_FUNC(int) PySequence_DelItem(PyObject *o, Py_ssize_t i);
PyAPI_FUNC(Py_ssize_t) PySequence_Length(PyObject *o);
PyAPI_FUNC(PyObject *) PyMapping_Keys(PyObject *o);
PyAPI_FUNC(PyObject *) PyMapping_Values(PyObject *o);
PyAPI_FUNC(PyObject *) PyMapping_Items(PyObject *o);
PyAPI_FUNC(int) PyDict_Merge(PyObject *a, PyObject *b, int override);
PyAPI_FUNC(PyObject *) PyNumber_ToBase(PyObject *n, int base);
PyAPI_FUNC(PyObject *) PyUnicode_Format(PyObject *format, PyObject *args);
PyAPI_FUNC(PyObject *) PyUnicode_FromObject(PyObject *obj);
PyAPI_FUNC(PyObject *) PyUnicode_AsEncodedString(PyObject *unicode, const char *encoding, const char *errors);
PyAPI_FUNC(PyObject *) PyUnicode_AsASCIIString(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_AsLatin1String(PyObject *unicode);
PyAPI_FUNC(PyObject *) PyUnicode_Split(PyObject *s, PyObject *sep, Py_ssize_t maxsplit);
PyAPI_FUNC(PyObject *) PyUnicode_Splitlines(PyObject *s, int keepends);
PyAPI_FUNC(PyObject *) PyUnicode_Replace(PyObject *str, PyObject *substr, PyObject *replstr, Py_ssize_t maxcount);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Tailmatch(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Find(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction);
PyAPI_FUNC(Py_ssize_t) PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end);

#ifdef __cplusplus
}
#endif
#endif /* Py_PYTYPEDEFS_H */
