# sys.getrefcount: an int of at least 2 for a fresh object (its owner and the
# argument); None and small ints have large counts; bad calls raise.
import sys

x = object()
n = sys.getrefcount(x)
print(type(n).__name__, n >= 2, sys.getrefcount(x) == n)
print(sys.getrefcount(None) > 100, sys.getrefcount(1) > 100)
for args in ((), (1, 2)):
    try:
        sys.getrefcount(*args)
    except TypeError:
        print("TypeError", len(args))
