/* CPython 3.11's private clocks (nanosecond counts), used by Cython's
   cpython.time. */
#ifndef Py_PYTIME_H
#define Py_PYTIME_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef int64_t _PyTime_t;
PyAPI_FUNC(_PyTime_t) _PyTime_GetSystemClock(void);
PyAPI_FUNC(_PyTime_t) _PyTime_GetMonotonicClock(void);
PyAPI_FUNC(_PyTime_t) _PyTime_GetPerfCounter(void);
PyAPI_FUNC(double) _PyTime_AsSecondsDouble(_PyTime_t t);

#ifdef __cplusplus
}
#endif
#endif /* Py_PYTIME_H */
