# Order of execution through try/except/else/finally.
def run(mode):
    log = []
    try:
        log.append("try")
        if mode == "raise":
            raise ValueError("v")
        if mode == "return":
            return log + ["returned"]
        if mode == "unhandled":
            raise KeyError("k")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
        print("finally ran for", mode)
    log.append("after")
    return log


for mode in ("normal", "raise", "return"):
    print(mode, run(mode))
try:
    run("unhandled")
except KeyError as e:
    print("propagated", e)


def nested():
    out = []
    try:
        try:
            out.append("inner try")
            raise RuntimeError("x")
        finally:
            out.append("inner finally")
    except RuntimeError:
        out.append("outer except")
    finally:
        out.append("outer finally")
    return out


print(nested())


def finally_exc():
    try:
        raise ValueError("original")
    finally:
        print("cleanup before propagating")


try:
    finally_exc()
except ValueError as e:
    print("got", e)


def except_raises():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
    finally:
        print("finally after except raised")


try:
    except_raises()
except TypeError as e:
    print("got", e, "context", repr(e.__context__))


def else_raises():
    try:
        pass
    except ValueError:
        print("not reached")
    else:
        raise KeyError("from else")
    finally:
        print("finally after else")


try:
    else_raises()
except KeyError as e:
    print("got", e)
