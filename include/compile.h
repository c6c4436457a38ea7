/* Compilation: the start symbols are in ceval.h. */
#include "Python.h"
