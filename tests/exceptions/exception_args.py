# Exception args, str() and repr().
cases = [
    Exception(),
    Exception("one"),
    Exception("two", 2),
    Exception(None),
    Exception(""),
    ValueError([1, 2]),
    KeyError("key"),
    KeyError("a", "b"),
    KeyError(),
    IndexError(3),
    OSError(999, "custom failure"),
    StopIteration(5),
    SystemExit(3),
    UnicodeError("u"),
    ZeroDivisionError("z"),
]
for e in cases:
    print(type(e).__name__, "args=%r" % (e.args,), "str=%r" % str(e), "repr=%s" % repr(e))
e = ValueError("mutable args")
e.args = ("changed", 1)
print(e, repr(e))
e.args = ()
print(repr(str(e)), repr(e))
print(StopIteration(5).value, StopIteration().value, SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
oe = OSError(999, "custom failure")
print(oe.errno, oe.strerror, oe.args)
print(str(KeyError("quoted")), str(KeyError(1)), str(LookupError("unquoted")))
print(Exception("a") == Exception("a"), type(Exception("x").args).__name__)


class MyErr(Exception):
    def __init__(self, a, b):
        self.a = a
        self.b = b


m = MyErr(1, 2)
print(m.args, str(m), repr(m), m.a + m.b)


class MyErr2(Exception):
    def __init__(self, a):
        super().__init__(a * 2)


print(repr(MyErr2(5)), MyErr2(5).args)
print(repr(BaseException("base")), repr(GeneratorExit()), repr(KeyboardInterrupt("k")))
print(repr(AssertionError("a", 1)), repr(NotImplementedError()), repr(RecursionError("deep")))
