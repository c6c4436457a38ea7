# Call-heavy: recursion, closures, keyword arguments, bound methods.
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def make_adder(k):
    def add(x, y=0, *, z=0):
        return x + y + z + k

    return add


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, by=1):
        self.n += by
        return self.n


def run():
    total = fib(27)
    add = make_adder(3)
    c = Counter()
    bump = c.bump
    for i in range(3000000):
        total += add(i, 1, z=2) - add(i)
        bump(i & 3)
    return total + c.n


print("calls checksum:", run())
