# del on names, items, slices and attributes.
x = 1
del x
try:
    x
except NameError as e:
    print("NameError", e)
lst = list(range(10))
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)


class O:
    pass


o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print("AttributeError", e)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
nested = {"k": [1, 2, 3]}
del nested["k"][1]
print(nested)
try:
    del lst[5]
except IndexError as e:
    print("IndexError", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError", e)


def f():
    y = 2
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError " + str(e)


print(f())
for i in range(3):
    pass
del i
print("i" in globals())
s = "str"
try:
    del s[0]
except TypeError as e:
    print("TypeError", e)
