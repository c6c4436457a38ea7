/* Attribute descriptions of C types: getset pairs and struct members. */
#ifndef Py_DESCROBJECT_H
#define Py_DESCROBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

typedef PyObject *(*getter)(PyObject *, void *);
typedef int (*setter)(PyObject *, PyObject *, void *);

typedef struct PyGetSetDef {
    const char *name;
    getter get;
    setter set; /* NULL: read-only */
    const char *doc;
    void *closure;
} PyGetSetDef;

typedef struct PyMemberDef {
    const char *name;
    int type;          /* a T_* code */
    Py_ssize_t offset; /* from the start of the object */
    int flags;         /* READONLY */
    const char *doc;
} PyMemberDef;

/* Member types (CPython's codes). */
#define T_SHORT 0
#define T_INT 1
#define T_LONG 2
#define T_FLOAT 3
#define T_DOUBLE 4
#define T_STRING 5
#define T_OBJECT 6
#define T_CHAR 7
#define T_BYTE 8
#define T_UBYTE 9
#define T_UINT 11
#define T_USHORT 12
#define T_ULONG 13
#define T_STRING_INPLACE 14
#define T_BOOL 15
#define T_OBJECT_EX 16
#define T_LONGLONG 17
#define T_ULONGLONG 18
#define T_PYSSIZET 19
#define T_NONE 20
#define READONLY 1
#define READ_RESTRICTED 2
#define PY_WRITE_RESTRICTED 4
#define RESTRICTED (READ_RESTRICTED | PY_WRITE_RESTRICTED)

PyAPI_FUNC(PyObject *) PyMember_GetOne(const char *obj, PyMemberDef *m);
PyAPI_FUNC(int) PyMember_SetOne(char *obj, PyMemberDef *m, PyObject *v);
PyAPI_FUNC(PyObject *) PyDescr_NewMethod(PyTypeObject *type, PyMethodDef *meth);
PyAPI_FUNC(PyObject *) PyDescr_NewClassMethod(PyTypeObject *type, PyMethodDef *meth);

#ifdef __cplusplus
}
#endif
#endif /* Py_DESCROBJECT_H */
