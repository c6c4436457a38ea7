# Bare raise, re-raising bound exceptions, and the except-variable lifetime.
def f():
    try:
        raise ValueError("orig")
    except ValueError:
        raise


try:
    f()
except ValueError as e:
    print("bare raise:", e)


def g():
    try:
        raise KeyError("k")
    except KeyError as exc:
        saved = exc
    try:
        raise saved
    except KeyError as again:
        return again is saved


print("raising a saved exception keeps identity:", g())


def h():
    try:
        raise TypeError("t")
    except TypeError as err:
        pass
    try:
        return err
    except NameError as ne:
        return "NameError: " + str(ne)


print(h())


def cleanup_then_reraise():
    try:
        raise IndexError("idx")
    except IndexError:
        print("logging before re-raise")
        raise


try:
    cleanup_then_reraise()
except IndexError as e:
    print("caught", repr(e))


def conditional_reraise(v):
    try:
        return int(v)
    except ValueError as e:
        if v == "":
            return 0
        raise RuntimeError("bad value %r" % v) from e


print(conditional_reraise("5"), conditional_reraise(""))
try:
    conditional_reraise("x")
except RuntimeError as e:
    print(e, "<-", type(e.__cause__).__name__)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)


def reraise_in_finally():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("finally runs, exception continues")
    except ValueError as e:
        return "outer got " + str(e)


print(reraise_in_finally())
err = ValueError("reused")
for _ in range(2):
    try:
        raise err
    except ValueError as caught:
        print("caught", caught is err)
