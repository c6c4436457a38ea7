/* Evaluation, compilation, tracebacks and the sys module. */
#ifndef Py_CEVAL_H
#define Py_CEVAL_H
#ifdef __cplusplus
extern "C" {
#endif

#define Py_single_input 256
#define Py_file_input 257
#define Py_eval_input 258
#define Py_func_type_input 345

PyAPI_FUNC(PyObject *) Py_CompileString(const char *str, const char *filename, int start);
PyAPI_FUNC(PyObject *) PyEval_EvalCode(PyObject *code, PyObject *globals, PyObject *locals);
PyAPI_FUNC(PyObject *) PyEval_GetBuiltins(void);
PyAPI_FUNC(PyObject *) PyEval_GetGlobals(void);

/* Frames (snapshots of a running frame: code, line, globals, caller). */
PyAPI_FUNC(PyFrameObject *) PyEval_GetFrame(void); /* borrowed; NULL outside Python */
PyAPI_FUNC(int) PyFrame_GetLineNumber(PyFrameObject *frame);
PyAPI_FUNC(PyCodeObject *) PyFrame_GetCode(PyFrameObject *frame); /* new reference */
PyAPI_FUNC(PyFrameObject *) PyFrame_GetBack(PyFrameObject *frame); /* new reference or NULL */

PyAPI_DATA(PyTypeObject *const) _PyTraceBack_TypeRef;
#define PyTraceBack_Type (*_PyTraceBack_TypeRef)
#define PyTraceBack_Check(v) Py_IS_TYPE((v), &PyTraceBack_Type)
PyAPI_FUNC(int) PyTraceBack_Here(PyFrameObject *);

PyAPI_FUNC(PyObject *) PySys_GetObject(const char *name);
PyAPI_FUNC(int) PySys_SetObject(const char *name, PyObject *v);

PyAPI_FUNC(int) PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...);
PyAPI_FUNC(int) PyErr_WarnExplicit(PyObject *category, const char *message, const char *filename,
                                   int lineno, const char *module, PyObject *registry);
PyAPI_FUNC(void) PyErr_WriteUnraisable(PyObject *obj);
PyAPI_FUNC(void) PyErr_GetExcInfo(PyObject **ptype, PyObject **pvalue, PyObject **ptraceback);
PyAPI_FUNC(void) PyErr_SetExcInfo(PyObject *type, PyObject *value, PyObject *traceback);
PyAPI_FUNC(PyObject *) PyErr_GetHandledException(void);
PyAPI_FUNC(void) PyErr_SetHandledException(PyObject *exc);

PyAPI_DATA(const unsigned long) Py_Version;

#ifdef __cplusplus
}
#endif
#endif /* Py_CEVAL_H */
