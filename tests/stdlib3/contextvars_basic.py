# requires: module:contextvars
# contextvars: ContextVar, Token, Context, copy_context (PEP 567).
import contextvars
from contextvars import Context, ContextVar, Token, copy_context

v = ContextVar("v")
w = ContextVar("w", default=10)
print(v.name, w.name, w.get(), w.get(5))
try:
    v.get()
except LookupError:
    print("LookupError")
print(v.get("dflt"), v.get(None))

t = v.set(1)
print(v.get(), t.var is v, t.old_value is Token.MISSING, repr(Token.MISSING))
t2 = v.set(2)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
try:
    v.reset(t2)
except RuntimeError:
    print("RuntimeError used twice")
try:
    w.reset(t)
except ValueError:
    print("ValueError other var")
v.reset(t)
print(v.get("gone"))

# copy_context: a snapshot; changes in a run() stay in that context.
v.set("outer")
ctx = copy_context()
print(ctx[v], ctx.get(v), v in ctx, w in ctx, ctx.get(w, "no"), len(ctx))


def inner(x):
    v.set(x)
    w.set(x * 2)
    return v.get(), w.get()


print(ctx.run(inner, 3))
print(v.get(), w.get(), ctx[v], ctx[w], len(ctx))
print(sorted(k.name for k in ctx), sorted(k.name for k in ctx.keys()))
print(sorted(map(str, ctx.values())), len(ctx.items()))

# A token from another context cannot reset here.
tok = ctx.run(v.set, "in-ctx")
try:
    v.reset(tok)
except ValueError:
    print("ValueError other context")

# Context() is empty; entering twice is an error.
c2 = Context()
print(len(c2), c2.run(v.get, "empty"))


def reenter():
    return c2.run(lambda: 1)


try:
    c2.run(reenter)
except RuntimeError:
    print("RuntimeError entered")

# Copies are independent.
c3 = ctx.copy()
c3.run(v.set, "c3")
print(ctx[v], c3[v])

# Type checks and errors.
for bad in (1, "x"):
    try:
        ctx[bad]
    except TypeError:
        print("TypeError key")
try:
    ContextVar(5)
except TypeError:
    print("TypeError name")
try:
    Token()
except RuntimeError:
    print("RuntimeError token")
for cls in (ContextVar, Token, Context):
    try:
        class Sub(cls):
            pass
    except TypeError:
        print("TypeError subclass", cls.__name__)
try:
    hash(ctx)
except TypeError:
    print("TypeError hash")
print(hash(v) == hash(v), ContextVar[int] is not None)
print(repr(w).startswith("<ContextVar name='w' default=10 at 0x"))
print(repr(v).startswith("<ContextVar name='v' at 0x"))
t = v.set(0)
print(repr(t).startswith("<Token var=<ContextVar name='v' at"))
v.reset(t)
print(repr(t).startswith("<Token used var="))


# Keyword arguments pass through run().
def kw(a, *, b):
    return a + b


print(copy_context().run(kw, 1, b=2))
