# User-defined exception classes.
class AppError(Exception):
    """Base for the app's errors."""


class NotFound(AppError):
    def __init__(self, name):
        super().__init__("not found: " + name)
        self.name = name


class WithCode(AppError):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code

    def __str__(self):
        return "[%d] %s" % (self.code, self.args[0])


class NoInit(ValueError):
    pass


for exc in (NotFound("user"), WithCode("bad request", 400), NoInit("plain", 2), AppError()):
    try:
        raise exc
    except AppError as e:
        print("AppError handler:", type(e).__name__, str(e), repr(e.args))
    except ValueError as e:
        print("ValueError handler:", type(e).__name__, str(e), e.args)
e = NotFound("file")
print(e.name, isinstance(e, AppError), isinstance(e, Exception), isinstance(e, BaseException))
print([c.__name__ for c in NotFound.__mro__])
print(repr(WithCode("m", 1)), repr(NoInit()), repr(NotFound("x")))


class Rich(Exception):
    def __init__(self, *args, detail=None):
        super().__init__(*args)
        self.detail = detail

    def __repr__(self):
        return "Rich(detail=%r)" % self.detail


try:
    raise Rich("a", "b", detail={"k": 1})
except Rich as r:
    print(r.args, r.detail, repr(r), str(r))


class NotAnException:
    pass


try:
    raise NotAnException()
except TypeError as e:
    print("TypeError", e)


class Base(Exception):
    pass


class Left(Base):
    pass


class Right(Base):
    pass


class Both(Left, Right):
    pass


try:
    raise Both("diamond")
except Right as e:
    print("caught Both via Right:", e)


class Exit(BaseException):
    pass


try:
    try:
        raise Exit("not an Exception")
    except Exception:
        print("not here")
except BaseException as e:
    print("BaseException caught:", type(e).__name__, e)
err = AppError("attrs")
err.extra = 42
print(err.extra, err.args, str(err))
