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

#ifdef __cplusplus
}
#endif
#endif /* Py_PYTHREAD_H */
