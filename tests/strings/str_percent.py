# printf-style formatting of str and bytes
print("%s|%r|%a|%%|%5s|%-5s|%.2s|%c|%c" % ("é", "é", "é", "ab", "cd", "xyz", 65, "ü"))
print("%d %i %u %o %x %X %#o %#x %#X" % (42, -42, 7, 8, 255, 255, 8, 255, 255))
print("%5d|%-5d|%05d|%+d|% d|%.3d|%+.3d|%x" % (42, 42, 42, 42, 42, 7, -7, -255))
print("%f %.2f %10.3f %-10.1f| %e %E %g %G %#g %.0f %#.0f" % (3.14159, 2.5, -1.5, 2.25, 12345.678, 0.001, 1e-5, 1e20, 1.0, 2.5, 2.5))
print("%*d|%-*d|%.*f|%*.*s" % (5, 1, 5, 2, 2, 3.14159, 6, 2, "abcdef"))
print("%(a)s %(b)d %(a)r" % {"a": "x", "b": 3}, "%s" % {"k": 1}, "%s %%" % [1, 2], "%s" % (("t",),))
print("%d %d" % (3.9, -3.9), "%d" % True, "%s %s" % (None, True), "%x" % 2**70, "%d" % -2**65)
print("%c%c%c" % (0x1F600, "日", 97), "%r" % b"x", "%a" % "😀", "%10r" % "é", "%.1r" % "abc")
print("no args" % (), "x" % {}, "x" % [])
class I:
    def __index__(self):
        return 10
class F:
    def __float__(self):
        return 2.5
print("%x %o %d" % (I(), I(), I()), "%.1f" % F())
for fmt, args in [("%d", "x"), ("%x", 1.5), ("%c", "ab"), ("%c", -1), ("%c", 0x110000), ("%f", "x"), ("%s %s", (1,)),
                  ("%s", (1, 2)), ("%(a)s", 1), ("%(a)s", {}), ("%(a)s %s", {"a": 1}), ("%*d", ("a", 1)), ("%.*f", ("a", 1.0)),
                  ("%y", 1), ("%", 1), ("%(a", {}), ("%5", 1), ("x", 1), ("%d", None), ("%i", [1]), ("%o", 2.0)]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print(b"%s|%b|%r|%a|%c|%c|%5.1f|%x|%%" % (b"x", bytearray(b"y"), b"q", "é", 65, b"z", 2.25, 255))
print(b"%(k)s-%(n)d" % {b"k": b"v", b"n": 3}, b"%s" % memoryview(b"mv"), bytearray(b"%d!") % 5)
class B:
    def __bytes__(self):
        return b"BYTES"
print(b"<%s>" % B(), b"%-6s|%6s" % (b"ab", b"cd"), b"\xff%s" % b"\xfe")
for fmt, args in [(b"%s", 1), (b"%s", "a"), (b"%d %s", (1,)), (b"%c", 300), (b"%c", b"ab"), (b"%y", 1), (b"x", 1), (b"x", b"ab"), (b"%s", (1, 2))]:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
print("a".__mod__(()), "%s".__rmod__(1), "x".__rmod__("%s!"))
