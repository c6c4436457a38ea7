# Implicit chaining through __context__.
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("a")
    finally:
        raise IndexError("b")
except IndexError as e:
    print("finally context:", repr(e.__context__))
try:
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise ValueError("after inner handled")
except ValueError as e:
    print("context is the exception being handled:", repr(e.__context__))


def reraise_same():
    try:
        raise ValueError("same")
    except ValueError as e:
        raise e


try:
    reraise_same()
except ValueError as e:
    print("re-raised self has no self-context:", e.__context__)
try:
    try:
        raise KeyError(1)
    except KeyError as k:
        err = k
        raise
except KeyError as e:
    print("bare raise keeps identity:", e is err, e.__context__)
try:
    err2 = None
    try:
        1 / 0
    except ZeroDivisionError as z:
        err2 = z
    raise RuntimeError("outside handler")
except RuntimeError as e:
    print("raised after handler exits:", e.__context__)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
