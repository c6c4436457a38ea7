/* Kept for extensions that include it: the member types are in descrobject.h. */
#include "Python.h"
