# Exceptions and context managers: what __exit__ receives, suppression, exceptions in __exit__.
class Tracker:
    def __init__(self, name, suppress=()):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, repr(ev), tb is not None if et else None)
        return et is not None and issubclass(et, self.suppress)


with Tracker("suppress-value", (ValueError,)):
    raise ValueError("suppressed")
try:
    with Tracker("no-suppress", (ValueError,)):
        raise KeyError("passes")
except KeyError as e:
    print("KeyError passed through", e)
with Tracker("outer", (KeyError,)):
    with Tracker("inner", (ValueError,)):
        raise KeyError("inner does not suppress, outer does")
print("continues")


class ExitRaises:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise RuntimeError("from __exit__")


try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print("RuntimeError", e, "context", repr(e.__context__))


def in_function():
    with Tracker("fn", (ZeroDivisionError,)):
        1 / 0
        print("not reached")
    return "returned normally"


print(in_function())
for i in range(3):
    with Tracker("loop%d" % i, (StopIteration,)):
        if i == 1:
            raise StopIteration
print("loop done")


class Transaction:
    def __init__(self):
        self.log = []

    def __enter__(self):
        self.log.append("begin")
        return self

    def __exit__(self, et, ev, tb):
        self.log.append("rollback" if et else "commit")
        return False


t1 = Transaction()
with t1:
    pass
t2 = Transaction()
try:
    with t2:
        raise ValueError
except ValueError:
    pass
print(t1.log, t2.log)
