# bool arithmetic/bitwise results and cross-type numeric hashing and equality.
# requires: host
# (hash() values and len() limits are those of a 64-bit CPython.)
print(True, False, f"{True!r}", True + True, True - False, True * 3, True / 2, True // 1, -True, +True, ~False, True ** 2)
print(True & False, True | False, True ^ True, False ^ False, True & 3, 3 | False, type(True & 1).__name__, type(True | False).__name__)
print(True == 1, False == 0, True == 1.0, True < 2, False < True, True.__and__(False), True.__or__(1), True.__xor__(True), True.__rand__(True))
print(bool(), bool(0), bool(0.0), bool(-0.0), bool(0j), bool(2), bool(2 ** 80), bool(float("nan")), bool(1e-300), type(bool(1)).__name__)
try:
    bool(1, 2)
except TypeError as e:
    print("TypeError", e)
h = [v.__hash__() for v in (0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, -(2 ** 61), 2 ** 100, -(2 ** 100), 10 ** 30)]
print(h)
print([v.__hash__() for v in (0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.25, 1e100, 2.0 ** 61, float("inf"), -float("inf"), 1e-300)])
print([v.__hash__() for v in (0j, 1j, 1 + 1j, -1 - 1j, 0.5 + 2j, complex(2 ** 61, 1))])
for a, b in ((1, 1.0), (1, True), (2 ** 70, 2.0 ** 70), (-(2 ** 70), -(2.0 ** 70)), (0.5, 0.5 + 0j), (3, 3 + 0j), (-1, -1.0), (2 ** 61 - 1, 0)):
    print(a == b, a.__hash__() == b.__hash__())
nan = float("nan")
print(nan.__hash__() == nan.__hash__(), (1e308 * 10).__hash__(), True.__hash__(), False.__hash__())
d = {1: "int"}
d[1.0] = "float"
d[True] = "bool"
d[1 + 0j] = "complex"
print(d, {0: 1, 0.0: 2, False: 3, 0j: 4})
