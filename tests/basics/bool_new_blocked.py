# bool.__new__, int.__new__(bool), __bool__ = None, float.__getformat__.
print(repr(bool.__new__(bool)), bool.__new__(bool, 1) is True, bool.__new__(bool, 0) is False,
      bool.__new__(bool, []) is False, bool.__new__(bool, 'x') is True)
for bad in [lambda: int.__new__(bool, 0), lambda: bool.__new__(int, 1), lambda: bool.__new__(1),
            lambda: bool.__new__(), lambda: bool(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)


class A:
    __bool__ = None


class B:
    def __len__(self):
        return 10
    __bool__ = None


class C:
    def __len__(self):
        return 0


for o in (A(), B()):
    try:
        bool(o)
    except TypeError as e:
        print('TypeError', e)
    try:
        print(not o)
    except TypeError as e:
        print('TypeError', e)
print(bool(C()), not C())
print(float.__getformat__('double'), float.__getformat__('float'))
for a in ('x', 1):
    try:
        float.__getformat__(a)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
