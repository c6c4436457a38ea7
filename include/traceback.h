/* Tracebacks: declared in ceval.h. */
#include "Python.h"
