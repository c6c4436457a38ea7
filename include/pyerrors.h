/* Exceptions: the error indicator and the builtin exception types. */
#ifndef Py_ERRORS_H
#define Py_ERRORS_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(void) PyErr_SetNone(PyObject *type);
PyAPI_FUNC(void) PyErr_SetObject(PyObject *type, PyObject *value);
PyAPI_FUNC(PyObject *) PyErr_SetFromErrno(PyObject *type);
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilename(PyObject *type, const char *filename);
PyAPI_FUNC(PyObject *) PyErr_SetFromErrnoWithFilenameObject(PyObject *type, PyObject *filename);
PyAPI_FUNC(void) PyErr_SetString(PyObject *type, const char *message);
PyAPI_FUNC(PyObject *) PyErr_Format(PyObject *type, const char *format, ...);
PyAPI_FUNC(PyObject *) PyErr_FormatV(PyObject *type, const char *format, va_list vargs);
PyAPI_FUNC(PyObject *) PyErr_Occurred(void);
PyAPI_FUNC(void) PyErr_Clear(void);
PyAPI_FUNC(void) PyErr_Fetch(PyObject **ptype, PyObject **pvalue, PyObject **ptraceback);
PyAPI_FUNC(void) PyErr_Restore(PyObject *type, PyObject *value, PyObject *traceback);
PyAPI_FUNC(void) PyErr_NormalizeException(PyObject **ptype, PyObject **pvalue, PyObject **ptb);
PyAPI_FUNC(PyObject *) PyErr_GetRaisedException(void);
PyAPI_FUNC(void) PyErr_SetRaisedException(PyObject *exc);
PyAPI_FUNC(int) PyErr_GivenExceptionMatches(PyObject *given, PyObject *exc);
PyAPI_FUNC(int) PyErr_ExceptionMatches(PyObject *exc);
PyAPI_FUNC(PyObject *) PyErr_NoMemory(void);
/* Prints "Fatal Python error: <message>" to stderr and aborts the process. */
PyAPI_FUNC(void) _Py_NO_RETURN Py_FatalError(const char *message);
PyAPI_FUNC(int) PyErr_BadArgument(void);
PyAPI_FUNC(void) PyErr_BadInternalCall(void);
PyAPI_FUNC(PyObject *) PyErr_NewException(const char *name, PyObject *base, PyObject *dict);
PyAPI_FUNC(PyObject *) PyErr_NewExceptionWithDoc(const char *name, const char *doc, PyObject *base, PyObject *dict);
PyAPI_FUNC(void) PyErr_Print(void);
PyAPI_FUNC(void) PyErr_PrintEx(int set_sys_last_vars);
PyAPI_FUNC(int) PyErr_WarnEx(PyObject *category, const char *message, Py_ssize_t stack_level);
PyAPI_FUNC(PyObject *) PyException_GetTraceback(PyObject *);
PyAPI_FUNC(int) PyException_SetTraceback(PyObject *, PyObject *);
PyAPI_FUNC(void) PyException_SetCause(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyException_GetCause(PyObject *);
PyAPI_FUNC(void) PyException_SetContext(PyObject *, PyObject *);
PyAPI_FUNC(PyObject *) PyException_GetContext(PyObject *);
#define PyExceptionInstance_Check(x) PyObject_TypeCheck((x), (PyTypeObject *)PyExc_BaseException)
#define PyExceptionClass_Check(x) \
    (PyType_Check(x) && PyType_IsSubtype((PyTypeObject *)(x), (PyTypeObject *)PyExc_BaseException))
#define PyExceptionInstance_Class(x) ((PyObject *)Py_TYPE(x))

/* The builtin exception types: pointers to the core's static types. */
#define _FERROPY_EXC(name) PyAPI_DATA(PyObject *) PyExc_##name;
_FERROPY_EXC(BaseException)
_FERROPY_EXC(BaseExceptionGroup)
_FERROPY_EXC(GeneratorExit)
_FERROPY_EXC(KeyboardInterrupt)
_FERROPY_EXC(SystemExit)
_FERROPY_EXC(Exception)
_FERROPY_EXC(ArithmeticError)
_FERROPY_EXC(FloatingPointError)
_FERROPY_EXC(OverflowError)
_FERROPY_EXC(ZeroDivisionError)
_FERROPY_EXC(AssertionError)
_FERROPY_EXC(AttributeError)
_FERROPY_EXC(BufferError)
_FERROPY_EXC(EOFError)
_FERROPY_EXC(ExceptionGroup)
_FERROPY_EXC(ImportError)
_FERROPY_EXC(ModuleNotFoundError)
_FERROPY_EXC(LookupError)
_FERROPY_EXC(IndexError)
_FERROPY_EXC(KeyError)
_FERROPY_EXC(MemoryError)
_FERROPY_EXC(NameError)
_FERROPY_EXC(UnboundLocalError)
_FERROPY_EXC(OSError)
_FERROPY_EXC(EnvironmentError)
_FERROPY_EXC(IOError)
_FERROPY_EXC(BlockingIOError)
_FERROPY_EXC(ChildProcessError)
_FERROPY_EXC(ConnectionError)
_FERROPY_EXC(BrokenPipeError)
_FERROPY_EXC(ConnectionAbortedError)
_FERROPY_EXC(ConnectionRefusedError)
_FERROPY_EXC(ConnectionResetError)
_FERROPY_EXC(FileExistsError)
_FERROPY_EXC(FileNotFoundError)
_FERROPY_EXC(InterruptedError)
_FERROPY_EXC(IsADirectoryError)
_FERROPY_EXC(NotADirectoryError)
_FERROPY_EXC(PermissionError)
_FERROPY_EXC(ProcessLookupError)
_FERROPY_EXC(TimeoutError)
_FERROPY_EXC(ReferenceError)
_FERROPY_EXC(RuntimeError)
_FERROPY_EXC(NotImplementedError)
_FERROPY_EXC(RecursionError)
_FERROPY_EXC(StopAsyncIteration)
_FERROPY_EXC(StopIteration)
_FERROPY_EXC(SyntaxError)
_FERROPY_EXC(IndentationError)
_FERROPY_EXC(TabError)
_FERROPY_EXC(SystemError)
_FERROPY_EXC(TypeError)
_FERROPY_EXC(ValueError)
_FERROPY_EXC(UnicodeError)
_FERROPY_EXC(UnicodeDecodeError)
_FERROPY_EXC(UnicodeEncodeError)
_FERROPY_EXC(UnicodeTranslateError)
_FERROPY_EXC(Warning)
_FERROPY_EXC(BytesWarning)
_FERROPY_EXC(DeprecationWarning)
_FERROPY_EXC(EncodingWarning)
_FERROPY_EXC(FutureWarning)
_FERROPY_EXC(ImportWarning)
_FERROPY_EXC(PendingDeprecationWarning)
_FERROPY_EXC(ResourceWarning)
_FERROPY_EXC(RuntimeWarning)
_FERROPY_EXC(SyntaxWarning)
_FERROPY_EXC(UnicodeWarning)
_FERROPY_EXC(UserWarning)
#undef _FERROPY_EXC

#ifdef __cplusplus
}
#endif
#endif /* Py_ERRORS_H */
