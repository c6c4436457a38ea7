# Deleting a name from the builtins module makes it undefined, as CPython.
import builtins


def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


saved_len = builtins.len
del builtins.len
t(lambda: len([1]))
t(lambda: builtins.len)
t(lambda: hasattr(builtins, "len"))
t(lambda: "len" in dir(builtins))
t(lambda: delattr(builtins, "len"))
builtins.len = saved_len
t(lambda: len([1, 2]))
t(lambda: "len" in dir(builtins))

# a builtin shadowed then deleted from the module globals comes back
abs = lambda x: "mine"
t(lambda: abs(-3))
del abs
t(lambda: abs(-3))

# deleting through builtins.__dict__
saved_ord = builtins.ord
del builtins.__dict__["ord"]
t(lambda: ord("a"))
builtins.ord = saved_ord
t(lambda: ord("a"))

# a builtin replaced in the builtins module is seen everywhere
saved_max = builtins.max
builtins.max = lambda *a: "patched"
t(lambda: max(1, 2))
del builtins.max
t(lambda: max(1, 2))
builtins.max = saved_max
t(lambda: max(1, 2))

# names that never existed
t(lambda: delattr(builtins, "no_such_builtin"))
t(lambda: no_such_builtin)
