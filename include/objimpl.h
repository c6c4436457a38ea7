/* Object memory (same manual blocks as PyMem_*). */
#ifndef Py_OBJIMPL_H
#define Py_OBJIMPL_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(void *) PyObject_Malloc(size_t size);
PyAPI_FUNC(void *) PyObject_Calloc(size_t nelem, size_t elsize);
PyAPI_FUNC(void *) PyObject_Realloc(void *ptr, size_t new_size);
PyAPI_FUNC(void) PyObject_Free(void *ptr);
#define PyObject_Del PyObject_Free
#define PyObject_DEL PyObject_Free

#ifdef __cplusplus
}
#endif
#endif /* Py_OBJIMPL_H */
