# requires: bigheap
# Sequence and mapping patterns accept array, memoryview, deque and the
# collections User* wrappers as CPython.
import array, collections
def f(w):
    match w:
        case (x, y, z):
            return x, y, z
        case {2: v}:
            return 'map', v
        case _:
            return None
print(f(array.array('b', b'abc')), f(memoryview(b'abc')), f(collections.UserDict({2: 3})), f(collections.UserList([1, 2, 3])))
print(f(collections.UserString('abc')), f(collections.OrderedDict({2: 5})), f(collections.deque([1, 2, 3])), f(collections.defaultdict(int, {2: 1})))
