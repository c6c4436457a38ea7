# requires: module:re
# RegexFlag values: repr, str, format, arithmetic.
import re

print(re.I, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG)
print(repr(re.IGNORECASE), str(re.MULTILINE), f'{re.DOTALL}', '%d' % re.VERBOSE)
print(re.I | re.M, re.A | re.I, re.I | re.S | re.X | re.M)
print(re.I & re.M, re.I ^ re.I, re.I | 1024, 2 | re.M, re.I | 2)
print(re.I + 1, re.I * 2, int(re.I | re.M), re.I == 2, re.I in (2,))
print(type(re.I).__name__, isinstance(re.I, int), issubclass(re.RegexFlag, int))
print(hash(re.I) == hash(2), {re.I: 'x'}[2], sorted([re.M, re.I, re.S]))
print(re.IGNORECASE is re.I or re.IGNORECASE == re.I)
f = re.I
f |= re.M
print(f, type(f).__name__)
print(re.compile('a', re.I | re.M).flags, type(re.compile('a').flags).__name__)
print(re.compile('a', re.I | re.M))
print(re.compile(b'a', re.I | re.M | re.A))
print(re.compile('a', re.I | re.A | re.DEBUG & 0))
print(re.search('A', 'xa', flags=re.I | re.M).span())
print(format(re.I, 'd'), format(re.M, '>4'))
