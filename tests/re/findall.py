# requires: module:re
# findall and finditer: group semantics, pos/endpos, empty matches.
import re

print(re.findall(r'\d+', 'a1 b22 c333'))
print(re.findall(r'(\w)(\d)', 'a1 b2 c'))
print(re.findall(r'(\w)\d', 'a1 b2 c'))
print(re.findall(r'(\w)(x)?', 'ab'))
print(re.findall(r'((a)b)', 'abab'))
print(re.findall(r'x*', 'axxb'))
print(re.findall(r'', 'ab'))
print(re.findall(r'\b', 'ab cd'))
print(re.findall(r'a|', 'baa'))
print(re.findall(r'(?:ab)+', 'ababxab'))
print(re.findall(r'[aeiou]', 'education', re.I))
p = re.compile(r'\w')
print(p.findall('abcdef', 2), p.findall('abcdef', 2, 4), p.findall('abcdef', endpos=3))
print(p.findall('abcdef', -5, 100), p.findall('abcdef', 4, 2))
for m in re.finditer(r'(\w+)@(\w+)', 'a@b, cc@dd'):
    print(m.span(), m.groups(), m.group(0))
it = re.finditer(r'\d', 'a1b2')
print(type(it).__name__, next(it).group(), next(it).group())
try:
    next(it)
except StopIteration:
    print('done')
print([m.span() for m in re.finditer(r'x*', 'axxb')])
print([m.span() for m in re.finditer(r'', 'abc')])
print([m.span() for m in p.finditer('abcdef', 1, 4)])
m = list(p.finditer('abcdef', 1, 4))[0]
print(m.pos, m.endpos, m.string)
print([m.group() for m in re.finditer(r'é+', 'aéébé')])
print([m.span() for m in re.finditer(r'é', 'aéébé')])
print(re.findall(r'\w+', 'ça va très bien'))
print(re.findall(rb'\d+', b'a12b3'))
print(re.findall(rb'(\d)(x)?', b'1'))
print(len(re.findall(r'\w', 'a' * 1000)))
