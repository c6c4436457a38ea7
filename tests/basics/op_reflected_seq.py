# A list or tuple on the left of + or += lets the right operand's reflected
# method answer first (CPython tries both number slots before the
# sequence's own concatenation).
class R:
    def __radd__(self, o):
        return ("radd", o)


class NI:
    def __radd__(self, o):
        return NotImplemented


print([1] + R(), (1,) + R())
x = [1, 2]
x += R()
print(x)
t = (1,)
t += R()
print(t)
for left in ([1], (1,)):
    try:
        left + NI()
    except TypeError as e:
        print("TypeError", e)
y = [1]
try:
    y += NI()
except TypeError as e:
    print("TypeError", e)
y += (2, 3)
y += range(4, 6)
print(y)
try:
    y += 5
except TypeError as e:
    print("TypeError", e)


class L(list):
    def __radd__(self, o):
        return "L.radd"


print([1] + L([2]), [1] + [2], (1,) + (2,))
z = [0]
z += L([1])
print(z)
