# try/except: matching by class, tuples, hierarchy, bare except, `as` binding.
def attempt(f):
    try:
        return "ok %r" % (f(),)
    except ZeroDivisionError:
        return "zero division"
    except (KeyError, IndexError) as e:
        return "lookup %s %s" % (type(e).__name__, e)
    except ArithmeticError as e:
        return "arithmetic " + type(e).__name__
    except Exception as e:
        return "other %s: %s" % (type(e).__name__, e)


print(attempt(lambda: 1))
print(attempt(lambda: 1 / 0))
print(attempt(lambda: {}["k"]))
print(attempt(lambda: [][0]))
print(attempt(lambda: 2.0 ** 10000))
print(attempt(lambda: int("x")))
print(attempt(lambda: undefined_name))
try:
    raise ValueError
except ValueError as e:
    print("class raised:", repr(e), e.args)
try:
    raise TypeError("with message")
except:  # noqa: E722
    print("bare except caught")
e = "before"
try:
    raise KeyError("x")
except KeyError as e:
    print("bound", repr(e))
print("e" in dir())
try:
    try:
        raise IndexError("inner")
    except KeyError:
        print("not here")
except LookupError as err:
    print("outer caught", type(err).__name__, err)
handlers = (ValueError, TypeError)
try:
    raise TypeError("dynamic tuple")
except handlers as x:
    print("caught via tuple variable:", x)
try:
    raise StopIteration
except Exception as x:
    print("StopIteration is an Exception:", isinstance(x, Exception))
try:
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
except TypeError as x:
    print("replaced:", x, "| context:", repr(x.__context__))
try:
    raise 5
except TypeError as x:
    print("TypeError", x)
try:
    try:
        pass
    except 5:
        pass
    print("non-class in except is fine if nothing raised")
    raise ValueError
except ValueError:
    print("done")
