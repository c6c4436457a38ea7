# The gc module: collect() and enable/disable. Counts are not printed (they differ).
import gc

gc.collect()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(isinstance(gc.collect(), int) or gc.collect() is None)


# Objects stay alive while referenced and survive collections.
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


head = Node(0)
cur = head
for i in range(1, 200):
    cur.next = Node(i)
    cur = cur.next
for _ in range(3):
    gc.collect()
total = 0
cur = head
while cur:
    total += cur.v
    cur = cur.next
print(total)

# Cycles are collected without disturbing live data.
for _ in range(50):
    a = [1]
    b = [a]
    a.append(b)
del a, b
gc.collect()
keep = {i: str(i) * 3 for i in range(100)}
junk = None
for i in range(500):
    junk = [i] * 20
gc.collect()
print(len(keep), keep[42], junk[0])

# micropython-specific extras are optional; only print target-independent facts.
if hasattr(gc, "mem_free"):
    print(gc.mem_free() >= 0 and gc.mem_alloc() >= 0)
else:
    print(True)
