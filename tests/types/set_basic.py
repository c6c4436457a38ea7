# set: construction, membership, add/remove and iteration (printed sorted).
s = {3, 1, 2}
s.add(4)
s.add(1)
print(sorted(s), len(s), 2 in s, 9 in s, 9 not in s)
print(sorted(set("hello")), set(), sorted(set([1, 1, 2])), sorted({x % 3 for x in range(10)}), {1}, repr(set()))
s.remove(4)
s.discard(99)
s.discard(3)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
p = s.pop()
print(p in (1, 2), len(s))
s.clear()
print(s, len(s), bool(s))
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError", e)
try:
    set([{}])
except TypeError as e:
    print("TypeError", e)
t = {1, 2, 3}
u = t.copy()
u.add(4)
print(sorted(t), sorted(u), t is u)
t.update([5, 6], (7,), "ab")
print(sorted(t, key=str))
print({1, 1.0, True}, len({0, False, 0.0}), {(1, 2), (1, 2)}, {frozenset([1])})
words = "the cat and the hat and the bat".split()
print(sorted(set(words)), len(set(words)))
seen = set()
dups = []
for w in words:
    if w in seen:
        dups.append(w)
    seen.add(w)
print(dups)
try:
    for x in t:
        t.add(x * 100)
except RuntimeError as e:
    print("RuntimeError", e)
print(sorted(x for x in {10, 20} if x > 15), sum({1, 2, 3}), max({4, 8, 2}), min({"b", "a"}))
