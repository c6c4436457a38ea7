# TypeError messages for bad calls.
def f0():
    pass


def f2(a, b):
    pass


def fd(a, b=1):
    pass


def fstar(a, *args):
    pass


class C:
    def meth(self, x):
        pass


ident = lambda x: x
five = 5
text = "abc"
nothing = None


tests = [
    lambda: f0(1),
    lambda: f2(1),
    lambda: f2(),
    lambda: f2(1, 2, 3),
    lambda: fd(),
    lambda: fd(1, 2, 3),
    lambda: f2(1, 2, c=3),
    lambda: f2(1, a=1),
    lambda: fstar(),
    lambda: fstar(b=1),
    lambda: C().meth(),
    lambda: C().meth(1, 2),
    lambda: C.meth(C()),
    lambda: f2(*1),
    lambda: f2(**[1]),
    lambda: ident(),
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: five(),
    lambda: text(),
    lambda: nothing(),
]
for t in tests:
    try:
        t()
        print("no error")
    except TypeError as e:
        print("TypeError", e)
