# list methods.
a = [3, 1, 2]
a.append(4)
a.extend([5, 6])
a.extend(range(7, 9))
a.extend("ab")
print(a, len(a))
a.insert(0, "first")
a.insert(-1, "before-last")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(2), a)
a.remove("a")
print(a, a.index(4), a.index(5, 2), a.count(1), a.count("zz"))
b = a.copy()
b.reverse()
print(b, a is b, a == b[::-1])
b.clear()
print(b, len(b))
tests = [
    lambda: [].pop(),
    lambda: [1].pop(5),
    lambda: [1, 2].remove(3),
    lambda: [1, 2].index(3),
    lambda: [1, 2, 3].index(1, 1),
    lambda: [].insert(0),
    lambda: [1].extend(5),
    lambda: [].append(1, 2),
]
for t in tests:
    try:
        t()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
nums = [5, 3, 8, 1]
nums.sort()
print(nums, nums.sort() is None)
c = [1, 2]
c += (3, 4)
c += "xy"
print(c, [0] * 4, [[]] * 2, [1, 2] * 0)
shared = [[]] * 3
shared[0].append("same")
print(shared)
stack = []
for v in range(4):
    stack.append(v * v)
print([stack.pop() for _ in range(len(stack))])
queue = ["a", "b", "c"]
print(queue.pop(0), queue.pop(0), queue)
l1 = list(range(5))
print(l1.pop(-2), l1, l1.index(4, -1))
