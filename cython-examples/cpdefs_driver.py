# cpdef functions from Python, cpdef methods overridden in Python.
import cpdefs

print(cpdefs.gcd(84, 36), cpdefs.gcd(-12, 18), cpdefs.lcm(4, 6), cpdefs.lcm(0, 5))
print(cpdefs.poly([1, 2, 3], 2.0), cpdefs.poly([], 5.0))
print(cpdefs.is_prime(97), cpdefs.is_prime(1), cpdefs.primes_below(30))

class Circle(cpdefs.Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.0 * self.r * self.r

class Square(cpdefs.Rect):
    def __init__(self, side):
        super().__init__(side, side)
    def describe(self):
        return "square: " + super().describe()

shapes = [cpdefs.Rect(2, 3), Circle(1.0), Square(4), cpdefs.Shape()]
for s in shapes:
    print(s.describe())
print(cpdefs.total_area(shapes))
try:
    cpdefs.total_area([cpdefs.Rect(1, 1), "not a shape"])
except TypeError as e:
    print("TypeError:", e)
try:
    cpdefs.gcd(2**70, 3)
except OverflowError as e:
    print("OverflowError")
