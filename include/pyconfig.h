/* Build configuration of ferropy's C API: type sizes for the target (from
 * the compiler) and the portable profile of Cython's switches. */
#ifndef Py_PYCONFIG_H
#define Py_PYCONFIG_H

#define SIZEOF_SHORT __SIZEOF_SHORT__
#define SIZEOF_INT __SIZEOF_INT__
#define SIZEOF_LONG __SIZEOF_LONG__
#define SIZEOF_LONG_LONG __SIZEOF_LONG_LONG__
#define SIZEOF_VOID_P __SIZEOF_POINTER__
#define SIZEOF_SIZE_T __SIZEOF_SIZE_T__
#define SIZEOF_FLOAT __SIZEOF_FLOAT__
#define SIZEOF_DOUBLE __SIZEOF_DOUBLE__
#define SIZEOF_WCHAR_T __SIZEOF_WCHAR_T__
#define SIZEOF_PY_HASH_T SIZEOF_SIZE_T
#define SIZEOF_PY_SSIZE_T SIZEOF_SIZE_T

#define HAVE_STDARG_PROTOTYPES 1
#define WITH_DOC_STRINGS 1

/* Cython in Limited-API mode, firmware-friendly choices (all #ifndef-guarded
 * by Cython 3.3, so a build may still override them with -D). */
#ifndef CYTHON_PEP489_MULTI_PHASE_INIT
#define CYTHON_PEP489_MULTI_PHASE_INIT 0
#endif
#ifndef CYTHON_USE_FREELISTS
#define CYTHON_USE_FREELISTS 0
#endif
#ifndef CYTHON_COMPRESS_STRINGS
#define CYTHON_COMPRESS_STRINGS 0
#endif
#ifndef CYTHON_AVOID_BORROWED_REFS
#define CYTHON_AVOID_BORROWED_REFS 0
#endif

/* Code flags, predefined so Cython need not read them from `inspect`. */
#define CO_OPTIMIZED 0x0001
#define CO_NEWLOCALS 0x0002
#define CO_VARARGS 0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED 0x0010
#define CO_GENERATOR 0x0020
#define CO_NOFREE 0x0040
#define CO_COROUTINE 0x0080
#define CO_ITERABLE_COROUTINE 0x0100
#define CO_ASYNC_GENERATOR 0x0200

#endif /* Py_PYCONFIG_H */
