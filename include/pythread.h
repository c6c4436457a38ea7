/* Threads: ferropy runs Python on one thread; locks are counters. */
#ifndef Py_PYTHREAD_H
#define Py_PYTHREAD_H
#include "Python.h"
#ifdef __cplusplus
extern "C" {
#endif

typedef void *PyThread_type_lock;
#define WAIT_LOCK 1
#define NOWAIT_LOCK 0
PyAPI_FUNC(PyThread_type_lock) PyThread_allocate_lock(void);
PyAPI_FUNC(void) PyThread_free_lock(PyThread_type_lock);
PyAPI_FUNC(int) PyThread_acquire_lock(PyThread_type_lock, int waitflag);
PyAPI_FUNC(void) PyThread_release_lock(PyThread_type_lock);
PyAPI_FUNC(unsigned long) PyThread_get_thread_ident(void);


/* Thread-specific storage (PEP 539). Python runs on one thread: a key holds
   one value. Initialise static keys with Py_tss_NEEDS_INIT. */
typedef struct _Py_tss_t {
    int _is_initialized;
    void *_value;
} Py_tss_t;
#define Py_tss_NEEDS_INIT {0, NULL}
PyAPI_FUNC(Py_tss_t *) PyThread_tss_alloc(void);
PyAPI_FUNC(void) PyThread_tss_free(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_is_created(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_create(Py_tss_t *key);
PyAPI_FUNC(void) PyThread_tss_delete(Py_tss_t *key);
PyAPI_FUNC(int) PyThread_tss_set(Py_tss_t *key, void *value);
PyAPI_FUNC(void *) PyThread_tss_get(Py_tss_t *key);
#ifdef __cplusplus
}
#endif
#endif /* Py_PYTHREAD_H */
