# Callback order and timing, errors in callbacks, weak references that die
# requires: bigheap
# with their referent, __del__ and resurrection.
import gc
import weakref


class C:
    def __init__(self, name):
        self.name = name


def make_cb(tag):
    def cb(w):
        print("callback", tag, w() is None)
    return cb


o = C("o")
refs = [weakref.ref(o, make_cb(i)) for i in range(4)]
del o
gc.collect()
print("after collect")

# A weak reference that dies with its referent (in a cycle) calls nothing.
o = C("o2")
o.me = o
o.self_ref = weakref.ref(o, make_cb("self"))
del o
gc.collect()
print("no callback for a dead weakref")

# A cycle is collected and its weak references cleared.
a = C("a")
b = C("b")
a.other = b
b.other = a
ra = weakref.ref(a, make_cb("a"))
rb = weakref.ref(b)
del a, b
gc.collect()
print(ra(), rb())


# Errors in callbacks are reported (stderr) and ignored.
def bad(w):
    raise ValueError("in callback")


o = C("bad")
rbad = weakref.ref(o, bad)
del o
gc.collect()
print("still running")


# A callback can create new weak references and objects.
keep = []


def cb2(w):
    n = C("new")
    keep.append((n, weakref.ref(n)))
    print("cb2 made", keep[-1][1]().name)


o = C("x")
r = weakref.ref(o, cb2)
del o
gc.collect()
print(keep[0][1]() is keep[0][0])
