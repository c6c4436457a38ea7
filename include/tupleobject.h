/* tuple. PyTuple_SetItem steals the item (stores it, then unpins it). */
#ifndef Py_TUPLEOBJECT_H
#define Py_TUPLEOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

#define PyTuple_Check(op) PyObject_TypeCheck((op), &PyTuple_Type)
#define PyTuple_CheckExact(op) Py_IS_TYPE((op), &PyTuple_Type)
PyAPI_FUNC(PyObject *) PyTuple_New(Py_ssize_t size);
PyAPI_FUNC(Py_ssize_t) PyTuple_Size(PyObject *);
PyAPI_FUNC(PyObject *) PyTuple_GetItem(PyObject *, Py_ssize_t);
PyAPI_FUNC(int) PyTuple_SetItem(PyObject *, Py_ssize_t, PyObject *);
PyAPI_FUNC(PyObject *) PyTuple_GetSlice(PyObject *, Py_ssize_t, Py_ssize_t);
PyAPI_FUNC(PyObject *) PyTuple_Pack(Py_ssize_t, ...);
/* The macro forms are the checked functions (no struct layout is exposed). */
#define PyTuple_GET_ITEM(op, i) PyTuple_GetItem((PyObject *)(op), (i))
#define PyTuple_SET_ITEM(op, i, v) ((void)PyTuple_SetItem((PyObject *)(op), (i), (v)))
#define PyTuple_GET_SIZE(op) PyTuple_Size((PyObject *)(op))

#ifdef __cplusplus
}
#endif
#endif /* Py_TUPLEOBJECT_H */
