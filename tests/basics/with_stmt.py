# Context managers: enter/exit order, exception info, suppression.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress


with CM("a") as v:
    print("body", v)

with CM("outer") as o, CM("inner") as i:
    print("body", o, i)

try:
    with CM("raising"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)

with CM("quiet", suppress=True):
    raise KeyError("hidden")
print("after suppressed")


def early_return():
    with CM("ret"):
        return "returned"


print(early_return())
for n in range(3):
    with CM("loop%d" % n):
        if n == 1:
            continue
        if n == 2:
            break
        print("loop body", n)

with CM("nested1"):
    with CM("nested2", suppress=True):
        1 / 0
    print("between")


class Resource:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("released", exc[0] is None)


with Resource() as r:
    print(type(r).__name__)
try:
    with 5:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)


class EnterFails:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("never")


try:
    with EnterFails():
        print("never")
except RuntimeError as e:
    print("RuntimeError", e)
with CM("target") as (a):
    print(a)
