# slice objects.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 3), slice(1, None, -1), repr(slice(None)))
print(s == slice(1, 10, 2), s != slice(1, 10), slice(1, 2) == slice(1, 2, None))
print(s.indices(20), s.indices(5), slice(None, None, -1).indices(4), slice(-100, 100).indices(3), slice(-2, None, -1).indices(6))
data = list(range(12))
print(data[s], data[slice(None, None, 3)], data[slice(-3, None)], "abcdefghijkl"[s], tuple(data)[s])
try:
    slice(None, None, 0).indices(3)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print("ValueError", e)


class Recorder:
    def __getitem__(self, key):
        return key

    def __setitem__(self, key, value):
        print("set", key, value)

    def __delitem__(self, key):
        print("del", key)


rec = Recorder()
print(rec[1:2], rec[::], rec[:5], rec[1:2:3], rec[::-1], rec[1:2, 3:4], rec[..., 1])
rec[1:3] = "v"
del rec[::2]
print(type(rec[:]).__name__, isinstance(rec[1:], slice), rec["a":"z"], rec[1.5:2.5].start)
print(hasattr(slice(1), "indices"))
