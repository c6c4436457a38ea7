# The builtin exception hierarchy.
def chain(cls):
    return [c.__name__ for c in cls.__mro__]


for cls in (KeyError, IndexError, ZeroDivisionError, OverflowError, FileNotFoundError, UnicodeDecodeError,
            RecursionError, NotImplementedError, ModuleNotFoundError, UnboundLocalError, StopAsyncIteration,
            KeyboardInterrupt, SystemExit, GeneratorExit, TimeoutError, AssertionError, MemoryError):
    print(cls.__name__, chain(cls)[1:])
print(issubclass(KeyError, LookupError), issubclass(ValueError, LookupError), issubclass(OSError, Exception))
print(issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, BaseException), issubclass(bool, BaseException))
print(IOError is OSError, EnvironmentError is OSError)
caught = []
for exc in (KeyError("k"), IndexError(0), ZeroDivisionError(), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad")):
    try:
        raise exc
    except LookupError:
        caught.append("LookupError")
    except ArithmeticError:
        caught.append("ArithmeticError")
    except ValueError:
        caught.append("ValueError")
print(caught)
try:
    raise ModuleNotFoundError("no module")
except ImportError as e:
    print("ImportError catches", type(e).__name__)
try:
    raise StopIteration
except Exception as e:
    print(type(e).__name__, "is Exception")
import builtins

names = sorted(n for n in dir(builtins) if n.endswith(("Error", "Exception")) and n in (
    "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "Exception", "ImportError",
    "IndexError", "KeyError", "LookupError", "MemoryError", "NameError", "OSError", "RuntimeError",
    "TypeError", "ValueError", "ZeroDivisionError"))
print(names)
