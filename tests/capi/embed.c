/* Embedding: a C program that links ferropy's C API as a static library,
 * starts the interpreter and runs Python source. */
#include <Python.h>

int main(void) {
    Py_Initialize();
    if (!Py_IsInitialized()) return 1;
    if (PyRun_SimpleString("import sys\nprint('embedded', sys.version_info[:2] >= (3, 11))\n"
                           "total = sum(i * i for i in range(10))\nprint('total', total)") != 0)
        return 2;
    PyObject *main_mod = PyImport_AddModule("__main__");
    PyObject *total = PyObject_GetAttrString(main_mod, "total");
    long t = PyLong_AsLong(total);
    Py_DECREF(total);
    PyObject *msg = PyUnicode_FromFormat("C sees total=%ld", t);
    PyObject *builtins = PyImport_ImportModule("builtins");
    PyObject *print = PyObject_GetAttrString(builtins, "print");
    PyObject *r = PyObject_CallFunctionObjArgs(print, msg, NULL);
    Py_XDECREF(r);
    Py_DECREF(print);
    Py_DECREF(builtins);
    Py_DECREF(msg);
    /* An error inside PyRun_SimpleString is printed (to stderr) and reported. */
    int rc = PyRun_SimpleString("raise ValueError('expected')");
    PyRun_SimpleString(rc == -1 ? "print('error reported')" : "print('no error?')");
    return Py_FinalizeEx() == 0 ? 0 : 3;
}
