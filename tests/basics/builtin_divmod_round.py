# divmod() and round().
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (2 ** 70, 3), (-(2 ** 70), 7)]:
    print(a, b, divmod(a, b))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(1, 0.3), divmod(True, 2))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod("a", 1)
except TypeError as e:
    print("TypeError", e)
# round() uses banker's rounding for halves, returns int without ndigits.
print([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 2.5001)])
print(round(3.14159, 2), round(3.14159, 0), round(1234.5, -1), round(1235, -1), round(1245, -1), round(-1255, -1))
print(round(7), round(7, 2), round(2 ** 70, -20), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(round(0.125, 2), round(0.375, 2), round(1e20, 2), round(-0.0), round(5e-324, 300))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError", e)
try:
    round("1")
except TypeError as e:
    print("TypeError", e)


class R:
    def __round__(self, n=None):
        return ("rounded", n)


print(round(R()), round(R(), 3))
print(round(float("inf"), 2), round(12.5, -1), round(15, -1), round(25, -1), round(-25, -1))
