# Nested try blocks, handlers that raise, exception state after handling.
def level3():
    raise KeyError("deep")


def level2():
    try:
        level3()
    except IndexError:
        print("level2: wrong type, not caught here")


def level1():
    try:
        level2()
    except KeyError as e:
        print("level1 caught", e)
        return "handled"


print(level1())
for i in range(4):
    try:
        try:
            if i == 0:
                raise ValueError(i)
            if i == 1:
                raise TypeError(i)
            if i == 2:
                raise KeyError(i)
        except ValueError as e:
            print("inner ValueError", e)
        except TypeError as e:
            print("inner TypeError, re-raising as RuntimeError")
            raise RuntimeError("from inner") from e
        else:
            print("inner else", i)
    except RuntimeError as e:
        print("outer RuntimeError", e, "cause", repr(e.__cause__))
    except KeyError as e:
        print("outer KeyError", e)
try:
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as t:
            print("handled second inside handler of first:", t)
        print("still handling first")
        raise
except ValueError as e:
    print("bare raise re-raised:", e)
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise ValueError(count)
        break
    except ValueError as e:
        print("retry after", e)
print("succeeded after", count)


def handler_returns():
    try:
        raise ValueError("x")
    except ValueError:
        return "returned from handler"
    finally:
        print("finally sees handler return")


print(handler_returns())
results = []
for f in (int, float, list):
    try:
        results.append(f("1.5"))
    except ValueError:
        results.append("ValueError")
print(results)
