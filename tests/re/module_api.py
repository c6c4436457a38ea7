# requires: module:re
# Module-level functions, escape, purge and constants.
import re

names = ['compile', 'search', 'match', 'fullmatch', 'split', 'findall', 'finditer',
         'sub', 'subn', 'escape', 'purge', 'error', 'Pattern', 'Match',
         'I', 'IGNORECASE', 'M', 'MULTILINE', 'S', 'DOTALL', 'X', 'VERBOSE',
         'A', 'ASCII', 'U', 'UNICODE', 'L', 'LOCALE', 'NOFLAG']
print(all(hasattr(re, n) for n in names))
print(re.escape('a.b*c?d+e(f)g[h]i{j}k|l^m$n\\o'))
print(re.escape('hello world\t\n'), re.escape('-#&~'), re.escape('_abc123é'))
print(re.escape(b'a.b c'))
print(re.match(re.escape('1+1=2?'), '1+1=2?').group())
print(re.search('a', 'xa', re.I).span(), re.search(pattern='a', string='xa').span())
print(re.match('a', string='a').group(), re.fullmatch('a+', 'aaa').group())
print(re.fullmatch('a+', 'aab'), re.fullmatch('a*', ''))
print(re.findall('a', 'aAa', flags=re.I), re.split('a', 'bAb', flags=re.I))
print(re.sub('a', 'x', 'aAa', flags=re.I), re.sub('a', 'x', 'aAa', 1, re.I))
print(re.subn(pattern='a', repl='b', string='aa', count=1))
print([m.group() for m in re.finditer('a', 'aAa', re.I)])
p = re.compile('abc')
print(re.search(p, 'xabc').span(), re.sub(p, '-', 'abcabc'), re.split(p, '1abc2'))
print(re.purge())
for i in range(40):
    re.compile('x%d' % i)
print(re.match('x39', 'x39').group())
try:
    re.search('a')
except TypeError as e:
    print('TypeError')
try:
    re.escape(1)
except TypeError as e:
    print('TypeError', e)
