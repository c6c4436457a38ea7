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

/* Objects of C types: allocated with the type's tp_basicsize (+ nitems *
 * tp_itemsize) bytes; the collector traces them, Track/UnTrack are no-ops. */
PyAPI_FUNC(PyObject *) PyObject_Init(PyObject *op, PyTypeObject *type);
PyAPI_FUNC(PyObject *) _PyObject_New(PyTypeObject *type);
PyAPI_FUNC(PyObject *) _PyObject_GC_New(PyTypeObject *type);
#define PyObject_New(type, typeobj) ((type *)_PyObject_New(typeobj))
#define PyObject_NEW(type, typeobj) PyObject_New(type, typeobj)
#define PyObject_GC_New(type, typeobj) ((type *)_PyObject_GC_New(typeobj))
PyAPI_FUNC(void) PyObject_GC_Track(void *op);
PyAPI_FUNC(void) PyObject_GC_UnTrack(void *op);
PyAPI_FUNC(void) PyObject_GC_Del(void *op);
PyAPI_FUNC(int) PyObject_IS_GC(PyObject *obj);

#ifdef __cplusplus
}
#endif
#endif /* Py_OBJIMPL_H */
