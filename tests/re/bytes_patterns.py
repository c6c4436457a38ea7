# requires: module:re
# bytes patterns and subjects, and mixing errors.
import re

print(re.match(rb'\w+', b'hello world'))
print(re.findall(rb'[a-c]+', b'xabcay'))
print(re.sub(rb'(\d)', rb'<\1>', b'a1b2'))
print(re.split(rb'\s', b'a b\tc'))
print(re.search(rb'\d+', bytearray(b'ab12cd')).group())
print(re.search(rb'\d+', memoryview(b'ab12cd')).span())
print(re.match(rb'(?i)abc', b'ABC').group())
print(re.match(rb'\w', b'\xe9'), re.match('\\w', '\xe9'))
print(re.match(b'\xe9', b'\xe9').group(), re.match(rb'\xe9', b'\xe9').span())
print(re.match(rb'[\x80-\xff]+', b'\x80\xfe\x7f').group())
print(re.match(rb'.', b'\n'), re.match(rb'.', b'\n', re.S))
print(re.compile(rb'a+'), re.compile(rb'a', re.I), re.compile(b'a').pattern)
print(re.escape(b'a.b\xff'))
print(re.match(rb'(?P<x>a)', b'a').groupdict())
print(re.subn(rb'a', lambda m: m.group().upper(), b'banana'))
print(re.fullmatch(rb'a\Z', b'a'))
m = re.match(rb'(a)(b)?', b'a')
print(m.groups(), m.groups(b'-'), m.expand(rb'\1\1'))
tests = [
    (r'a', b'a'), (rb'a', 'a'), ('a', 1), (rb'a', None), (1, 'a'),
]
for p, s in tests:
    try:
        re.search(p, s)
    except TypeError as e:
        print('TypeError', e)
try:
    re.sub('a', b'b', 'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.sub(b'a', 'b', b'a')
except TypeError as e:
    print('TypeError', e)
try:
    re.compile(rb'\u0041')
except re.error as e:
    print('error', e)
try:
    re.compile(b'(?u)a')
except re.error as e:
    print('error', e)
