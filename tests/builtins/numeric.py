# abs, divmod, pow, bin/oct/hex, chr/ord with CPython results.
print(abs(-5), abs(5), abs(-2.5), abs(-0.0), abs(-2**70), abs(True), abs(False))
print(abs(-(2**62)), abs(-(2**63)))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(0, 5))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 2.5), divmod(-7, 2.0), divmod(7.0, -0.5))
print(divmod(2**70, 7), divmod(-2**70, 2**35), divmod(True, 2))
print(divmod(0.0, -3), divmod(-0.0, 3), divmod(1e300, 1e-300)[1])
print(pow(2, 10), pow(2, -1), pow(2.0, 3), pow(-8, 1/3).__class__.__name__ if False else pow(4, 0.5))
print(pow(2, 10, 1000), pow(3, -1, 7), pow(2, 3, -5), pow(-2, 3, 5), pow(5, 0, 1), pow(2**100, 2**50, 10**9 + 7))
print(pow(base=2, exp=5), pow(2, exp=3, mod=5), pow(3, 4, None))
print(bin(0), bin(5), bin(-5), oct(8), oct(-8), hex(255), hex(-255), hex(2**70), bin(-2**65))
print(bin(True), hex(False), oct(2**62))
class Idx:
    def __index__(self):
        return 42
print(bin(Idx()), oct(Idx()), hex(Idx()), chr(Idx() + 55) if False else chr(Idx()))
print(chr(65), repr(chr(0)), repr(chr(0x7f)), chr(0xe9), chr(0x20ac), chr(0x1f600), chr(0x10ffff) == '\U0010ffff')
print(ord('a'), ord('é'), ord('€'), ord('😀'), ord(b'a'), ord(b'\xff'))
class A:
    def __abs__(self):
        return 'abs!'
    def __divmod__(self, o):
        return ('dm', o)
    def __rdivmod__(self, o):
        return ('rdm', o)
    def __round__(self, n=None):
        return ('round', n)
    def __pow__(self, e, m=None):
        return ('pow', e, m)
print(abs(A()), divmod(A(), 3), divmod(3, A()), round(A()), round(A(), 2), pow(A(), 2, 3), pow(A(), 2))
class I(int):
    pass
print(abs(I(-3)), divmod(I(7), 2), pow(I(2), 5, 7))
