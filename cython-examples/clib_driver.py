# libc.math / libc.string / libc.stdlib / libc.stdio from Cython.
import clib

r, a = clib.polar(3.0, 4.0)
print(r, round(a, 4), [round(v, 4) for v in clib.polar(-1.0, 0.0)])
print(clib.rounding(2.75), clib.rounding(-2.25))
print(round(clib.db(10.0), 3), round(clib.db(0.5), 3))
print([clib.classify(x) for x in (1.0, float("nan"), float("inf"), float("-inf"))])
print(clib.special())
print(clib.sine_table(8))
print(clib.c_copy(b"abc", ord("-"), 4), clib.c_copy(b"", 0x41, 2))
print(clib.c_compare(b"abc", b"abd"), clib.c_compare(b"b", b"a"), clib.c_compare(b"same", b"same"))
print(clib.c_strlen(b"hello"), clib.c_strlen(b""), clib.c_find(b"key=value", "="), clib.c_find(b"abc", "z"))
print(clib.c_truncate(b"firmware-image", 8), clib.c_truncate(b"ab", 8), clib.c_truncate(b"x" * 40, 99))
print(clib.c_sort([5, -3, 9, 0, 2, 2, -100]), clib.c_sort([]))
print(clib.c_format(7, 3.14159), clib.c_format(-42, -0.5))
