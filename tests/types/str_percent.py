# printf-style % formatting.
print("%s %s" % ("a", 1), "%d" % 42, "%5d|%-5d|%05d" % (7, 7, 7), "%+d %+d" % (3, -3), "% d" % 5)
print("%f %.2f %10.3f| %-10.1f| %e %.3E %g %G" % (3.14159, 3.14159, 2.5, 2.5, 1234.5, 0.00012, 1e-10, 1e20))
print("%x %X %#x %o %#o %c %c" % (255, 255, 255, 8, 8, 65, "z"), "%r %a" % ("é", "é"), "%%", "100%%" % ())
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30}, "%(x)r" % {"x": [1]})
print("%s" % (1,), "%s" % [1, 2], "%s" % ((1, 2),), "%s%s" % ("a", "b"), "%.3s|" % "abcdef", "%5.1s|" % "xyz")
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159), "%i %u" % (3, 4), "%d" % 3.99, "%d" % True, "%s" % None)
print("%d %s" % (2 ** 70, 2 ** 70), "%x" % (2 ** 70), "%.1f" % (2 ** 70), "%s" % 1e300, "%g" % 1e300)
tests = [
    lambda: "%d" % "x",
    lambda: "%s %s" % ("a",),
    lambda: "%s" % ("a", "b"),
    lambda: "%(k)s" % {},
    lambda: "%z" % 1,
    lambda: "%c" % "ab",
    lambda: "%" % (),
    lambda: "%x" % 1.5,
]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__, e)


class S:
    def __str__(self):
        return "S!"

    def __repr__(self):
        return "S()"


print("%s %r" % (S(), S()), "%-6s|%6s|" % (S(), "é"), b"%s-%d" % (b"bytes", 5), b"%x" % 255)
print("%.0f %.0f %.0f" % (0.5, 1.5, 2.5), "%.2f" % -0.001, "%5.0e" % 12345, "%#.0f" % 3)
