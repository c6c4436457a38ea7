# Closures capture variables (cells), not values.
def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(10), c2())


def make_adders():
    return [lambda x: x + i for i in range(3)]


print([f(10) for f in make_adders()])


def make_adders_bound():
    return [lambda x, i=i: x + i for i in range(3)]


print([f(10) for f in make_adders_bound()])


def outer():
    x = "outer"

    def middle():
        def inner():
            return x

        return inner

    x = "changed"
    return middle()()


print(outer())


def shared():
    val = []

    def add(v):
        val.append(v)

    def get():
        return list(val)

    return add, get


add, get = shared()
add(1)
add(2)
print(get())


def accumulator(total):
    def acc(n):
        nonlocal total
        total += n
        return total

    return acc


a = accumulator(100)
print(a(1), a(2), a(-50))
print(c1.__closure__ is not None, make_counter.__closure__)


def fib_memo():
    memo = {0: 0, 1: 1}

    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]

    return fib


print(fib_memo()(80))
