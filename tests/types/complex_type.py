# complex numbers.
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), -z, +z, type(z).__name__, repr(1j), 1j * 1j)
print(z + 1, z - 1j, z * 2, z * z, z / 2, (1 + 2j) / (3 - 4j), z ** 2, 2 ** 1j == 2 ** 1j)
print(complex(), complex(1), complex(1, 2), complex("3+4j"), complex("-1.5j"), complex(" 2 "), complex(1.5, -0.0))
print(z == 3 + 4j, z != 3, complex(2, 0) == 2, 1j == 1j, hash(complex(2, 0)) == hash(2))
print(0j, -0j, 1 + 0j, 1e20j, complex(float("inf"), 1), (1 + 1j) ** 0, 1j ** 2)
print(str(2 + 3j), f"{1 + 2j}", "%s" % (1 - 1j), format(1.5 + 2.25j, ".1f"), format(3j, ""))
print(bool(0j), bool(1j), (5 + 0j).real, isinstance(1j, complex), isinstance(1, complex))
tests = [
    lambda: (1 + 1j) < (2 + 2j),
    lambda: 1j // 2,
    lambda: 1j % 2,
    lambda: int(1j),
    lambda: float(1j),
    lambda: 1j / 0,
    lambda: complex("abc"),
    lambda: complex("1", 2),
]
for t in tests:
    try:
        print(t())
    except (TypeError, ZeroDivisionError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1j, 2, 3.5]), [abs(c) for c in (3j, -4, 5 + 12j)], (1 + 2j).__add__(1))
