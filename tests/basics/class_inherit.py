# Inheritance, method resolution order and super().
class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "%s says %s" % (self.name, self.sound)

    def kind(self):
        return "animal"


class Dog(Animal):
    sound = "woof"

    def kind(self):
        return "dog < " + super().kind()


class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age

    def speak(self):
        return super().speak() + " (age %d)" % self.age


p = Puppy("Rex", 1)
print(p.speak(), p.kind(), Dog("Fido").speak())
print(isinstance(p, Animal), issubclass(Puppy, Animal), issubclass(Animal, Puppy))
print([c.__name__ for c in Puppy.__mro__])


# Diamond inheritance and cooperative super().
class Base:
    def hello(self):
        return ["Base"]


class Left(Base):
    def hello(self):
        return ["Left"] + super().hello()


class Right(Base):
    def hello(self):
        return ["Right"] + super().hello()


class Bottom(Left, Right):
    def hello(self):
        return ["Bottom"] + super().hello()


print(Bottom().hello())
print([c.__name__ for c in Bottom.__mro__])
print(Bottom.__bases__ == (Left, Right))


class A:
    def who(self):
        return "A"


class B(A):
    pass


class C(B):
    def who(self):
        return "C>" + super(B, self).who()


print(C().who(), B().who())

try:
    class X(A, B):
        pass
except TypeError as e:
    print("TypeError", e)


class WithInitArgs(Animal):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.extra = True


w = WithInitArgs(name="W")
print(w.name, w.extra, w.speak())


class Builtin(list):
    def total(self):
        return sum(self)


b = Builtin([1, 2, 3])
b.append(4)
print(b, b.total(), len(b), isinstance(b, list))
