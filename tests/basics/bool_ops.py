# and/or return one of their operands; not returns a bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and 1, [0] and 1, not [], not [0], not None, not 0.0, not "x")
print(True + True, True * 10, False - 1, True == 1, False == 0, True is True)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "), bool(()), bool((0,)))
print(bool({}), bool({0: 0}), bool(set()), bool(range(0)), bool(range(1)), bool(None))
print(isinstance(True, int), issubclass(bool, int), str(True), repr(False), int(True))


def f(v, name):
    print("called", name)
    return v


# Short-circuit evaluation.
print(f(0, "a") and f(1, "b"))
print(f(1, "a") or f(1, "b"))
print(f(1, "a") and f(0, "b") or f(2, "c"))
r = f([], "x") or f(None, "y") or f("z", "z")
print(r)


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool of", self.v)
        return self.v > 0


print(bool(Truthy(3)), not Truthy(-1))
print("yes" if Truthy(1) else "no", Truthy(0) and "unreached" or "fallback")


class Sized:
    def __len__(self):
        return 0


print(bool(Sized()), not Sized())
try:
    class Bad:
        def __bool__(self):
            return 1
    bool(Bad())
except TypeError as e:
    print("TypeError", e)
