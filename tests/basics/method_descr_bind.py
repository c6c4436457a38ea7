# A builtin type's method stored in an unrelated class: binding it to an
# instance checks the type (CPython's method_descriptor.__get__).
class A:
    values = dict.values
    upper = str.upper
    add = int.__add__


a = A()
for name in ("values", "upper", "add"):
    try:
        getattr(a, name)
    except TypeError as e:
        print("TypeError", e)
    try:
        getattr(a, name)()
    except TypeError as e:
        print("TypeError", e)


class D(dict):
    vals = dict.values


print(sorted(D(x=1, y=2).vals()))
