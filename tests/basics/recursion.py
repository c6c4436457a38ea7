# requires: bigheap
# Recursion: ordinary depth works, runaway recursion raises RecursionError.
# (Each frame may live on the heap, hence bigheap.)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(100), depth(500))


def runaway(n):
    return runaway(n + 1) + 1


try:
    runaway(0)
except RecursionError as e:
    print("RecursionError caught")
print(issubclass(RecursionError, RuntimeError))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print(ackermann(2, 3))


def even(n):
    return True if n == 0 else odd(n - 1)


def odd(n):
    return False if n == 0 else even(n - 1)


print(even(200), odd(151))


class Node:
    def __init__(self, child=None):
        self.child = child

    def length(self):
        return 1 + (self.child.length() if self.child else 0)


chain = None
for _ in range(300):
    chain = Node(chain)
print(chain.length())


def mutual_runaway():
    return [mutual_runaway()]


for _ in range(2):
    try:
        mutual_runaway()
    except RecursionError:
        print("RecursionError again")
print(depth(200))
