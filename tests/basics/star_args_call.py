# Argument unpacking at call sites.
def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, sorted(kwargs.items()))


print(show(*[1, 2], *(3,), *"ab"))
print(show(**{"a": 1}, **{"b": 2}, c=3))
print(show(1, *range(2), 9, *[], k=0, **{"z": 1}))
print(show(*{"x": 1, "y": 2}))
print(show(*(i * i for i in range(3))))


def point(x, y, z=0):
    return (x, y, z)


coords = [1, 2]
print(point(*coords), point(*coords, 3), point(*coords, z=4), point(**{"y": 5, "x": 6}))
try:
    show(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError", e)
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError", e)
try:
    point(*[1, 2, 3, 4])
except TypeError as e:
    print("TypeError", e)
try:
    point(1, *[2], y=3)
except TypeError as e:
    print("TypeError", e)
print(max(*[3, 9, 2]), "{}-{}".format(*"xy"), "{a}{b}".format(**{"a": "A", "b": "B"}))
print(*range(3), sep=", ", end=".\n")
print(list(zip(*[(1, "a"), (2, "b")])))
data = {"sep": "|", "end": "!\n"}
print("p", "q", **data)
