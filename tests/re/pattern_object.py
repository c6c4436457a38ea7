# requires: module:re
# Pattern objects: attributes, repr, equality, methods with pos/endpos.
import re

p = re.compile(r'(?P<x>a)(b)')
print(p, p.pattern, p.flags, p.groups, dict(p.groupindex))
print(type(p).__name__, type(p) is re.Pattern, isinstance(p, re.Pattern))
print(re.compile('a+'), re.compile("it's"), re.compile(b'x'))
print(re.compile('a', re.I), re.compile('a', re.I | re.M | re.S | re.X))
print(re.compile('a', re.A), re.compile('a', re.U), re.compile(b'a', re.I | re.L))
print(repr(re.compile('x' * 300))[-15:])
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('b'))
print(re.compile('a') == re.compile('a', re.I), re.compile('a') != re.compile('a'))
print(re.compile('a') == re.compile(b'a'), re.compile('a') == 'a')
print(hash(re.compile('ab')) == hash(re.compile('ab')))
print(len({re.compile('a'), re.compile('a'), re.compile('b')}))
print(re.compile(p) is p)
try:
    re.compile(p, re.I)
except ValueError as e:
    print('ValueError', e)
q = re.compile(r'\w+')
print(q.match('ab cd', 3), q.match('ab cd', 2), q.search('ab cd', 1, 2))
print(q.fullmatch('ab cd', 3), q.fullmatch('ab cd', 0, 2), q.fullmatch('abc', 0, 2))
print(q.match('abc', pos=1, endpos=2), q.search(string='xyz'))
print(re.compile('^a').search('ba', 1), re.compile('(?m)^a').search('b\na', 1))
print(re.compile('a$').search('ab', 0, 1), re.compile(r'a\Z').search('ab', 0, 1))
print(re.compile(r'\bb').search('ab', 1), re.compile(r'(?<=a)b').search('ab', 1))
print(q.split('a b c', 1), q.sub('X', 'a b c', 2), q.subn('X', 'a b'))
print(q.findall('a b c'), [m.group() for m in q.finditer('a bb')])
print(re.compile('').match('abc', 2, 1))
print(re.purge(), re.compile('a') == re.compile('a'))
import copy
print(copy.copy(p) is p, copy.deepcopy(p) is p)
try:
    re.compile(1)
except TypeError as e:
    print('TypeError', e)
try:
    q.match()
except TypeError as e:
    print('TypeError')
