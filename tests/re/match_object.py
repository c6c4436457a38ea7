# requires: module:re
# The Match object API.
import re

m = re.search(r'(?P<w>\w+) (?P<n>\d+)', 'xx abc 123 yy')
print(m)
print(bool(m), m.group(), m.group(0), m.group(1), m.group('n'), m.group(1, 'n', 0))
print(m[0], m[1], m['w'])
print(m.groups(), m.groupdict())
print(m.start(), m.end(), m.span(), m.start(1), m.end('n'), m.span('w'))
print(m.pos, m.endpos, m.string, m.re.pattern)
print(m.lastindex, m.lastgroup, m.regs)
print(m.expand(r'\2-\1 \g<w>'))
print(type(m).__name__, type(m) is re.Match, isinstance(m, re.Match))
print(re.match('a', 'a') is not None, re.match('b', 'a'))
m2 = re.match(r'(a)(b)?', 'ac')
print(m2.groups(), m2.groups(0), m2.span(2), m2.start(2), m2.end(2), m2.group(2))
print(repr(re.match('x*', 'y')))
print(re.match(r'.*', 'a' * 60))
print(re.match(r'.*', "it's"))
print(re.match(r'.*', 'é"\n'))
print(re.match(rb'.+', b'bytes\x00'))
print(re.search('b', 'abc', ).span(), re.search('é', 'aéb').span())
m = re.compile(r'\w').search('hello', 2, 4)
print(m, m.pos, m.endpos)
for bad in ['zz', 5, -1]:
    for f in (m.start, m.end, m.span, m.group):
        try:
            f(bad)
        except IndexError as e:
            print(f.__name__, 'IndexError', e)
try:
    m[3]
except IndexError as e:
    print('IndexError', e)
import copy
print(copy.copy(m) is m, copy.deepcopy(m) is m)
m = re.match(r'(a)(b)(c)', 'abc')
print(m.group(True) if False else m.group(1), m.span(True) if False else m.span(3))
try:
    m.group(1, 9)
except IndexError as e:
    print('IndexError', e)
print(re.match(r'(?P<a>.)(?P<b>.)?', 'x').groupdict('dflt'))
