# requires: module:re
# Flags: values, combinations, inline and scoped.
import re

print([int(f) for f in (re.I, re.IGNORECASE, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG)])
print(int(re.I | re.M), int(re.I | re.S | re.X), re.I == 2, re.M & re.M == 8)
print(re.findall('abc', 'ABC abc aBc', re.I))
print(re.findall('^\\w+', 'one\ntwo\nthree', re.M))
print(re.findall('^\\w+', 'one\ntwo\nthree'))
print(re.findall('\\w+$', 'one\ntwo\nthree', re.M))
print(re.findall('a.b', 'a\nb', re.S), re.findall('a.b', 'a\nb'))
print(re.findall(r'''
    \d+   # digits
    \s*   # space
    [a-z] # a letter
''', '12 a 3b', re.X))
print(re.findall(r'a b # c', 'ab', re.X))
print(re.findall(r'[ #]', 'a b#c', re.X))
print(re.findall(r'a\ b', 'a b', re.X))
print(re.findall(r'\w+', 'héllo wörld', re.A))
print(re.findall(r'\w+', 'héllo wörld'))
print(re.findall(r'(?i)HELLO', 'hello Hello'))
print(re.findall(r'(?m)^x', 'x\nx'))
print(re.findall(r'(?s).', '\n'))
print(re.findall(r'(?x) a b c ', 'abc'))
print(re.findall(r'(?a)\w+', 'héllo'))
print(re.findall(r'(?i:a)b', 'Ab AB ab'))
print(re.findall(r'(?-i:a)b', 'Ab aB ab', re.I))
print(re.findall(r'a(?s:.)b(?m:$)', 'a\nb'))
print(re.findall(r'(?x: a b ) c', 'abc ab c'))
print(re.findall(r'(?im)^a', 'A\na'))
for p in ['(?i)a', '(?m)a', '(?s)a', '(?x)a', '(?a)a', '(?u)a', 'a', '(?ims)a']:
    print(p, re.compile(p).flags)
print(re.compile(b'a').flags, re.compile(b'(?i)a').flags)
print(re.compile('a', re.A).flags, re.compile('a', re.I | re.X).flags)
print(re.compile('(?i)', re.M).flags)
for p, f in [('a', re.A | re.U), ('a', re.L), (b'a', re.U), (b'a', re.A | re.L)]:
    try:
        re.compile(p, f)
    except ValueError as e:
        print('ValueError', e)
print(re.search('[a-z]+', 'ABC', re.I).group(), re.search('[^a-z]+', 'ABC1', re.I).group())
print(re.search(r'\d', '٣').group(), re.search(r'\d', '٣', re.A))
print(re.search(r'\s', '\u2003') is not None, re.search(r'\s', '\u2003', re.A))
