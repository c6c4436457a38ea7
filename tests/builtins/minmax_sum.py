# min / max / sum (incl. keywords and the int/float fast paths).
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max((4, 5)), min('hello'), max('hello'))
print(min([], default=9), max([], default=None), max([1], default=0), min(x for x in [7, 3, 5]))
print(max('abc', 'b', key=len), min([3, 1, 2], key=lambda v: -v), max([1, 2], key=None))
print(max([1, 1.0]), max([1.0, 1]), min([True, 1]), min(1, True))
print(max([(1, 'b'), (1, 'a')]), min([[2], [1, 5]]))
for bad in ("max(1, 'a')", "min([None, 1])", "max()", "max([])", "min([])", "max(1, 2, default=0)", "max([], y=2)"):
    try:
        print(eval(bad))
    except Exception as e:
        print(type(e).__name__, e)
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([0.5, 0.25]), sum([1, 2], 10), sum((1, 2), start=5))
print(sum([1, 2.5]), sum([1.5, 2, 3]), sum([2**62, 2**62, 1]), sum([2**100, 1]), sum([True, True, 1]))
print(sum([0.1] * 10) if False else sum([0.1, 0.1, 0.1]), sum([1e100, 1.0, -1e100]), sum([], 0.0), sum([1], 0.5))
print(sum([-(2**62), -(2**62), -(2**62)]), sum([1, 2**63]), type(sum([1.0, 2])).__name__)
class V:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o):
        return V(o + self.v)
print(sum([V(1), V(2)]).v, sum([V(1)], V(10)).v, sum([1, V(2), 3]).v)
