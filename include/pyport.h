/* Basic types and declaration macros. */
#ifndef Py_PYPORT_H
#define Py_PYPORT_H

#include <stddef.h>
#include <stdint.h>
#include <limits.h>

/* Py_ssize_t is the width of a pointer, as Rust's isize. */
typedef intptr_t Py_ssize_t;
typedef Py_ssize_t Py_hash_t;
typedef size_t Py_uhash_t;
typedef Py_ssize_t Py_ssize_clean_t;
typedef uint32_t Py_UCS4;
typedef uint16_t Py_UCS2;
typedef uint8_t Py_UCS1;

#define PY_SSIZE_T_MAX INTPTR_MAX
#define PY_SSIZE_T_MIN INTPTR_MIN

#define PY_LONG_LONG long long
#define PY_LLONG_MIN LLONG_MIN
#define PY_LLONG_MAX LLONG_MAX
#define PY_ULLONG_MAX ULLONG_MAX
#define PY_INT32_T int32_t
#define PY_UINT32_T uint32_t
#define PY_INT64_T int64_t
#define PY_UINT64_T uint64_t

#ifdef __cplusplus
#define PyAPI_FUNC(RTYPE) extern "C" RTYPE
#define PyAPI_DATA(RTYPE) extern "C" RTYPE
#define PyMODINIT_FUNC extern "C" PyObject *
#else
#define PyAPI_FUNC(RTYPE) extern RTYPE
#define PyAPI_DATA(RTYPE) extern RTYPE
/* Plain PyObject*: no dllexport, so several modules link into one image. */
#define PyMODINIT_FUNC PyObject *
#endif

#define Py_LOCAL(type) static type
#define Py_LOCAL_INLINE(type) static inline type
#define Py_UNUSED(name) _unused_##name __attribute__((unused))
#define Py_ARRAY_LENGTH(array) (sizeof(array) / sizeof((array)[0]))
#define Py_MIN(x, y) (((x) > (y)) ? (y) : (x))
#define Py_MAX(x, y) (((x) > (y)) ? (x) : (y))
#define Py_ABS(x) ((x) < 0 ? -(x) : (x))
#define Py_CHARMASK(c) ((unsigned char)((c) & 0xff))
#define Py_SAFE_DOWNCAST(VALUE, WIDE, NARROW) ((NARROW)(VALUE))
#define Py_DEPRECATED(VERSION_UNUSED) __attribute__((__deprecated__))
#define _Py_NO_RETURN __attribute__((__noreturn__))
#define Py_UNREACHABLE() __builtin_unreachable()
#define Py_HUGE_VAL HUGE_VAL
#define Py_MEMCPY memcpy
#define Py_STRINGIFY(x) _Py_XSTRINGIFY(x)
#define _Py_XSTRINGIFY(x) #x

/* snprintf that always NUL-terminates (the C library's). */
#define PyOS_snprintf snprintf
#define PyOS_vsnprintf vsnprintf

#endif /* Py_PYPORT_H */
