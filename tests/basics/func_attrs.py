# Function objects: names, docstrings, annotations, attributes, identity.
def greet(name: str, punct: str = "!") -> str:
    """Return a greeting."""
    return "Hello, " + name + punct


print(greet("Ann"), greet.__name__, greet.__doc__, greet.__qualname__)
print(greet.__annotations__)
print(greet.__defaults__, greet.__module__)
greet.custom = 123
print(greet.custom, hasattr(greet, "custom"), getattr(greet, "other", None))
alias = greet
print(alias is greet, alias("Bob", "?"), alias.__name__)


def outer():
    def inner():
        pass

    return inner


print(outer().__name__, outer().__qualname__, outer() is outer())


class K:
    def method(self):
        """Method doc."""

    @staticmethod
    def static():
        return "static"


print(K.method.__name__, K.method.__qualname__, K.method.__doc__, K.static(), K().static())
print(type(K.method).__name__, type(K().method).__name__, K().method == K().method)
k = K()
print(k.method == k.method, k.method is k.method, k.method.__self__ is k)


def no_doc():
    x = "not a docstring"
    return x


print(no_doc.__doc__, no_doc(), (lambda: 0).__name__)


def gen():
    yield


def f_args(a, b, *c, d, **e):
    pass


print(type(gen).__name__, type(gen()).__name__, f_args.__code__.co_argcount, f_args.__code__.co_kwonlyargcount)
print(repr(greet)[:15], str(K.method)[:17])
funcs = {greet: "g", outer: "o"}
print(funcs[alias], len(funcs))
