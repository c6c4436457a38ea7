# property docstrings: taken from the getter, kept or replaced by
# getter/setter/deleter copies, stored per instance for property subclasses.


def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class P(property):
    pass


class Q(property):
    "Q's class docstring"


class A:
    @P
    def spam(self):
        "spam doc"
        return 1


t(lambda: A.spam.__doc__)
t(lambda: A.__dict__["spam"].__dict__)
t(lambda: A().spam)


class B:
    @property
    def x(self):
        "getter doc"

    @x.getter
    def x(self):
        "new doc"


t(lambda: B.x.__doc__)


def g(s):
    "gdoc"


def h(s):
    "hdoc"


p = property(lambda s: 1, doc="explicit")
t(lambda: (p.__doc__, p.getter(g).__doc__, p.setter(h).__doc__))
q = property(g)
t(lambda: (q.__doc__, q.setter(lambda s, v: 0).__doc__, q.getter(h).__doc__))
t(lambda: property(None).__doc__)
t(lambda: property(None).getter(g).__doc__)
t(lambda: (Q(g).__doc__, Q(None).__doc__, Q(g, doc="d").__doc__))
t(lambda: (P(g).__doc__, P(None).__doc__, type(P(g).getter(h)).__name__))
t(lambda: P(g).getter(h).__doc__)
t(lambda: P(g, doc="kept").getter(h).__doc__)


class C:
    @P
    def s(self):
        "sdoc"
        return self._s

    @s.setter
    def s(self, v):
        self._s = v


c = C()
c.s = 5
t(lambda: (C.s.__doc__, c.s, type(C.s).__name__))


class Counting(property):
    made = 0

    def __init__(self, *a, **k):
        Counting.made += 1
        super().__init__(*a, **k)


class D:
    @Counting
    def v(self):
        return 2

    @v.setter
    def v(self, x):
        pass


t(lambda: (Counting.made, D().v))


class Named:
    @P
    def n(self):
        pass

    m = n.setter(lambda s, v: None)


t(lambda: setattr(Named(), "n", 1))
t(lambda: delattr(Named(), "m"))


class Slotted(property):
    __slots__ = ()


t(lambda: Slotted(g))
t(lambda: Slotted(None) is not None)

# __set_name__ argument errors
pr = property(g)
t(lambda: pr.__set_name__())
t(lambda: pr.__set_name__(1))
t(lambda: pr.__set_name__(1, 2, 3))
t(lambda: (pr.__set_name__(A, "nm"), pr.__get__(None, A) is pr))
