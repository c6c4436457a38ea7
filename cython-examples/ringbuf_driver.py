# A ring buffer of doubles: overwrite on overrun, properties, special methods.
from ringbuf import RingBuffer

rb = RingBuffer(4, "adc")
print(rb, len(rb), bool(rb), rb.mean)
rb.extend([1, 2, 3])
print(rb, len(rb), rb.full, rb.mean)
rb.extend([4, 5, 6])
print(rb, "overruns:", rb.overruns, "full:", rb.full)
print("items:", rb[0], rb[-1], list(rb), 5.0 in rb, 1.0 in rb)
print("pop:", rb.pop(), rb.pop(), len(rb))
rb.name = "renamed"
print(repr(rb), rb.capacity)
try:
    rb.overruns = 0
except AttributeError as e:
    print("AttributeError")
try:
    rb[7]
except IndexError as e:
    print("IndexError:", e)
empty = RingBuffer(2)
try:
    empty.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    RingBuffer(0)
except ValueError as e:
    print("ValueError:", e)
a, b = RingBuffer(3), RingBuffer(5)
a.extend([1.5, 2.5])
b.extend([1.5, 2.5])
print("eq:", a == b, a == [1.5, 2.5], a != b)
print("sum:", sum(a), max(b), sorted(RingBuffer(1)))
