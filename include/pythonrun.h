/* Running source code. */
#ifndef Py_PYTHONRUN_H
#define Py_PYTHONRUN_H
#ifdef __cplusplus
extern "C" {
#endif

PyAPI_FUNC(int) PyRun_SimpleString(const char *command);

#ifdef __cplusplus
}
#endif
#endif /* Py_PYTHONRUN_H */
