import sys
fi = sys.float_info
print(fi)
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.max_exp, fi.min_10_exp, fi.radix, fi.rounds)
print(fi[0] == fi.max, len(fi), isinstance(fi, tuple), type(fi).__name__)
print(sys.maxunicode, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.hash_info.inf, sys.hash_info.nan, sys.hash_info.imag, sys.hash_info.modulus == 2**61 - 1 or sys.hash_info.modulus == 2**31 - 1)
print(sys.hash_info.width in (32, 64), sys.int_info.sizeof_digit)
print(sys.flags.optimize, sys.flags.debug, sys.flags.inspect, sys.flags.verbose, sys.flags.quiet, sys.flags.dev_mode)
print(type(sys.api_version).__name__, type(sys.copyright).__name__)
for stmt in ("sys.float_info.max = 1", "sys.float_info.foo = 1", "del sys.flags.debug"):
    try:
        exec(stmt)
    except AttributeError as e:
        print('AttributeError', e)
# print through a replaced sys.stdout
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
cap = Capture()
old = sys.stdout
sys.stdout = cap
print('hello', 1, sep='-')
print()
sys.stdout = None
print('dropped')
sys.stdout = old
print(cap.parts)
cap.parts = []
print('to file', 2, file=cap, end='!')
print(cap.parts)
# displayhook is callable directly
sys.displayhook(None)
sys.displayhook(12)
import builtins
print(builtins._)
