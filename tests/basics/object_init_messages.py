# object.__init__/__new__ argument errors name the class or object as CPython.
class C: pass
class D:
    def __new__(cls, *a, **k): return super().__new__(cls, *a, **k)
    def __init__(self, *a, **k): super().__init__(*a, **k)
class E:
    def __init__(self, *a, **k): super().__init__(*a, **k)
class F:
    def __new__(cls, *a, **k): return super().__new__(cls, *a, **k)
for f in [lambda: C(42), lambda: C.__new__(C, 42), lambda: C().__init__(42), lambda: object.__new__(C, 42), lambda: object.__init__(C(), 42),
          lambda: D(42), lambda: D.__new__(D, 42), lambda: object.__new__(D, 42), lambda: E(42), lambda: object.__init__(E(), 42), lambda: F(42), lambda: C(x=1), lambda: E(x=1)]:
    try: f()
    except TypeError as e: print(e)
