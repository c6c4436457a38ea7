# min() and max() with key= and default=.
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"), min((2.5, 1, 3)))
print(max([1, -5, 3], key=abs), min(["ccc", "a", "bb"], key=len), max({"x": 1, "y": 3}, key=lambda k: k))
print(min([], default="empty"), max([], default=None), max([7], default=0), min((), key=len, default=-1))
print(max("b", "a", key=str.upper), min([(1, "z"), (1, "a")]), max([[1, 2], [1, 2, 0]]))

# Ties: the first maximal/minimal element wins.
words = ["aa", "bb", "c", "dd"]
print(max(words, key=len), min(words, key=len), max([(1, "first"), (1, "second")], key=lambda t: t[0]))
print(max(range(10), key=lambda v: v % 4), min(iter([5, 3, 9])), max(x * x for x in range(-3, 3)))
print(max(1, 2.5), min(1, True), max(-0.0, 0), max(2 ** 70, 3), min(1.0, 1))

tests = [
    lambda: min([]),
    lambda: max(),
    lambda: max(5),
    lambda: min(1, "a"),
    lambda: max(1, 2, default=0),
    lambda: min([1], bogus=1),
]
for t in tests:
    try:
        t()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


class Score:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "S%d" % self.v


print(max([Score(3), Score(9), Score(1)]), min(Score(5), Score(2)))
print(sorted([Score(2), Score(1)]), max({3: "a", 7: "b"}.items()))
