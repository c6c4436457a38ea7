# The micropython module, when present (it is not in CPython): only
# target-independent facts are printed, so both interpreters agree.
try:
    import micropython
except ImportError:
    micropython = None

if micropython is not None:
    const_ok = micropython.const(123) == 123
    has_mem_info = hasattr(micropython, "mem_info")
    if hasattr(micropython, "opt_level"):
        micropython.opt_level()
    if hasattr(micropython, "heap_lock"):
        micropython.heap_lock()
        micropython.heap_unlock()
else:
    const_ok = True
    has_mem_info = True

print("const", const_ok)
print("mem_info", has_mem_info)


def const(x):
    return x


X = const(5)
print(X * 2)
try:
    from micropython import const as c2
except ImportError:
    c2 = const
print(c2(7))
