# requires: files host
# Exercises tests/capi/spam.c (built by `cargo xtask test` for ferropy and
# for CPython, so both must print the same).
import spam

print(spam.__doc__, spam.ANSWER, spam.VERSION)
print(spam.add(2), spam.add(2, 3), spam.add(-7, 2**40))
for bad in [(), (1, 2, 3), ("x",), (1.5,)]:
    try:
        spam.add(*bad)
    except TypeError as e:
        print("TypeError:", e)
print(spam.describe("a"))
print(spam.describe("b", 3, scale=2.0, flag=True))
for args, kw in [((), {}), (("a",), {"nope": 1}), (("a", 1, 2.0, True), {}), (("a",), {"name": "b"})]:
    try:
        spam.describe(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)
print(spam.fail(0))
for code in (1, 2, 3):
    try:
        spam.fail(code)
    except spam.error as e:
        print("spam.error:", e, type(e).__module__, type(e).__name__, isinstance(e, Exception))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, repr(e))
try:
    spam.fail("x")
except TypeError as e:
    print("TypeError:", e)
print(spam.squares(6), spam.squares(0))
print(spam.dict_sum({"a": 1, "b": 20, "c": 300}))
print(spam.map(lambda x: x * 2, [1, 2, 3]), spam.map(str.upper, ("ab", "cd")))
try:
    spam.map(len, [1])
except TypeError as e:
    print("TypeError:", e)
print(spam.tuple_info((1, "two", 3.0, None, (4,))))
print(spam.strings("héllo", b"by\x00tes", None), spam.strings("x", b"", "z"))
print(spam.numbers(6, 7), spam.numbers(2.5, 0.5), spam.numbers("a", "b") if False else "")
try:
    spam.numbers(1)
except TypeError as e:
    print("TypeError:", e)

class Thing:
    name = "widget"
t = Thing()
print(spam.attrs(t), t.seen)
print(spam.noargs(), spam.fast(), spam.fast(1, 2, 3, 4))
try:
    spam.noargs(1)
except TypeError as e:
    print("TypeError:", e)
print(spam.catch(lambda: 1 // 0), spam.catch(lambda: "fine"))
print(spam.big())
print(spam.add.__name__, spam.add.__doc__, type(spam.add).__name__)
print(repr(spam.add))
