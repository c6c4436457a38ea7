#!/usr/bin/env python3
"""Generates testdata.txt for the bigint module's tests from CPython.

    python3 gen_testdata.py > testdata.txt
    python3 gen_testdata.py --dump N      # labelled results of random case N
    python3 gen_testdata.py --dump-edge I  # labelled results of edge row I

Random cases are not stored: their operands come from a splitmix64 stream
that the Rust test reproduces exactly (see `rand_int` in tests.rs), and only
an FNV-1a digest of the expected results is stored. Edge values, float
edge cases, crafted true divisions and parser cases are stored explicitly.

Line formats:
    R <case> <digest>              random case from seed <case>
    E <hex>                        edge value (index = order of appearance)
    X <i> <digest>                 edge value i against every edge value j
    G <f64 bits> <int(f)|N> <hash61> <hash31>
    D <hex a> <hex b> <f64 bits|ZD|OV>
    P <base> <utf-8 hex> <hex value|EB|EL>
"""
import math
import struct
import sys

sys.set_int_max_str_digits(0)

M64 = (1 << 64) - 1
RANDOM_CASES = 2500


class Rng:
    """splitmix64"""

    def __init__(self, seed):
        self.s = seed & M64

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & M64
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


def rand_bits(rng, nbits):
    v = 0
    for i in range((nbits + 63) // 64):
        v |= rng.next() << (64 * i)
    return v & ((1 << nbits) - 1)


def rand_int(rng, maxbits):
    mode = rng.below(8)
    if mode < 3:
        nbits = rng.below(70)
    elif mode < 5:
        nbits = rng.below(maxbits + 1)
    elif mode == 5:
        nbits = max(0, 32 * rng.below(maxbits // 32 + 1) + rng.below(3) - 1)
    else:
        nbits = min(maxbits, 1 << rng.below(12))
    shape = rng.below(10)
    if shape == 0:
        v = (1 << nbits) - 1
    elif shape == 1:
        v = 1 << nbits
    elif shape == 2:
        v = abs((1 << nbits) + rng.below(5) - 2)
    elif shape == 3:
        v = rand_bits(rng, nbits) | (1 << nbits)
    else:
        v = rand_bits(rng, nbits)
    if rng.below(2):
        v = -v
    return v


def rand_i64(rng):
    mode = rng.below(4)
    x = rng.next()
    if mode == 0:
        x &= 0xFFFF
    elif mode == 1:
        x = [0, 1 << 63, (1 << 63) - 1, M64, 1 << 32, (1 << 32) - 1][rng.below(6)]
    return x - (1 << 64) if x >> 63 else x


def rand_f64_bits(rng):
    mode = rng.below(4)
    x = rng.next()
    if mode == 0:
        return x
    sign = x >> 63
    frac = x & ((1 << 52) - 1)
    if mode == 1:
        e = 1023 + rng.below(80)  # integral-ish values
    elif mode == 2:
        e = 1023 - 3 + rng.below(60)
        frac &= ~((1 << rng.below(53)) - 1)
    else:
        e = [0, 1, 2046, 2047, 1023, 1022, 1075, 1076, 1086, 1087][rng.below(10)]
    return (sign << 63) | (e << 52) | frac


def f64(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def fbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def hx(x):
    return format(x, "x")


def to_base(x, b):
    if x == 0:
        return "0"
    digs = "0123456789abcdefghijklmnopqrstuvwxyz"
    s = []
    n = abs(x)
    while n:
        n, r = divmod(n, b)
        s.append(digs[r])
    if x < 0:
        s.append("-")
    return "".join(reversed(s))


def hash_int(x, bits):
    p = (1 << bits) - 1
    h = abs(x) % p
    if x < 0:
        h = -h
    return -2 if h == -1 else h


def hash_float(v, bits):
    """CPython's _Py_HashDouble, transcribed."""
    if math.isnan(v):
        return 0
    if math.isinf(v):
        return 314159 if v > 0 else -314159
    p = (1 << bits) - 1
    m, e = math.frexp(v)
    sign = 1
    if m < 0:
        sign = -1
        m = -m
    x = 0
    while m:
        x = ((x << 28) & p) | x >> (bits - 28)
        m *= 268435456.0
        e -= 28
        y = int(m)
        m -= y
        x += y
        if x >= p:
            x -= p
    e = e % bits if e >= 0 else bits - 1 - ((-1 - e) % bits)
    x = ((x << e) & p) | x >> (bits - e)
    x = x * sign
    return -2 if x == -1 else x


def attempt(f):
    try:
        return f()
    except ZeroDivisionError:
        return "ZD"
    except OverflowError:
        return "OV"
    except ValueError:
        return "VE"
    except MemoryError:
        return "ME"


def sgn(x):
    return (x > 0) - (x < 0)


def opt_int(x, lo, hi):
    return hx(x) if lo <= x <= hi else "N"


def case_results(a, b, rng):
    """Labelled results; the Rust test builds the same list."""
    c = rand_i64(rng)
    if rng.below(4) == 0:
        b = c
    s = rng.below(300) if rng.below(4) else rng.below(5000)
    e = rng.below(20)
    m = rand_int(rng, 300)
    pe = rand_int(rng, 200)
    blen = max(0, (a.bit_length() + 7) // 8 + rng.below(3) - 1)
    bsigned = rng.below(2) == 1
    bbig = rng.below(2) == 1
    rbytes = bytes(rng.below(256) for _ in range(rng.below(40)))
    fb = rand_f64_bits(rng)
    fv = f64(fb)
    r = []
    r.append(("add", hx(a + b)))
    r.append(("sub", hx(a - b)))
    r.append(("mul", hx(a * b)))
    r.append(("divmod", attempt(lambda: "%s,%s" % tuple(map(hx, divmod(a, b))))))
    r.append(("floordiv", attempt(lambda: hx(a // b))))
    r.append(("mod", attempt(lambda: hx(a % b))))
    r.append(("truediv", attempt(lambda: fbits(a / b))))
    r.append(("truediv_am", attempt(lambda: fbits(a / m))))
    r.append(("truediv_pb", attempt(lambda: fbits(pe / b))))
    r.append(("and", hx(a & b)))
    r.append(("or", hx(a | b)))
    r.append(("xor", hx(a ^ b)))
    r.append(("and_m", hx(a & m)))
    r.append(("not", hx(~a)))
    r.append(("neg", hx(-a)))
    r.append(("abs", hx(abs(a))))
    r.append(("shl", hx(a << s)))
    r.append(("shr", hx(a >> s)))
    r.append(("shr_b", hx(b >> s)))
    r.append(("cmp", str(sgn(a - b))))
    r.append(("cmp_i64", str(sgn(a - c))))
    r.append(("cmp_i64_b", str(sgn(b - c))))
    r.append(("to_i64", opt_int(a, -(1 << 63), (1 << 63) - 1)))
    r.append(("to_u64", opt_int(a, 0, M64)))
    r.append(("to_i128", opt_int(a, -(1 << 127), (1 << 127) - 1)))
    r.append(("bit_length", str(a.bit_length())))
    r.append(("bit_count", str(a.bit_count())))
    r.append(("tz", str((a & -a).bit_length() - 1) if a else "N"))
    r.append(("str", str(a)))
    r.append(("str_b", str(b)))
    r.append(("hex_upper", format(a, "X")))
    r.append(("oct", format(a, "o")))
    r.append(("bin", format(a, "b")))
    r.append(("b36", to_base(a, 36)))
    r.append(("b7", to_base(a, 7)))
    r.append(("b3", to_base(m, 3)))
    r.append(("float", attempt(lambda: fbits(float(a)))))
    assert hash(a) == hash_int(a, 61)
    r.append(("hash61", str(hash_int(a, 61))))
    r.append(("hash31", str(hash_int(a, 31))))
    r.append(("gcd", hx(math.gcd(a, b))))
    r.append(("gcd_m", hx(math.gcd(a * m, b * m))))
    r.append(("isqrt", hx(math.isqrt(abs(a)))))
    r.append(("pow", hx(a**e)))
    r.append(("powmod", attempt(lambda: hx(pow(a, pe, m)))))
    order = "big" if bbig else "little"
    r.append(("to_bytes", attempt(lambda: a.to_bytes(blen, order, signed=bsigned).hex())))
    for big in (False, True):
        for signed in (False, True):
            o = "big" if big else "little"
            r.append(("from_bytes", hx(int.from_bytes(rbytes, o, signed=signed))))
    r.append(("from_f64", hx(int(fv)) if math.isfinite(fv) else "N"))
    if not math.isnan(fv):
        assert hash(fv) == hash_float(fv, 61)
    r.append(("hash_f64_61", str(hash_float(fv, 61))))
    r.append(("hash_f64_31", str(hash_float(fv, 31))))
    return r


def fnv(s):
    h = 0xCBF29CE484222325
    for byte in s.encode():
        h ^= byte
        h = (h * 0x100000001B3) & M64
    return "%016x" % h


def joined(results):
    return ";".join(v for _, v in results)


def random_case(i):
    rng = Rng(i)
    a = rand_int(rng, 2000)
    b = rand_int(rng, 2000)
    if rng.below(8) == 0:
        b = a + rng.below(3) - 1
    return case_results(a, b, rng)


def edge_values():
    ev = [0, 1, -1, 2, -2, 3, 10, 255, 256, 10**9, 10**18, 10**19, -(10**19), 3**200]
    for k in [31, 32, 33, 53, 54, 63, 64, 65, 96, 127, 128, 1023, 1024, 1025, 1075]:
        for d in (-1, 0, 1):
            ev.append((1 << k) + d)
            ev.append(-((1 << k) + d))
    return ev


def edge_row(ev, i):
    out = []
    for j, b in enumerate(ev):
        rng = Rng(1_000_000 + i * 1000 + j)
        out.extend(case_results(ev[i], b, rng))
    return out


def float_edges():
    vals = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1.5, 2.5, -2.5, 1e-300, 5e-324, -5e-324,
            2.2250738585072014e-308, 1.7976931348623157e308, -1.7976931348623157e308,
            math.inf, -math.inf, math.nan, 2.0**52, 2.0**53, 2.0**53 + 2, 2.0**63,
            -2.0**63, 2.0**64, 2.0**64 * 1.5, 1e16, 1e22, 123456789.987654321,
            0.1, 3.141592653589793, 2.0**-1, 2.0**-60, 2.0**61, 2.0**62 - 512,
            (2.0**61 - 1), 4294967296.5, -4294967296.5, 1e308, 2.0**1000]
    out = []
    for v in vals:
        iv = "N" if not math.isfinite(v) else hx(int(v))
        if not math.isnan(v):
            assert hash(v) == hash_float(v, 61), v
        out.append("G %s %s %d %d" % (fbits(v), iv, hash_float(v, 61), hash_float(v, 31)))
    return out


def truediv_cases():
    cases = []
    for j in range(8):
        cases.append(((2**53 + j) * 2 + 1, 2))
        cases.append((((2**53 + j) * 2 + 1) << 40, 1 << 41))
        cases.append((((2**53 + j) * 2 + 1) * 3**7, 2 * 3**7))
        cases.append((((2**53 + j) * 2 + 1) * 3**7 + 1, 2 * 3**7))
        cases.append((((2**53 + j) * 2 + 1) * 3**7 - 1, 2 * 3**7))
        cases.append(((2**54 + j) * 4 + 2, 4))
        cases.append(((2**64 + 2 * j + 1) << 11, 1 << 12))
    big = 2**1024 - 2**970
    for d in (-1, 0, 1):
        cases.append((big + d, 1))
        cases.append((3 * (big + d), 3))
        cases.append((3 * big + d, 3))
        cases.append(((big + d) << 100, 1 << 100))
    cases.append((2**1024, 1))
    cases.append((2**1023, 1))
    cases.append((-(2**1024), 3))
    for k in (1073, 1074, 1075, 1076, 1077, 1078, 1100):
        for a in (1, 2, 3, 5, -1, 7):
            cases.append((a, 1 << k))
            cases.append((a, (1 << k) - 1))
            cases.append((a, (1 << k) + 1))
    cases.append((1, 10**400))
    cases.append((-1, 10**400))
    cases.append((10**400, 10**399 + 1))
    cases.append((10**400 + 1, 10**399))
    cases.append((10**400, 7))
    cases.append((10**300, 10**-0 * 3))
    cases.append((0, -5))
    cases.append((0, 10**30))
    cases.append((5, 0))
    cases.append((2**52 + 1, 3))
    cases.append((2**53 + 1, 3))
    cases.append((2**53 + 1, 1))
    cases.append((2**54 + 3, 2))
    cases.append((-(2**54 + 3), 2))
    cases.append((2**2000, 2**976 + 1))
    cases.append((2**2000, 2**977))
    cases.append((2**2000 - 1, 2**976 - 1))
    out = []
    for a, b in cases:
        out.append("D %s %s %s" % (hx(a), hx(b), attempt(lambda: fbits(a / b))))
    return out


PARSE_TOKENS = [" ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\u3000", "\xa0", "\x85",
                "\u2028", "+", "-", "0", "1", "7", "9", "a", "f", "F", "z", "Z", "g", "x",
                "X", "o", "O", "b", "B", "_", "0x", "0o", "0b", "0X", "0B", "0O", "\u0661",
                "\uff19", "\u0e50", "\x00", ".", "\xb2", "e", "\xe9", "\U0001D7CE",
                "\U0001FBF9", "\x7f", "__", "00", "10", "0_0", "1_0"]
BASES = [0, 0, 0, 0, 2, 8, 10, 10, 16, 16, 36, 3, 7, 1, 37]


def parse_cases():
    rng = Rng(777)
    cases = []
    # Handwritten.
    for s, base in [("0", 0), ("00", 0), ("010", 0), ("0_0", 0), ("0_1", 0), ("0x", 16),
                    ("0x", 0), ("0x_1", 0), ("0x__1", 0), ("0x1_", 0), ("_1", 10),
                    ("1__0", 10), ("1_0", 10), ("0b1", 16), ("0b1", 2), ("0b1", 0),
                    ("0o17", 8), ("0o17", 0), ("0O17", 0), ("0o17", 10), (" -12 ", 10),
                    ("- 12", 10), ("+-1", 10), ("", 10), (" ", 10), ("z", 36), ("Z", 36),
                    ("\u0661\u0662", 10), ("\u0661\u0662", 16), ("1\x1c", 10),
                    ("\u30001\u3000", 10), ("1\x00", 10), ("9" * 300, 10),
                    ("-" + "f" * 300, 16), ("1", 1), ("1", 37), ("0", 37), ("-0", 0),
                    ("+0x_f", 0), ("0x-1", 16), ("08", 0), ("0_8", 0), ("000_000", 0),
                    ("0xg", 16), ("0b2", 0), ("12", 2), ("1e5", 10), ("1.0", 10)]:
        cases.append((s, base))
    # Random token soup.
    for _ in range(900):
        n = rng.below(7)
        s = "".join(PARSE_TOKENS[rng.below(len(PARSE_TOKENS))] for _ in range(n))
        cases.append((s, BASES[rng.below(len(BASES))]))
    # Valid-looking numbers in random bases with underscores and spaces.
    for _ in range(400):
        base = [2, 3, 7, 8, 10, 16, 36, 0][rng.below(8)]
        x = rand_int(rng, 160)
        b = base or [2, 8, 10, 16][rng.below(4)]
        digits = to_base(abs(x), b)
        if rng.below(2) and b > 10:
            digits = digits.upper()
        out = []
        for k, ch in enumerate(digits):
            out.append(ch)
            if k + 1 < len(digits) and rng.below(5) == 0:
                out.append("_")
        body = "".join(out)
        if base == 0 or rng.below(3) == 0:
            prefix = {2: "0b", 8: "0o", 16: "0x"}.get(b, "")
            if prefix and rng.below(2):
                prefix = prefix.upper()
            if prefix and rng.below(3) == 0:
                prefix += "_"
            body = prefix + body
        sign = ["", "-", "+"][rng.below(3)] if x >= 0 else "-"
        ws1 = [" ", "", "\t", "\u3000 "][rng.below(4)]
        ws2 = [" ", "", "\n", "\xa0"][rng.below(4)]
        s = ws1 + sign + body + ws2
        if rng.below(10) == 0:  # mutate one character
            k = rng.below(len(s))
            s = s[:k] + PARSE_TOKENS[rng.below(len(PARSE_TOKENS))] + s[k + 1:]
        cases.append((s, base))
    out = []
    for s, base in cases:
        try:
            v = hx(int(s, base))
        except ValueError as e:
            v = "EB" if "base must be" in str(e) else "EL"
        out.append("P %d %s %s" % (base, s.encode().hex() or "-", v))
    return out


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        for k, v in random_case(int(sys.argv[2])):
            print(k, v)
        return
    if len(sys.argv) == 3 and sys.argv[1] == "--dump-edge":
        i = int(sys.argv[2])
        ev = edge_values()
        for k, v in edge_row(ev, i):
            print(k, v)
        return
    lines = []
    for i in range(RANDOM_CASES):
        lines.append("R %d %s" % (i, fnv(joined(random_case(i)))))
    ev = edge_values()
    for v in ev:
        lines.append("E %s" % hx(v))
    for i in range(len(ev)):
        lines.append("X %d %s" % (i, fnv(joined(edge_row(ev, i)))))
    lines.extend(float_edges())
    lines.extend(truediv_cases())
    lines.extend(parse_cases())
    print("\n".join(lines))


if __name__ == "__main__":
    main()
