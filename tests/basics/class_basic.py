# Classes: instances, methods, class vs instance attributes.
class Point:
    """A 2D point."""
    dims = 2
    count = 0

    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def moved(self, dx, dy=0):
        return Point(self.x + dx, self.y + dy)


p = Point(3, 4)
q = p.moved(1)
print(p.x, p.y, p.norm2(), q.x, q.y, Point.count, p.dims, Point.__doc__)
print(type(p).__name__, type(p) is Point, isinstance(p, Point), isinstance(3, Point))
print(Point.__name__, Point.norm2(p), p.norm2.__name__)

# Instance attributes shadow class attributes.
p.dims = 3
print(p.dims, q.dims, Point.dims)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims, q.dims)

# Attributes can be added dynamically.
p.label = "P"
print(p.label, hasattr(q, "label"), sorted(vars(p)))
print(sorted(k for k in p.__dict__))

# Bound methods.
m = p.norm2
print(m(), m.__self__ is p, m.__func__ is Point.norm2)


class Empty:
    pass


e = Empty()
e.a = 1
print(e.a, Empty.__name__, type(Empty).__name__, Empty.__bases__ == (object,))
try:
    e.missing
except AttributeError as ex:
    print("AttributeError", ex)
try:
    Point(1)
except TypeError as ex:
    print("TypeError", ex)


class Counter:
    instances = []

    def __init__(self):
        self.instances.append(self)


Counter()
Counter()
print(len(Counter.instances))


def method_outside(self):
    return "outside " + type(self).__name__


Empty.m = method_outside
print(e.m())
