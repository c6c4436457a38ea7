# Assignment expressions (:=).
if (n := len("hello")) > 3:
    print("long", n)
data = [1, 5, 2, 8, 3]
print([y for x in data if (y := x * 2) > 5], y)
items = iter(["a", "b", "", "c"])
out = []
while (item := next(items)):
    out.append(item)
print(out)


def f(x):
    return x * 10


print([r for v in range(4) if (r := f(v)) % 20 == 0])
print((z := 5) + z, z)
total = 0
values = [3, 4, 5]
print([total := total + v for v in values], total)


def scope():
    [w := i for i in range(3)]
    return w


print(scope())
print(any((hit := v) > 3 for v in [1, 4, 2]), hit)
m = {"key": 42}
if (val := m.get("key")) is not None:
    print("found", val)
if (missing := m.get("nope")) is None:
    print("missing", missing)
chunks = []
buf = list(range(7))
while (chunk := buf[:3]):
    chunks.append(chunk)
    buf = buf[3:]
print(chunks)
print([(a := i, a * a) for i in range(3)])
