# format_map with a dict subclass defining __missing__ (needs dict.__missing__)
class D(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{x} {y}".format_map(D(x=1)))
