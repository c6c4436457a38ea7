# Keyword-only and positional-only parameters.
def kw(a, *, b, c=3):
    return a, b, c


print(kw(1, b=2), kw(1, c=4, b=5), kw(a=0, b=0))


def po(a, b, /, c, d=4):
    return a, b, c, d


print(po(1, 2, 3), po(1, 2, c=3), po(1, 2, 3, d=5))


def both(a, /, b, *, c):
    return a + b + c


print(both(1, 2, c=3), both(1, b=2, c=3))


def po_kwargs(a, /, **kw):
    return a, kw


# A positional-only name can also appear in **kwargs.
print(po_kwargs(1, a=2))


def star_only(*, x=1, y=2):
    return x, y


print(star_only(), star_only(y=5))

tests = [
    lambda: kw(1, 2),
    lambda: kw(1),
    lambda: po(a=1, b=2, c=3),
    lambda: po(1, b=2, c=3),
    lambda: both(1, 2, 3),
    lambda: star_only(1),
    lambda: kw(1, b=2, d=4),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print("TypeError", e)
