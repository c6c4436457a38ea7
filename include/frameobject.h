/* Frames are opaque (PyFrameObject is declared in pystate.h). */
#include "Python.h"
