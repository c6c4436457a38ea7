#!/usr/bin/env python3
"""Generate testdata.txt: CPython 3.11 results for the text module's tests.

Run from this directory with CPython 3.11:  python3 gen_testdata.py
The output is deterministic (fixed random seed).

Format: one case per line, fields separated by TAB, first field = kind.
Text fields are escaped: backslash as \\\\, and every character outside
printable ASCII (and TAB) as \\u{HEX}.  Errors are "!Kind: message".
"""
import math
import random
import struct
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"

R = random.Random(20240611)
out = []


def esc(s):
    r = []
    for ch in s:
        c = ord(ch)
        if ch == "\\":
            r.append("\\\\")
        elif 0x20 <= c < 0x7F:
            r.append(ch)
        else:
            r.append("\\u{%x}" % c)
    return "".join(r)


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def err(e):
    return "!%s: %s" % (type(e).__name__, e)


def emit(*fields):
    out.append("\t".join(fields))


def rand_double():
    k = R.random()
    if k < 0.3:
        # uniform over bit patterns (finite)
        while True:
            x = struct.unpack("<d", struct.pack("<Q", R.getrandbits(64)))[0]
            if math.isfinite(x):
                return x
    if k < 0.5:
        return R.uniform(-1, 1) * 10.0 ** R.randint(-30, 30)
    if k < 0.65:
        return round(R.uniform(-1000, 1000), R.randint(0, 6))
    if k < 0.75:
        return float(R.randint(-10**17, 10**17))
    if k < 0.85:
        # subnormals and extremes
        return struct.unpack("<d", struct.pack("<Q", R.getrandbits(52)))[0] * R.choice([1, -1])
    if k < 0.92:
        return R.choice([1, -1]) * R.randint(1, 999) / R.choice([2, 4, 8, 16, 32, 1000, 200, 40])
    return R.choice([0.0, -0.0, 1.0, 0.5, 1.5, 2.5, 2.675, 0.125, 0.375, 1e16, 1e15, 9999999999999998.0,
                     1e-4, 1e-5, 0.0001234, 123456789.0, 1e22, 1e23, 5e-324, 2.2250738585072014e-308,
                     1.7976931348623157e308, 0.1, 0.2, 0.3, 1 / 3, 2 / 3, 100.0, 1234567890123456.0,
                     12345678901234567.0, 9.5, 0.05, 0.045, 1e100, 123.456])


# ---------------------------------------------------------------- float repr
specials = [0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, 100.0, 1e16, 1e15, 1.5e-5, 1e-4,
            1234567890123456.0, 12345678901234567.0, 5e-324, 1.7976931348623157e308,
            2.2250738585072014e-308, 0.1, 1 / 3, 1e22, 1e23, 9007199254740993.0,
            876989937188173.25, -1625996566797032.25, 28423301739937.8125]
for x in specials + [rand_double() for _ in range(480)]:
    emit("R", bits(x), repr(x), x.hex())

# --------------------------------------------------------------- format float
float_types = ["", "e", "E", "f", "F", "g", "G", "n", "%"]
fills = ["", "", "", "<", ">", "^", "=", "*<", "*>", "*^", "*=", "0=", "x^", "\u00e9>", "0<"]


def rand_spec(types, allow_prec=True, allow_z=True):
    s = R.choice(fills)
    if R.random() < 0.35:
        s += R.choice("+- ")
    if allow_z and R.random() < 0.15:
        s += "z"
    if R.random() < 0.2:
        s += "#"
    if R.random() < 0.2:
        s += "0"
    if R.random() < 0.5:
        s += str(R.randint(0, 25))
    if R.random() < 0.25:
        s += R.choice(",_")
    if allow_prec and R.random() < 0.6:
        s += "." + str(R.choice([0, 1, 2, 3, 5, 6, 10, 17, 20, R.randint(0, 40)]))
    s += R.choice(types)
    return s


fvals = [0.0, -0.0, math.inf, -math.nan, 2.675, 0.125, 1e300, 5e-324, -1234.5, 1e16, 123456789.123,
         0.000123, 2.5, -1e-7]
fixed_specs = [".2f", ".0f", ".3f", "f", ".2e", "e", ".0e", "g", ".0g", ".1g", ".17g",
               "#g", "#.0f", "#.0e", "", ".3", ".1", ".17", "%", ".0%", ",", "_.3f", "020,.2f", "+", " ",
               "z", "z.2f", "z.3", "^12", "=+12", "012", "0=12.3", "*^15.4e", ",g", "n", ".3n", "010,",
               "#", "#.2", "#e", "E", "F", "G", ".40f", ".60e", ".30g", ".100f"]
for x in fvals:
    for sp in fixed_specs:
        try:
            r = format(x, sp)
        except Exception as e:  # noqa
            r = err(e)
        emit("FF", bits(x), esc(sp), esc(r))
for _ in range(450):
    x = rand_double()
    sp = rand_spec(float_types)
    try:
        r = format(x, sp)
    except Exception as e:
        r = err(e)
    emit("FF", bits(x), esc(sp), esc(r))
for sp in ["abc", "q", "d", "s", "c", "x", ".", ",s", "_,", ",_", ",n", "_n", "\x01", "\u00e9",
           ".3000000000f", "99999999999999999999", ".99999999999999999999", "<<<", "z#0", ",d", "=10.3q",
           "10.3s", "\u0665\u0665.\u0662f", "+z#010_.3e"]:
    try:
        r = format(1.5, sp)
    except Exception as e:
        r = err(e)
    emit("FF", bits(1.5), esc(sp), esc(r))

# ----------------------------------------------------------------- format int
int_types = ["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "E", "G", "F"]
ivals = [0, -1, 65, -255, 1234567, -(10**20), 2**100, 0x110000, 9007199254740993]
fixed_ispecs = ["", "d", ",", "_", "_b", "_x", "_o", "#x", "#X", "#b", "#o", "#_x", "08", "08,",
                "+08_", "=+10", "<10", "^10", ">10", "*^9", "0<5", " d", "+d", "c", "5c", "=5c",
                "05c", "e", ".2f", "%", "g", ".3", "z", "zd", "+c", "#c", ".2d", "n", ",n", "#010x",
                "#_b", "-#8o", "x=+#12_X", "020,", "09,", "q", ",c", "_c", ",x", "\u0665", ".20e"]
for v in ivals:
    for sp in fixed_ispecs:
        try:
            r = format(v, sp)
        except Exception as e:
            r = err(e)
        emit("FI", str(int(v < 0)), str(abs(v)), esc(sp), esc(r))
for _ in range(220):
    v = R.choice([R.randint(-300, 300), R.randint(-10**12, 10**12), R.randint(-2**127, 2**127)])
    sp = rand_spec(int_types, allow_prec=R.random() < 0.3, allow_z=R.random() < 0.3)
    try:
        r = format(v, sp)
    except Exception as e:
        r = err(e)
    emit("FI", str(int(v < 0)), str(abs(v)), esc(sp), esc(r))

# ----------------------------------------------------------------- format str
svals = ["", "abc", "h\u00e9llo", "\U0001F600x"]
sspecs = ["", "s", "5", "<5", ">5", "^5", "^6", "*^7", "x<5.2", ".2", ".0", ".10", "05", "0", "=5",
          "+", " ", "-", "z", "#", ",", "_", ",s", "d", "q", "10.3s", "\U0001F600>4", "abc", "<<<", "<<",
          "\u0665", "^1"]
for s in svals:
    for sp in sspecs:
        try:
            r = format(s, sp)
        except Exception as e:
            r = err(e)
        emit("FS", esc(s), esc(sp), esc(r))

# ---------------------------------------------------------------------- round
rvals = [2.675, 0.5, 1.5, 2.5, -0.5, -2.5, 25.0, 35.0, 25.0000001, 1.7976931348623157e308, -0.4,
         -0.001, 5e-324, 123.456, -123.456, 5.0, 15.0, 0.0, -0.0, 1e300, 0.125, 0.375, 1e22, 4.5e15,
         9007199254740991.0, 1.25, 1.35, 2.5e-10]
for x in rvals + [rand_double() for _ in range(70)]:
    for n in sorted({0, 2, -1, R.randint(-20, 20), R.randint(-330, 330)}):
        try:
            r = bits(round(x, n))
        except Exception as e:
            r = err(e)
        emit("RD", bits(x), str(n), r)

# ------------------------------------------------------------------ repr/ascii
rstrs = ["", "a", "'", '"', "'\"", "it's", 'say "hi"', "a\\b", "\t\n\r\x00\x1f\x7f", "\x80\x85\xa0\xad\xff",
         "\u00e9\u00df\u0391\u03a9\u0416\u4e2d", "\u200b\u200d\u2028\u2029\u3000\ufeff\ufffd\uffff",
         "\U0001F600\U0001F9D1\U000E0001\U000F0000\U0010FFFF", "\ud7ff\ue000\uf8ff", "\u0378\u0530",
         "\u061c\u180e\u2060\u2066", "\U00020000\U0002A6E0\U0003134A\U0003134B", "\u0300a\u0301"]
for _ in range(110):
    n = R.randint(1, 6)
    s = "".join(chr(R.choice([R.randint(0, 0x7f), R.randint(0x80, 0x3000), R.randint(0, 0xd7ff),
                              R.randint(0xe000, 0x10ffff), R.randint(0x1f000, 0x1faff)])) for _ in range(n))
    rstrs.append(s)
for s in rstrs:
    emit("SR", esc(s), esc(repr(s)), esc(ascii(s)))
for b in [b"", b"'", b'"', b"'\"", b"\x00\x7f\x80\xff", b"a\\b\t\n\r", bytes(range(256))] + \
        [bytes(R.getrandbits(8) for _ in range(R.randint(0, 8))) for _ in range(40)]:
    emit("BR", b.hex(), esc(repr(b)))

# ---------------------------------------------------------------- parse float
pstrs = ["\x1c1", "1\x1c", "\xa01\u3000", "\uff11\uff12", "1_0", "1__0", "_1", "1_", "1_e5", "1e1_0",
         "1_.5", "1._5", ".5", "5.", ".", "e5", "1e", "1e+", "infinity", "-iNF", "+nan", "-nan", "nan(1)",
         "0x10", "1 2", " 1.5 ", "1e99999999999999999", "-0", "00001", "1.5e-400", "inf_", "in_f",
         "\u0661.\u0665", "", " ", "+", "-", "1.2.3", "1e5.5", "\t\n1\x0b\x0c", "1\x00", "infinit", "infinityx",
         "+.5e-3", "-5.E+2", "1" * 400, "0." + "0" * 330 + "1", "2.4703282292062328e-324",
         "2.4703282292062327e-324", "1.7976931348623158e308", "1.7976931348623159e308", "1_000_000.000_1",
         "0_0", "1\u00a0", "\u20001", "\u00b2", "\u2167", "IN F", "n an"]
for _ in range(80):
    x = rand_double()
    pstrs.append(R.choice([repr(x), "%.20g" % x, "%.5e" % x, "%.3f" % x]))
for s in pstrs:
    try:
        r = bits(float(s))
        if math.isnan(float(s)):
            r = "nan"
    except Exception as e:
        r = "!"
    emit("PF", esc(s), r)

# -------------------------------------------------------------------- fromhex
hstrs = ["0x1p0", "  -0X1.8P+1 ", "1", "0x", ".", "0x.8", "0x1.", "inf", "-infinity", "nan", "+nan",
         "0x1p99999999999999999999", "0x1p-99999999999999999", "0x1.fffffffffffff8p1023",
         "0x1.fffffffffffff7p1023", "0x0.00000000000008p-1022", "0x1p-1075", "0x1.0000000000001p-1075",
         "0x3p-1076", "-0x0p0", "0x1p", "1p+5", "ff", "0x1.8p1 x", "0x1p9999 x", "0x1.000000000000080p0",
         "0x1.000000000000081p0", "0x1.000000000000180p0", "0x1.00000000000008000000000001p0",
         "0x0.0000000000001p-1022", "0x0.00000000000018p-1022", "0x0.00000000000028p-1022",
         "0x1p-1074", "0x1p-1022", "0x.fffffffffffffp-1022", "0x.fffffffffffff8p-1022",
         "0x0000000000000000000001p0", "0x10000000000000000000000p-80", "0x1p+", "0x1p-", "0xp1",
         "0x1.p1", " 0x1 ", "0x1\n", "0x_1", "0x1_0", "\u00a00x1", "0x1.23456789abcdefp-3",
         "0x123456789abcdef123456789p0", "0X1P1", "-0x1.fffffffffffffp+1023", "0x1p1024", "0x.8p1025"]
for _ in range(60):
    x = rand_double()
    hstrs.append(x.hex())
for s in hstrs:
    try:
        v = float.fromhex(s)
        r = "nan" if math.isnan(v) else bits(v)
    except Exception as e:
        r = err(e)
    emit("FH", esc(s), r)

# ---------------------------------------------------------------- % formatting
pcases = [
    ("%5%", [1]), ("%q", [1]), ("%", []), ("abc%", []), ("%(a)", []), ("%(a", []), ("%-05d", [5]),
    ("%05s", ["a"]), ("%+05d", [5]), ("% 5d", [5]), ("%#o", [8]), ("%#X", [255]), ("%#08x", [255]),
    ("%-#8x|", [255]), ("%.5d", [-42]), ("%+.5x", [42]), ("%05f", [math.inf]), ("%+f", [math.nan]),
    ("%.3s", ["abcdef"]), ("%5.1s|", ["abc"]), ("%hd", [5]), ("%ld", [5]), ("%lld", [5]), ("%*d", [5, 3]),
    ("%-*d|", [-5, 3]), ("%.*f", [-2, 1.5]), ("%e", [1e100]), ("%#.0f", [1.0]), ("%#g", [1.0]),
    ("%g", [1e-5]), ("%.0e", [12345.0]), ("%10.3E|", [-1234.5]), ("%-010.2f|", [-1.5]), ("%\u00e9", [1]),
    ("%\x01", [1]), ("%0-5d|", [3]), ("%#5o", [8]), ("%#05o", [8]), ("%#-5x|", [8]), ("%x", [-255]),
    ("%#x", [-255]), ("%#010X", [-255]), ("%.0s|", ["abc"]), ("%u", [5]), ("%i", [5]), ("%r", ["a"]),
    ("%a", ["\u00e9"]), ("a%%b", []), ("%%%d", [5]), ("%10.4d|", [42]), ("%-+6d|", [42]),
    ("% -6d|", [42]), ("%#.3o", [8]), ("%c", [65]), ("%5c|", [0x4e2d]), ("%-3c|", ["x"]), ("%05c", [65]),
    ("%s and %r", ["x", "y"]), ("\u00e9%q", [1]), ("%(k)s", []), ("%+ d", [5]), ("% +d", [5]),
    ("%+#x", [255]), ("%+#X", [-255]), ("% #o", [8]), ("%#08o", [-8]), ("%-#08o|", [-8]),
    ("%+08.3f", [-3.14159]), ("% 08.3f", [3.14159]), ("%+e", [0.0]), ("%G", [1e-10]), ("%F", [math.inf]),
    ("%#G", [1.5]), ("%.30f", [0.1]), ("%20.10e|", [math.pi]), ("%-20g|", [1e20]), ("%*.*f", [10, 3, math.e]),
    ("%.3d", [0]), ("%.0d", [0]), ("%x", [0]), ("%#x", [0]), ("%o", [2**70]), ("%X", [2**70 - 1]),
    ("%5s|%-5s|", ["ab", "cd"]), ("%3s", ["\u4e2d\u6587\u5b57\u5b57"]), ("%.2r", ["abc"]), ("%.2a", ["\u00e9"]),
]
for _ in range(100):
    flags = "".join(R.choice(["", "-", "+", " ", "#", "0"]) for _ in range(R.randint(0, 2)))
    w = R.choice(["", str(R.randint(0, 12))])
    p = R.choice(["", "." + str(R.randint(0, 8))])
    t = R.choice("diouxXeEfFgGsr")
    if t in "diouxX":
        v = R.randint(-10**6, 10**6)
    elif t in "eEfFgG":
        v = rand_double()
    else:
        v = R.choice(["abc", "h\u00e9llo", "", "x" * 15])
    pcases.append(("%" + flags + w + p + t + "|", [v]))


def enc_arg(a):
    if isinstance(a, bool):
        return "b%d" % a
    if isinstance(a, int):
        return "i%d" % a
    if isinstance(a, float):
        return "f" + bits(a)
    return "s" + esc(a)


for fmt, args in pcases:
    try:
        r = fmt % tuple(args) if "(" not in fmt else fmt % {"k": 1}
    except Exception as e:
        r = err(e)
    if "(" in fmt:
        continue
    emit("PC", esc(fmt), esc(r), *[enc_arg(a) for a in args])
# % with mapping keys
for fmt in ["%(a)s-%(b)05d", "%(a(b))s", "%(a", "%()s", "%(a)-5s|", "%(a)"]:
    d = {"a": "A", "b": 42, "a(b)": "P", "": "E"}
    try:
        r = fmt % d
    except Exception as e:
        r = err(e)
    emit("PK", esc(fmt), esc(r))

# ---------------------------------------------------------------- str methods


def enc(v):
    if v is None:
        return "N"
    if isinstance(v, bool):
        return "b%d" % v
    if isinstance(v, int):
        return "i%d" % v
    return "s" + esc(v)


def sm(name, *args):
    s = args[0]
    try:
        r = getattr(s, name)(*args[1:])
    except Exception as e:
        res = [err(e)]
    else:
        if isinstance(r, (list, tuple)):
            res = ["L%d" % len(r)] + [enc(x) for x in r]
        else:
            res = [enc(r)]
    emit("SM", name, str(len(args)), *[enc(a) for a in args], *res)


base = ["", "a", "abc", "  a  b\tc \n", "a,b,,c,", ",", "aaa", "abcabc", "h\u00e9llo w\u00f6rld",
        "\u4e2d\u6587 \u5b57", "\u3000x\u2028y\x1cz\x85", "line1\nline2\r\nline3\rline4\x0bl5\x0cl6\x1dl7",
        "\u2029end\n", "ab\r", "\r\n\r\n", "x\ty\tz\n\tw", "  \t  ", "-42", "+7", "ab-cd", "Hello World"]
subs = ["", "a", "ab", ",", " ", "\u00e9", "l", "\u5b57"]
idx = [None, 0, 1, 2, -1, -2, 3, 10, -10, 100]
for s in base:
    for sep in [None, ",", "a", " ", "ab", ""]:
        sm(R.choice(["split", "rsplit"]), s, sep, R.choice([-1, 0, 1, 2]))
    sm("splitlines", s, R.random() < 0.5)
    for chars in [None, " a", "\u00e9h"]:
        sm(R.choice(["strip", "lstrip", "rstrip"]), s, chars)
    for sub in subs:
        sm(R.choice(["partition", "rpartition", "removeprefix", "removesuffix"]), s, sub)
        for _ in range(2):
            a, b = R.choice(idx), R.choice(idx)
            name = R.choice(["find", "rfind", "count", "startswith", "endswith"])
            if b is None:
                sm(name, s, sub, a)
            else:
                sm(name, s, sub, a, b)
        sm("replace", s, sub, R.choice(["", "-", "XY"]), R.choice([-1, 0, 1, 2]))
    for w in [0, 6, 7]:
        sm(R.choice(["center", "ljust", "rjust", "zfill"]), s, w)
    sm("center", s, 7, "*")
    sm("ljust", s, 5, "\u00e9")
    sm("expandtabs", s, R.choice([8, 4, 1, 0, -1]))
for s in ["\u00dfa", "\u01c6a", "\ufb01x \u01c6emal \u03a3\u0391\u03a3", "\u0391\u03a3", "a\u03a3 b",
                 "\u03a3", "A\u03a3.\u03a3a", "\u0130stanbul", "\u1f80\u1fb3 \u1fb2x", "\u0149n", "hello WORLD 123",
                 "they're bill's", "\u13a0\uab70 \u1e9e\u00df \u00b5\u017f", "\u10d0\u10d1 test", "\u01c5a",
                 "AB", "Ab", "aB", "A B", "A1 B2", "\u01c5", "\u1f88", "123", "\u00b2\u2167", "\u4e00\u4e8c",
                 "\u0661\u0662", "_a1", "1a", "a b", "\u00e9t\u00e9", "\u0915\u093f", "a\u0301", "\u2160",
                 "\u02b0", "\u2118x", "\u00b7a", "a\u00b7", "x\u200d", "\u3000", "\x1f", "\u200b", "", "\u00ad",
              "a\x00B", "\u0391\u0301\u03a3\u0301 \u0391\u03a3\u0345a", "\u0391\u03a3\U000e0001", "A\u03a3\u05b0b"]:
    for name in ["upper", "lower", "casefold", "swapcase", "title", "capitalize", "isalpha", "isdigit",
                 "isdecimal", "isnumeric", "isalnum", "isspace", "isupper", "islower", "istitle",
                 "isidentifier", "isprintable", "isascii"]:
        sm(name, s)

# ------------------------------------------------------- per-character tables


def toggles(pred):
    t, prev = [], False
    for c in range(0x110000):
        p = pred(chr(c))
        if p != prev:
            t.append(c)
            prev = p
    return ",".join("%x" % (c - p) for c, p in zip(t, [0] + t[:-1]))


emit("CP", "assigned", toggles(lambda ch: unicodedata.category(ch) != "Cn"))
emit("CP", "isalpha", toggles(str.isalpha))
emit("CP", "isupper", toggles(str.isupper))
emit("CP", "islower", toggles(str.islower))
emit("CP", "isprintable", toggles(str.isprintable))
emit("CP", "isdecimal", toggles(str.isdecimal))
emit("CP", "isdigit", toggles(str.isdigit))
emit("CP", "isnumeric", toggles(str.isnumeric))
emit("CP", "isspace", toggles(str.isspace))
emit("CP", "idstart", toggles(str.isidentifier))
emit("CP", "idcontinue", toggles(lambda ch: ("a" + ch).isidentifier()))

# Case mappings: every character whose title case or case folding is special,
# and a sample of other cased characters.
special = [c for c in range(0x110000)
           if chr(c).title() != chr(c).upper() or chr(c).casefold() != chr(c).lower()]
others = [c for c in range(0x80, 0x20000)
          if unicodedata.category(chr(c)) != "Cn" and (chr(c).upper() != chr(c) or chr(c).lower() != chr(c))]
for c in special + R.sample(others, 60):
    ch = chr(c)
    emit("CM", "%x" % c, esc(ch.upper()), esc(ch.lower()), esc(ch.title()), esc(ch.casefold()))

with open("testdata.txt", "w", encoding="ascii") as f:
    f.write("\n".join(out) + "\n")
print(len(out), "cases,", sum(len(x) + 1 for x in out), "bytes")
