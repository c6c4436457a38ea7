# Exception corners: notes, args, KeyError repr, StopIteration.value,
# sys.exc_info, exception groups.
import sys
e = ValueError("boom")
e.add_note("note 1")
e.add_note("note 2")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as x:
    print(x)

print(BaseException().args, BaseException(1).args, BaseException(1, 2).args)
print(str(BaseException()), str(BaseException(1)), str(BaseException(1, 2)))
print(repr(ValueError()), repr(ValueError(1)), repr(ValueError(1, "a")))
print(str(KeyError("k")), repr(KeyError("k")), str(KeyError()), str(KeyError(1, 2)))
err = ValueError(1)
err.args = (3, 4)
print(err, err.args)

def g():
    yield 1
    return "result"
it = g()
next(it)
try:
    next(it)
except StopIteration as s:
    print("value", s.value, s.args)
print(StopIteration(5).value, StopIteration().value)

print(sys.exc_info())
try:
    raise KeyError("x")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None)
print(sys.exc_info())

eg = ExceptionGroup("msg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3)])])
print(repr(eg))
print(str(eg))
print(eg.message, len(eg.exceptions))
m, r = eg.split(ValueError)
print(repr(m))
print(repr(r))
print(repr(eg.subgroup(TypeError)))
print(eg.subgroup(KeyError))
print(repr(eg.subgroup(lambda e: isinstance(e, ValueError) and e.args[0] == 3)))
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as x:
    print(x)
try:
    ExceptionGroup("x", [])
except ValueError as x:
    print(x)

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
except* ValueError as e:
    print("caught V", repr(e))
except* TypeError as e:
    print("caught T", repr(e))
except* OSError:
    print("caught O")

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled V")
except ExceptionGroup as rest:
    print("rest", repr(rest))

try:
    try:
        raise TypeError("naked")
    except* TypeError as e:
        print("wrapped", repr(e))
except Exception as x:
    print("?", x)

try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError("new")
except ExceptionGroup as x:
    print("raised in handler", repr(x))
except KeyError as x:
    print("keyerror", repr(x))

# sys.exc_info() inside except* is the matched part; a bare raise re-raises it.
import sys
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("inside", repr(sys.exc_info()[1]))
        raise
    except* TypeError:
        pass
except ExceptionGroup as x:
    print("reraised part", repr(x))
print(isinstance(ExceptionGroup("a", [ValueError()]), Exception), issubclass(ExceptionGroup, Exception))
try:
    try:
        raise ValueError("v")
    except* ExceptionGroup:
        pass
except TypeError as x:
    print(x)
class MyEG(ExceptionGroup):
    pass
g = MyEG("mine", [ValueError(1), KeyError(2)])
print(repr(g), type(g.subgroup(ValueError)).__name__)
