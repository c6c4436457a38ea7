# f-strings: expressions, conversions, format specs, nesting and `=`.
name, n, pi = "world", 42, 3.14159265
print(f"hello {name}!", f"{n + 1}", f"{n * 2:>6}|", f"{pi:.3f}", f"{'quoted'}", f"{name!r}", f"{name!s:>8}")
items = [1, 2, 3]
d = {"k": "v"}
print(f"{items[0]} {items[-1]} {d['k']} {len(items)} {sum(items)} {items!r}")
print(f"{n:#x} {n:08b} {n:+} {-n:5} {n:<5}| {n:^7}| {1234567:,} {0.25:.0%} {12345.6789:e}")
w, p = 10, 2
print(f"{pi:{w}.{p}f}|", f"{'x':{'*'}^{w}}", f"{pi:.{p}}")
print(f"{n=}", f"{name=}", f"{n + 1 = }", f"{pi=:.2f}", f"{items=!s}", f"{d['k']=}")
print(f"{{braces}}", f"{{{n}}}", f"{'{'}", f"a{''}b")
print(f"{'yes' if n > 40 else 'no'}", f"{[x * x for x in range(3)]}", f"{(lambda v: v * 2)(4)}")
print(f"""triple
{name.upper()}""", f"{name}" f"-{n}", rf"raw\n{n}", fr"\t{name}")


class P:
    def __format__(self, spec):
        return f"P<{spec}>"

    def __repr__(self):
        return "P()"

    def __str__(self):
        return "p-str"


obj = P()
print(f"{obj}", f"{obj:spec}", f"{obj!r}", f"{obj!s}", f"{obj!r:>6}")
print(f"{3.0}", f"{1e20}", f"{2 ** 70}", f"{None}", f"{True:d}", f"{-0.0}", f"{0.1 + 0.2}")
nested = {"a": {"b": [10, 20]}}
print(f"{nested['a']['b'][1]:04d}", f"{'é':>3}", f"{'tab':\t<5}|")
try:
    f"{n:q}"
except ValueError as e:
    print("ValueError", e)
try:
    f"{name:d}"
except ValueError as e:
    print("ValueError", e)
x = 5
print(f"{x!r:^5}|{x:*<4}|{str(x) * 3}")
