for f in [lambda: "a".encode("foo"), lambda: b"a".decode("nope"), lambda: "é".encode("ascii", "bad"), lambda: "a".encode("ascii", "bad"),
          lambda: str(1, "utf-8"), lambda: str("a", "utf-8"), lambda: str(b"a", encoding=1), lambda: "a".encode(1),
          lambda: "a".encode(errors="x", encoding="y"), lambda: str(b"a", "foo"), lambda: b"\x80".decode("ascii")]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
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
