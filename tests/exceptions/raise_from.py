# raise ... from ...: __cause__, __context__ and __suppress_context__.
class AppError(Exception):
    pass


def load(key):
    try:
        return {"a": 1}[key]
    except KeyError as e:
        raise AppError("cannot load %r" % key) from e


try:
    load("zz")
except AppError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
    print(e.__cause__ is e.__context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no chain") from None
except ValueError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise RuntimeError("explicit") from KeyError("unrelated")
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__, e.__suppress_context__)
try:
    raise TypeError("cls cause") from ValueError
except TypeError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError", e)
e1 = ValueError("manual")
e1.__cause__ = KeyError("set by hand")
print(repr(e1.__cause__), e1.__suppress_context__)
fresh = Exception("fresh")
print(fresh.__cause__, fresh.__context__, fresh.__suppress_context__, fresh.__traceback__)


def chain_depth():
    try:
        try:
            try:
                raise KeyError("level0")
            except KeyError as a:
                raise IndexError("level1") from a
        except IndexError as b:
            raise ValueError("level2") from b
    except ValueError as c:
        names = []
        cur = c
        while cur is not None:
            names.append(type(cur).__name__ + ":" + str(cur.args[0]))
            cur = cur.__cause__
        return names


print(chain_depth())
