# str.format() and format().
print("{} {}".format("a", 1), "{1} {0} {1}".format("x", "y"), "{name}-{n:03d}".format(name="id", n=7))
print("{0[1]} {0[0]}".format(("first", "second")), "{d[key]} {o.real}".format(d={"key": "v"}, o=3))
print("{{literal}} {}".format(5), "{:>8}|{:<8}|{:^8}|".format("r", "l", "c"), "{:*^9}".format("mid"))
print("{:d} {:5d} {:<5d}| {:+d} {: d} {:05d} {:,} {:_}".format(42, 42, 42, 42, 42, -42, 1234567, 1234567))
print("{:.3f} {:10.2f}| {:e} {:.2E} {:g} {:g} {:g} {:%} {:.1%}".format(3.14159, 2.5, 12345.678, 0.00012, 1e-5, 123456789.0, 0.5, 0.25, 1 / 3))
print("{:x} {:#o} {:b} {:c} {:08.3f} {:+.1e}".format(255, 8, 5, 65, -3.14159, 12345.0))
print("{!r} {!s} {!a}".format("q", "q", "é"), "{0!r:>6}".format("x"))
print("{:>{w}.{p}f}|".format(3.14159, w=10, p=3), "{:{fill}{align}6}".format(7, fill="0", align=">"))
print(format(1234.5, ",.2f"), format(0.000001234, ".3g"), format(1e100, ".3g"), format(-0.0, "f"), format(float("inf"), "f"))
print(format(12, ""), format("s", ""), format(None), format([1, 2]), format(True, "d"), format(3.0, ""), format(1e16, ""))
print("{:=+8d}|{:=8.2f}|".format(42, -1.5), "{:#x}".format(0), "{:n}".format(1234))
tests = [
    lambda: "{}".format(),
    lambda: "{0} {}".format(1, 2),
    lambda: "{x}".format(y=1),
    lambda: "{:d}".format("s"),
    lambda: "{:d}".format(1.5),
    lambda: "{".format(1),
    lambda: "}".format(1),
    lambda: "{:q}".format(1),
    lambda: "{0[5]}".format([1]),
]
for t in tests:
    try:
        print(t())
    except (IndexError, KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print("{:s}".format("str"), "{:10}|".format("left"), "{:10}|".format(99), "{:.2}".format("abcdef"), "{:.0f}".format(2.5))
