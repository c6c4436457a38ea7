/* Weak references. `ref` objects are ferropy's weakref.ReferenceType; the
   proxy types are made when first asked for (so the two proxy type names
   below are expressions, not data symbols). PyWeakReference is opaque, as
   in the limited API. */
#ifndef Py_WEAKREFOBJECT_H
#define Py_WEAKREFOBJECT_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct _PyWeakReference PyWeakReference;

PyAPI_DATA(PyTypeObject *const) _PyWeakref_RefTypeRef;
#define _PyWeakref_RefType (*_PyWeakref_RefTypeRef)
PyAPI_FUNC(PyTypeObject *) _PyFerropy_WeakProxyType(int callable);
#define _PyWeakref_ProxyType (*_PyFerropy_WeakProxyType(0))
#define _PyWeakref_CallableProxyType (*_PyFerropy_WeakProxyType(1))
PyAPI_FUNC(int) _PyFerropy_WeakrefCheckProxy(PyObject *op);

#define PyWeakref_CheckRef(op) PyObject_TypeCheck((op), &_PyWeakref_RefType)
#define PyWeakref_CheckRefExact(op) Py_IS_TYPE((op), &_PyWeakref_RefType)
#define PyWeakref_CheckProxy(op) _PyFerropy_WeakrefCheckProxy((PyObject *)(op))
#define PyWeakref_Check(op) (PyWeakref_CheckRef(op) || PyWeakref_CheckProxy(op))

PyAPI_FUNC(PyObject *) PyWeakref_NewRef(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_NewProxy(PyObject *ob, PyObject *callback);
PyAPI_FUNC(PyObject *) PyWeakref_GetObject(PyObject *ref);
PyAPI_FUNC(int) PyWeakref_GetRef(PyObject *ref, PyObject **pobj);
#define PyWeakref_GET_OBJECT(ref) PyWeakref_GetObject((PyObject *)(ref))

#ifdef __cplusplus
}
#endif
#endif /* Py_WEAKREFOBJECT_H */
