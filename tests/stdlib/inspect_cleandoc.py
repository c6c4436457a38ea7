# requires: bigheap
# inspect.cleandoc/getdoc; collections.abc reachable as an attribute.
import inspect
import collections
print(repr(inspect.cleandoc('  first\n    a\n      b\n\n\tc\n  ')))
print(repr(inspect.cleandoc('\n\n   x\n   y\n')), repr(inspect.cleandoc('')), repr(inspect.cleandoc('one')))


def f():
    """Doc.

    More text
      indented
    """


print(repr(inspect.getdoc(f)), inspect.getdoc(None) is None or inspect.getdoc(None)[:8])
print(collections.abc.Mapping.__name__, issubclass(dict, collections.abc.Mapping))
try:
    collections.nothing
except AttributeError as e:
    print('AttributeError', e)
