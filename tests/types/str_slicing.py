# String indexing and slicing.
s = "abcdefghij"
print(s[0], s[-1], s[3], s[-3], s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-2], s[2:8:3], s[-1:-5:-1], s[5:2], s[100:], s[-100:2])
print(s[3:3], repr(s[10:]), s[0:100:4], s[slice(1, 4)], s[slice(None, None, -3)])
u = "héllo wörld €"
print(u[1], u[-1], u[2:8], u[::-1], len(u[::2]))
for i in range(-4, 4):
    print(i, "xyz"[i:], "xyz"[:i], "xyz"[i::-1])
try:
    s[10]
except IndexError as e:
    print("IndexError", e)
try:
    s[-11]
except IndexError as e:
    print("IndexError", e)
try:
    s["1"]
except TypeError as e:
    print("TypeError", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError", e)
print(s[True], s[1.0:] if False else s[1:], s[2 ** 70:], s[-(2 ** 70):3])


class I:
    def __index__(self):
        return 2


print(s[I()], s[I():5], "abc"[slice(I())])
