# print() keyword arguments and output of various objects.
import sys

print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=", ", end=" <end>\n")
print("no newline", end="")
print(" continued")
print(1, 2.0, None, True, [1], (2,), {3: 4}, "s", b"b")
print(*"xyz", sep="|")
print("to stdout", file=sys.stdout)
print("flushed", flush=True)
print("sep None", "end None", sep=None, end=None)
print("", "", sep="-")
print("multi\nline")
print("tab\tand unicode é ✓")


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)


w = W()
print("to", "object", file=w, sep="+")
print(w.parts)
for kwargs in ({"sep": 5}, {"end": 1}, {"bogus": 1}):
    try:
        print("x", **kwargs)
    except TypeError as e:
        print("TypeError", e)
sys.stdout.write("direct write\n")
n = sys.stdout.write("abc\n")
print(n)
