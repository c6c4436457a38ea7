# global and nonlocal declarations; UnboundLocalError.
counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump()
bump()
print(counter)


def define_global():
    global new_global
    new_global = "created"


define_global()
print(new_global)

x = "global x"


def read_global():
    return x


def shadow():
    x = "local x"
    return x


print(read_global(), shadow(), x)


def unbound():
    print(x)
    x = 1


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def outer():
    y = 1

    def mid():
        nonlocal y
        y += 1

        def inner():
            nonlocal y
            y *= 10

        inner()

    mid()
    return y


print(outer())


def loop_closure():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    return [f() for f in fns]


print(loop_closure())
try:
    print(undefined_name)
except NameError as e:
    print("NameError", e)


def del_then_use():
    z = 1
    del z
    return z


try:
    del_then_use()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
print(sorted(k for k in globals() if k in ("counter", "new_global", "x")))
