# property, classmethod and staticmethod.
class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value

    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

    @staticmethod
    def describe(v):
        return "%.1f degrees" % v


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 37
print(t.celsius, round(t.fahrenheit, 1))
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError", e)
del t.celsius
print(hasattr(t, "_c"))
u = Temperature.from_fahrenheit(212)
print(type(u).__name__, u.celsius, Temperature.describe(21.456), u.describe(0))


class Sub(Temperature):
    pass


s = Sub.from_fahrenheit(32)
print(type(s).__name__, s.celsius)
print(type(Temperature.__dict__["celsius"]).__name__, isinstance(Temperature.celsius, property))


class Counter:
    _n = 0

    @classmethod
    def bump(cls):
        cls._n += 1
        return cls._n

    total = property(lambda self: self._n * 10)


print(Counter.bump(), Counter().bump(), Counter().total)


class Lazy:
    def __init__(self):
        self.calls = 0

    def _get(self):
        self.calls += 1
        return self.calls

    value = property(_get, doc="computed each time")


z = Lazy()
print(z.value, z.value, Lazy.value.__doc__)
