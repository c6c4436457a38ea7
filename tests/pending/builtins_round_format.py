# round() and format() on builtin numbers (need int/float __round__ and
# __format__ from the number types).
print(round(5), round(-5), round(True), round(2.5), round(3.5), round(-2.5), round(1.25, 1), round(1234, -2))
for bad in ("round(1.5, 'a')", "round(float('inf'))", "round(float('nan'))"):
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
class P:
    pass
p = P()
print(format(5), format(5, ''), format('x'), format(3.5), format(p, '') == str(p), format(255, 'x'), format(1234.5, ',.1f'))
class F:
    def __format__(self, spec):
        return 'F[' + spec + ']'
print(format(F(), 'abc'), format(F()))
