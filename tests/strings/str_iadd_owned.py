# `s += t` on a local str may extend the str in place when nothing else can
# see it; every way of seeing it must still observe an immutable str.

def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s

r = build(1000)
print(len(r), r[:12], r[-12:], r == "0123456789" * 100, hash(r) == hash("0123456789" * 100))

def alias():
    s = "x" * 70
    s += "a"
    t = s            # t shares the str
    s += "b"
    s += "c"
    return t, s

t, s = alias()
print(len(t), t[-3:], len(s), s[-3:])

def into_list():
    s = "y" * 100
    keep = []
    for ch in "abcdef":
        s += ch
        keep.append(s)
    return [k[-3:] for k in keep], [len(k) for k in keep]

print(*into_list())

def as_key():
    s = "k" * 80
    s += "1"
    d = {s: 1}
    s += "2"
    s += "3"
    return d, s in d, ("k" * 80 + "1") in d, len(s)

d, a, b, n = as_key()
print(list(d.values()), a, b, n)

def via_locals():
    s = "L" * 90
    s += "1"
    snap = locals()
    s += "2"
    return snap["s"][-2:], s[-3:]

print(*via_locals())

def self_add():
    s = "ab" * 40
    s += "c"
    s += s
    s += s
    return len(s), s[79:84], s.count("c")

print(*self_add())

def walrus():
    s = "w" * 70
    s += "1"
    other = None
    s += (other := s) + "!"
    return len(other), other[-2:], len(s), s[-3:]

print(*walrus())

def bad_rhs():
    s = "z" * 70
    s += "q"
    try:
        s += 5
    except TypeError as e:
        print("TypeError:", e)
    s += "r"
    return s[-3:], len(s)

print(*bad_rhs())

def raising_rhs():
    s = "e" * 70
    s += "1"
    def boom():
        raise ValueError("boom")
    try:
        s += boom()
    except ValueError as e:
        print("ValueError:", e)
    s += "2"
    return s[-3:]

print(raising_rhs())

class S(str):
    pass

def subclass():
    s = S("s" * 70)
    s += "1"
    u = "u" * 70
    u += S("2")
    u += "3"
    return type(s).__name__, type(u).__name__, u[-2:], len(u)

print(*subclass())

def unicode():
    s = "é" * 40
    for ch in "αβγ€😀":
        s += ch
    s += "x" * 30
    return len(s), s[38:46], len(s.encode())

print(*unicode())

def gen():
    s = "g" * 64
    for i in range(5):
        s += str(i)
        yield s

print([x[-3:] for x in gen()])

def closure():
    s = "c" * 64
    def get():
        return s
    s += "1"
    first = get()
    s += "2"
    return first[-2:], get()[-2:]

print(*closure())

def loop_with_reads(n):
    s = ""
    out = []
    for i in range(n):
        s += chr(65 + i % 26)
        if i % 50 == 0:
            out.append(s)
    return [len(x) for x in out], out[3][-3:], s[-5:]

print(*loop_with_reads(300))

def ids():
    s = "i" * 70
    s += "1"
    a = id(s)
    b = s
    s += "2"
    return a == id(b), b[-1], s[-2:]

print(*ids())
