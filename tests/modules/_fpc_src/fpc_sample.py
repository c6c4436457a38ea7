"""A module imported from ahead-of-time bytecode (see bytecode_import.py).
Regenerate: ferropy --compile tests/modules/_fpc_src/fpc_sample.py -o tests/modules/fpc_sample.fpc"""
BIG = 2 ** 100 + 12345678901234567890123
CONSTS = (1.5, -2j, b'b\x00', 'h\u00e9', None, True, ..., frozenset({1, 2}))


def gen(n):
    for i in range(n):
        yield i * i


class Shape:
    def __init__(self, w, h=2, *, scale=1):
        self.w = w
        self.h = h
        self.scale = scale

    def area(self):
        return self.w * self.h * self.scale


def closure(x):
    def inner(y):
        return x + y
    return inner


def boom():
    raise ValueError('from fpc')
