/* Context variables (PEP 567): contextvars.ContextVar, Token, Context. */
#ifndef Py_CONTEXT_H
#define Py_CONTEXT_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(PyObject *) PyContext_New(void);
PyAPI_FUNC(PyObject *) PyContext_Copy(PyObject *ctx);
PyAPI_FUNC(PyObject *) PyContext_CopyCurrent(void);
PyAPI_FUNC(int) PyContext_Enter(PyObject *ctx);
PyAPI_FUNC(int) PyContext_Exit(PyObject *ctx);

/* A new variable; `def` (may be NULL) is its default value. */
PyAPI_FUNC(PyObject *) PyContextVar_New(const char *name, PyObject *def);
/* *value: a new reference to the value in the current context, else
   default_value, else the variable's default, else NULL. 0, or -1 on error. */
PyAPI_FUNC(int) PyContextVar_Get(PyObject *var, PyObject *default_value, PyObject **value);
PyAPI_FUNC(PyObject *) PyContextVar_Set(PyObject *var, PyObject *value);
PyAPI_FUNC(int) PyContextVar_Reset(PyObject *var, PyObject *token);

/* The classes live in the contextvars module (no PyContext_Type symbols). */
PyAPI_FUNC(int) _FerropyContext_CheckExact(PyObject *o);
PyAPI_FUNC(int) _FerropyContextVar_CheckExact(PyObject *o);
PyAPI_FUNC(int) _FerropyContextToken_CheckExact(PyObject *o);
#define PyContext_CheckExact(o) _FerropyContext_CheckExact((PyObject *)(o))
#define PyContextVar_CheckExact(o) _FerropyContextVar_CheckExact((PyObject *)(o))
#define PyContextToken_CheckExact(o) _FerropyContextToken_CheckExact((PyObject *)(o))

#ifdef __cplusplus
}
#endif
#endif /* Py_CONTEXT_H */
