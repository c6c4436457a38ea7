# A small tour of the language, run by `cargo xtask demo`.
from_text = """\
the quick brown fox jumps over the lazy dog
the dog barks and the fox runs away quickly
"""


class Inventory:
    """A tiny inventory with dunder methods, properties and class methods."""

    def __init__(self, items=None):
        self._items = dict(items or {})

    @classmethod
    def from_pairs(cls, *pairs):
        return cls({name: qty for name, qty in pairs})

    def __len__(self):
        return sum(self._items.values())

    def __contains__(self, name):
        return self._items.get(name, 0) > 0

    def __iter__(self):
        yield from sorted(self._items.items())

    def __add__(self, other):
        merged = dict(self._items)
        for name, qty in other:
            merged[name] = merged.get(name, 0) + qty
        return Inventory(merged)

    def take(self, name, qty=1):
        if self._items.get(name, 0) < qty:
            raise KeyError(f"not enough {name!r}: have {self._items.get(name, 0)}, want {qty}")
        self._items[name] -= qty

    @property
    def summary(self):
        return ", ".join(f"{n}={q}" for n, q in self if q)

    def __repr__(self):
        return f"Inventory({self.summary})"


def primes():
    """Infinite generator of primes."""
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1


def make_counter():
    counts = {}

    def count(word):
        counts[word] = counts.get(word, 0) + 1
        return counts

    return count


inv = Inventory.from_pairs(("apple", 3), ("pear", 1)) + Inventory({"apple": 2, "fig": 4})
print("inventory:", inv, "| total items:", len(inv))
try:
    inv.take("pear", 5)
except KeyError as e:
    print("refused:", e.args[0])
inv.take("fig", 4)
print("after taking figs:", inv, "| has fig?", "fig" in inv)

gen = primes()
first = [next(gen) for _ in range(12)]
print(f"first primes: {first}  sum={sum(first)}  twin pairs={[(a, b) for a, b in zip(first, first[1:]) if b - a == 2]}")

counter = make_counter()
for word in from_text.split():
    counts = counter(word)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print("top words:", top)
print("word lengths:", {n: sorted({w for w in counts if len(w) == n}) for n in (3, 5)})

table = [(n, n ** 2, 2 ** n, f"{1 / n:.4f}") for n in range(1, 6)]
for n, sq, pw, inv_n in table:
    print(f"{n:>2} | {sq:>3} | {pw:>4} | {inv_n}")
print(f"{2 ** 100 = }")
print(f"{'centered':*^20}|{3.14159:+.2f}|{255:#06x}|{1234567:,}")

try:
    {}["missing"]
except LookupError as e:
    try:
        raise RuntimeError("wrapped") from e
    except RuntimeError as outer:
        print("chained:", repr(outer), "<- cause:", repr(outer.__cause__))
finally:
    print("done.")
