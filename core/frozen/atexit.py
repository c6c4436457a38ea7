"""Functions to run when the interpreter exits (ferropy's version).

The list lives here; the port runs it (last registered first) after the
main program ends, through the core's Vm::run_atexit.
"""

_callbacks = []


def register(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) at exit; returns func (a decorator)."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    """Forget every registration of func."""
    _callbacks[:] = [c for c in _callbacks if c[0] != func]


def _clear():
    _callbacks.clear()


def _ncallbacks():
    return len(_callbacks)


def _run_exitfuncs():
    while _callbacks:
        func, args, kwargs = _callbacks.pop()
        try:
            func(*args, **kwargs)
        except BaseException as e:
            import sys
            print("Exception ignored in atexit callback:", repr(func), file=sys.stderr)
            sys.excepthook(type(e), e, e.__traceback__)
