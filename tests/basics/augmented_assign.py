# Augmented assignment: in-place for mutables, rebinding for immutables.
a = [1]
b = a
a += [2]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
s = "ab"
s *= 3
print(s)
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x %= 3; x **= 4; x <<= 2; x >>= 1; x &= 0xFF; x |= 1; x ^= 6
print(x)
f = 1.5
f /= 2
f **= 2
print(f)
lst = [0, 0, 0]
idx_calls = []


def idx(i):
    idx_calls.append(i)
    return i


lst[idx(1)] += 5
print(lst, idx_calls)


class Obj:
    def __init__(self):
        self.v = 1


o = Obj()
o.v += 10
o.v *= 2
print(o.v)
d = {"k": [1]}
d["k"] += [2]
d["k"] *= 2
d.setdefault("n", 0)
d["n"] += 1
print(d)
try:
    tup = ([1],)
    tup[0] += [2]
except TypeError as e:
    print("TypeError", e, tup)
st = {1, 2}
st |= {3}
st &= {2, 3, 4}
st -= {2}
st ^= {9}
print(sorted(st))
ba = bytearray(b"ab")
ba += b"cd"
print(ba)
