/* ferropy's Python.h: the C API of ferropy, shaped like CPython 3.11's.
 *
 * Extensions compile against this directory alone (-I include). The ABI is
 * ferropy's own (see docs/extensions.md): an object pointer is the core's
 * object, reference counts are pins for a tracing collector, and the
 * singletons and builtin types are reached through pointer data symbols.
 *
 * This header selects the Limited API itself: Cython tests Py_LIMITED_API
 * before including Python.h and CYTHON_LIMITED_API after it, so both are
 * defined here (see shared/design/CYTHON-CENSUS.md, 4.2).
 */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#define PY_MAJOR_VERSION 3
#define PY_MINOR_VERSION 11
#define PY_MICRO_VERSION 0
#define PY_RELEASE_LEVEL 0xF
#define PY_RELEASE_SERIAL 0
#define PY_VERSION "3.11.0"
#define PY_VERSION_HEX 0x030B00F0
#define FERROPY_VERSION "0.1.0"

#ifndef Py_LIMITED_API
#define Py_LIMITED_API 0x030B0000
#endif
#ifndef CYTHON_LIMITED_API
#define CYTHON_LIMITED_API 1
#endif

#include "pyconfig.h"
#include "pyport.h"

#define PyDoc_VAR(name) static const char name[]
#define PyDoc_STRVAR(name, str) PyDoc_VAR(name) = PyDoc_STR(str)
#define PyDoc_STR(str) str

#include <stddef.h>
#include <stdarg.h>
#include <limits.h>
#include <stdint.h>
#if defined(__STDC_HOSTED__) && __STDC_HOSTED__
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <assert.h>
#endif

#include "object.h"
#include "pystate.h"
#include "typeobject.h"
#include "pymem.h"
#include "objimpl.h"
#include "pyerrors.h"
#include "longobject.h"
#include "boolobject.h"
#include "floatobject.h"
#include "unicodeobject.h"
#include "bytesobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "methodobject.h"
#include "descrobject.h"
#include "moduleobject.h"
#include "modsupport.h"
#include "abstract.h"
#include "pybuffer.h"
#include "import.h"
#include "pylifecycle.h"
#include "pythonrun.h"
#include "ceval.h"
#include "pythread.h"
#include "pycapsule.h"
#include "pystrtod.h"
#include "setobject.h"
#include "sliceobject.h"
#include "complexobject.h"
#include "weakrefobject.h"
#include "pytypedefs.h"
#include "context.h"
#include "pytime.h"

#endif /* Py_PYTHON_H */
