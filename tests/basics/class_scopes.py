# Name resolution in class bodies, methods and nested classes.
x = "global"


class A:
    x = "class"
    y = x + "-derived"

    def method(self):
        return x

    def method_attr(self):
        return self.x

    class Inner:
        z = x


print(A.y, A().method(), A().method_attr(), A.Inner.z)


def make():
    v = "enclosing"

    class B:
        v = "class v"
        w = v

        def get(self):
            return v

    return B


B = make()
print(B.w, B().get(), B.v)


def make2():
    a = "func"

    class C:
        print("class body sees", a)
        b = a * 2

    return C


print(make2().b)


class Counter:
    n = 0
    items = [n]
    n += 1


print(Counter.n, Counter.items)
print(A.__qualname__, A.Inner.__qualname__, A.method.__qualname__)
print(B.__qualname__, B.get.__qualname__)
print(A.__module__, A.Inner.__name__)


class D:
    def __init__(self):
        self.__private = 1
        self._protected = 2

    def get(self):
        return self.__private


d = D()
print(d.get(), d._D__private, sorted(vars(d)))
try:
    d.__private
except AttributeError as e:
    print("AttributeError", e)
