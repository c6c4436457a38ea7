# requires: module:re
# re.error messages and positions, as CPython 3.11.
import re

pats = [
    '(a', 'a)', '(?P<1a>x)', '(?P<a>x)(?P<a>y)', '[a', '[a-', '[z-a]', r'[\d-z]',
    '*a', 'a**', 'a{3,2}', '+', '?', 'a{2}{3}', r'\q', '\\', r'[\q]', r'\x1', r'\x',
    r'\u12', r'\U0011ffff', '(?', '(?<', '(?<x', '(?P', '(?Px)', '(?P<', '(?P<a', '(?P<>a)',
    '(?P=', '(?P=a)', '(?Z)', '(?#abc', '(?iz)', '(?i', '(?-', '(?-i', '(?i-i:a)',
    'a(?i)b', '(?a)(?u)', '(?au)', '(?-a:x)', r'\9', r'(a)\2', r'\400', '((a)', 'x|(y',
    '(?x)a #(', 'a\n(b', '^*', r'\b+', 'a|*', '(*)', '(?:', '(?=a', '[]', '[^]',
    '(?(1', '(?()a)', '(?(-1)a)', '(?L)a', r'[\400]',
]
for p in pats:
    try:
        re.compile(p)
        print(repr(p), 'compiled')
    except re.error as e:
        print(repr(p), '->', e, '|', repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == p)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
try:
    re.compile('a{99999999999}')
except OverflowError as e:
    print('OverflowError', e)
e = re.error('boom')
print(type(e).__name__, str(e), e.msg, e.pattern, e.pos)
e = re.error('boom', 'ab\ncd', 4)
print(str(e), e.lineno, e.colno)
print(issubclass(re.error, Exception), re.error.__name__, re.error.__module__)
try:
    re.compile(b'(')
except re.error as e:
    print(e, e.pattern)
