# getattr, setattr, hasattr, delattr and dir/vars.
class Box:
    kind = "box"

    def __init__(self):
        self.size = 3

    def area(self):
        return self.size ** 2


b = Box()
print(getattr(b, "size"), getattr(b, "kind"), getattr(b, "missing", "dflt"), getattr(b, "area")())
setattr(b, "size", 5)
setattr(b, "color", "red")
print(b.size, b.color, hasattr(b, "color"), hasattr(b, "nope"), hasattr(Box, "area"))
delattr(b, "color")
print(hasattr(b, "color"))
try:
    getattr(b, "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    getattr(b, 5)
except TypeError as e:
    print("TypeError", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError", e)
print(sorted(vars(b)), "area" in dir(b), "size" in dir(b), "kind" in dir(Box))
print(getattr(str, "upper")("abc"), getattr([1, 2], "__len__")(), getattr(1, "real"), (5).bit_length())
try:
    "abc".nope
except AttributeError as e:
    print("AttributeError", e)
try:
    Box.nope
except AttributeError as e:
    print("AttributeError", e)
try:
    None.x
except AttributeError as e:
    print("AttributeError", e)


class Raises:
    @property
    def bad(self):
        raise ValueError("property raised")

    @property
    def attr_err(self):
        raise AttributeError("inner")


r = Raises()
try:
    hasattr(r, "bad")
except ValueError as e:
    print("ValueError", e)
print(hasattr(r, "attr_err"), getattr(r, "attr_err", "fallback"))
setattr(Box, "new_class_attr", 42)
print(b.new_class_attr, vars(Box)["kind"])
