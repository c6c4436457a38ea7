# complex: constructor forms, repr edge cases, arithmetic, pow, comparisons, hashing, format.
# requires: host
# (hash() values and len() limits are those of a 64-bit CPython.)
inf = float("inf")
nan = float("nan")
print(complex(), complex(1), complex(1.5, -2), complex(-0.0, 0), complex(0, -0.0), complex(-0.0, -0.0), complex(2j), complex(1j, 1j))
print(complex(1 + 2j, 3), complex(1, 2j), complex(real=3), complex(imag=4), complex(imag=2j), complex(True, False), complex(2 ** 60))
print(complex("1+2j"), complex(" ( -1.5-2.5J ) "), complex("j"), complex("-j"), complex("+j"), complex("3"), complex("1e3j"), complex("1e-3+1e+3j"))
print(complex("inf+nanj"), complex("-infj"), complex("1_0+2_0j"), complex(inf, nan), complex(nan, -inf), complex(1e300, 1e-300))
for a in (("1+",), ("1 + 2j",), ("j1",), ("1+2",), ("",), ("()",), ("1jj",), ("1", 2), (1, "2"), (None,), ([],), (1, None), ("1+2j", None)):
    try:
        print(complex(*a))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class Cx:
    def __complex__(self):
        return 1 + 1j


class Fl:
    def __float__(self):
        return 0.5


class BadC:
    def __complex__(self):
        return 1


class MyC(complex):
    pass


print(complex(Cx()), complex(Fl()), complex(Fl(), Fl()), MyC(1, 2), type(MyC(1, 2)).__name__, type(MyC(1, 2) + 1).__name__)
try:
    complex(BadC())
except TypeError as e:
    print("TypeError", e)
z = 3 + 4j
w = 1 - 2j
print(z + w, z - w, z * w, z / w, z + 1, 1 + z, z * 2.5, 2.5 / z, -z, +z, z ** 2, z ** -1, z ** 0, w ** 3, z ** 0.5, 1j ** 1j)
print(z.real, z.imag, z.conjugate(), (2j).real, z.__abs__(), (3 + 0j).__abs__(), complex(inf, nan).__abs__(), (1e300 + 1e300j).__abs__() > 1e300)
print(z == 3 + 4j, z != w, complex(2, 0) == 2, complex(2, 0) == 2.0, complex(2, 1) == 2, 2 ** 70 == complex(2 ** 70, 0), (0j).__bool__(), (1j).__bool__())
print((1 + 0j).__hash__() == (1).__hash__(), (1.5 + 0j).__hash__() == (1.5).__hash__(), (0j).__hash__(), (1 + 1j).__hash__(), (2 - 3.5j).__hash__())
print(z.__eq__(z), z.__lt__(w), z.__add__(1), z.__radd__(1), z.__rsub__(1), z.__rtruediv__(1), z.__pow__(2), z.__rpow__(2), z.__getnewargs__())
print(f"{z} {z!r} {w:.2f} {w:+.1e} {1j:g} {z:>12} {z:*^14} {-0j} {complex(-0.0, 2):} {1.5 + 2.25j:.1f} {3j:10.2f}|")
cases = [
    lambda: z < w,
    lambda: z // 2,
    lambda: z % 2,
    lambda: z / 0,
    lambda: z / 0j,
    lambda: 0j ** -1,
    lambda: 0j ** 1j,
    lambda: (1e200 + 1e200j) ** 2,
    lambda: (10 + 0j) ** 1000.5,
    lambda: int(z),
    lambda: float(z),
    lambda: ~z,
    lambda: f"{z:=10}",
    lambda: f"{z:010}",
    lambda: f"{z:d}",
    lambda: f"{z:%}",
    lambda: z.__pow__(2, 3),
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
