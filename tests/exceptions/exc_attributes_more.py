# Exception attributes CPython derives from the arguments: AttributeError
# name/obj, UnicodeError fields and messages, keyword checks.


def t(f):
    try:
        print("ok", repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class K:
    pass


k = K()
for o, n in [(None, "foo"), (k, "missing"), (K, "nope"), (1, "real_part")]:
    try:
        getattr(o, n)
    except AttributeError as e:
        print(e, "|", e.name, e.obj is o)
try:
    k.missing
except AttributeError as e:
    print(e.name, e.obj is k)
import sys

try:
    sys.no_such_attr
except AttributeError as e:
    print(e, e.name, e.obj is sys)
e = AttributeError("m")
print(e.name, e.obj)
e = AttributeError("m", name="n", obj=5)
print(e.name, e.obj, e.args)
t(lambda: AttributeError("m", nope=1))
t(lambda: NameError("m", name="x").name)
t(lambda: NameError("m", obj=1))
t(lambda: ImportError("m", name="n", path="p").path)
t(lambda: ImportError("m", foo=1))
t(lambda: ModuleNotFoundError("m", bar=1))
t(lambda: ValueError("m", x=1))

# UnicodeDecodeError / UnicodeEncodeError / UnicodeTranslateError
d = UnicodeDecodeError("utf-8", b"ab\xffcd", 2, 3, "invalid start byte")
print(d.encoding, d.object, d.start, d.end, d.reason)
print(str(d))
print(str(UnicodeDecodeError("ascii", b"\x80\x81", 0, 2, "ordinal not in range(128)")))
u = UnicodeEncodeError("ascii", "h\xe9llo", 1, 2, "ordinal not in range(128)")
print(u.encoding, u.object, u.start, u.end, u.reason)
print(str(u))
print(str(UnicodeEncodeError("latin-1", "a\u20ac", 1, 2, "bad")))
print(str(UnicodeEncodeError("latin-1", "a\U0001f600", 1, 2, "bad")))
print(str(UnicodeEncodeError("ascii", "\xe9\xe8", 0, 2, "bad")))
tr = UnicodeTranslateError("\xe9", 0, 1, "no map")
print(tr.encoding, tr.object, tr.start, tr.end, tr.reason, str(tr))
try:
    b"ok\xfe".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e.start, e.end, e.object)
try:
    "caf\xe9".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.start, e.end, e.object, e)
t(lambda: str(UnicodeDecodeError()))
t(lambda: UnicodeError("plain").args)
t(lambda: str(UnicodeError("plain")))
