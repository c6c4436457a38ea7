# Function and class decorators.
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, sorted(kwargs.items()))
        result = fn(*args, **kwargs)
        print("ret", result)
        return result

    wrapper.__name__ = fn.__name__
    return wrapper


@trace
def add(a, b=0):
    return a + b


add(1, 2)
add(5, b=6)
print(add.__name__)


def repeat(times):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]

        return wrapper

    return deco


@repeat(3)
def hello(name):
    return "hi " + name


print(hello("bob"))


def first(fn):
    print("applying first")
    return lambda: "first(" + fn() + ")"


def second(fn):
    print("applying second")
    return lambda: "second(" + fn() + ")"


@first
@second
def base():
    return "base"


print(base())
registry = {}


def register(cls):
    registry[cls.__name__] = cls
    cls.registered = True
    return cls


@register
class Plugin:
    pass


print(sorted(registry), Plugin.registered)


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    wrapper.cache = cache
    return wrapper


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), len(fib.cache))


class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)


@CountCalls
def square(x):
    return x * x


print(square(3), square(4), square.calls)
print((lambda f: f)(lambda: "expr decorator")())
