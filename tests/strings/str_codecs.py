# encode/decode and the str() constructor
texts = ["", "plain", "café", "Ωμέγα", "日本語", "😀 emoji", "mix é€😀"]
for t in texts:
    b = t.encode()
    print(repr(t), b, len(b), b.decode() == t, str(b, "utf-8") == t, t.encode("utf8") == b)
    for enc in ["ascii", "latin-1"]:
        for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
            try:
                print(" ", enc, err, t.encode(enc, err))
            except UnicodeEncodeError as e:
                print(" ", enc, err, type(e).__name__, e)
raw = [b"", b"abc", b"\xff", b"a\xe9b", b"\xe2\x82", b"\xe2\x82\xac", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf0\x9f\x98", b"x\xf0\x9f\x98\x80y\x80"]
for b in raw:
    for enc in ["utf-8", "ascii", "latin-1"]:
        for err in ["strict", "ignore", "replace", "backslashreplace"]:
            try:
                print(b, enc, err, repr(b.decode(enc, err)))
            except UnicodeDecodeError as e:
                print(b, enc, err, type(e).__name__, e)
print("x".encode("UTF-8"), "x".encode("utf_8"), "é".encode("Latin1"), "é".encode("iso-8859-1"), "a".encode("US-ASCII"))
print(b"caf\xc3\xa9".decode(encoding="utf-8"), b"\xe9".decode("latin_1"), b"abc".decode(errors="strict"))
print(str(), str(""), str(123), str(b"ab"), str([1, "a"]), str(b"ab", "ascii"), str(b"\xff", "utf-8", "replace"),
      str(object="kw"), str(b"x", errors="strict"), str(bytearray(b"ba"), "ascii"), str(memoryview(b"mv"), "ascii"))
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
t(lambda: "a".encode("foo"))
t(lambda: b"a".decode("nope"))
t(lambda: "é".encode("ascii", "bad"))
t(lambda: "a".encode("ascii", "bad"))
t(lambda: str(1, "utf-8"))
t(lambda: str("a", "utf-8"))
t(lambda: str(b"a", encoding=1))
t(lambda: "a".encode(1))
t(lambda: "a".encode(errors="x", encoding="y"))
t(lambda: str(b"a", "foo"))
t(lambda: b"\x80".decode("ascii"))
class S(str):
    def hello(self):
        return "hi " + self
s = S("sub")
print(s, repr(s), type(s).__name__, s.hello(), s.upper(), type(s.upper()).__name__, s + "x", type(s + "x").__name__,
      isinstance(s, str), s == "sub", len(s), s[1], type(str(s)).__name__, s.__getnewargs__())
class T(str):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
    def __str__(self):
        return "T!"
t = T("ab")
print(t == "abab", str(t), "%s" % t, "{}".format(t), repr(t), T.__mro__[1].__name__)
class U(str):
    def __eq__(self, other):
        return True
    __hash__ = str.__hash__
print(U("a") == "b", "b" == U("a"), U("a") != "a", hash(U("k")) == hash("k"))
