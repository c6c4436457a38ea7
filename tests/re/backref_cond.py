# requires: module:re
# Backreferences and conditional groups.
import re

def t(p, s, f=0):
    m = re.search(p, s, f)
    print(repr(p), repr(s), (m.group(), m.groups()) if m else None)

t(r'(\w)\1', 'abccd')
t(r'(\w+) \1', 'hello hello world')
t(r'(?P<q>[\'"]).*?(?P=q)', 'say "hi" now')
t(r'(a)|\1b', 'b')
t(r'(a)?\1', 'b')
t(r'(a*)\1', 'aaaa')
t(r'(?i)(a)\1', 'aA')
t(r'(ab)\1', 'ABab', re.I)
t(r'(\d)(\d)\2\1', '12211')
t(r'(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\10', 'abcdefghijj')
t(r'(a)\01', 'a\x01')
t(r'(a)\141', 'aa')
t(r'(?:(a)|b)(?(1)c|d)', 'bd')
t(r'(?:(a)|b)(?(1)c|d)', 'ac')
t(r'(?:(a)|b)(?(1)c|d)', 'ad')
t(r'(?P<x><)?\w+(?(x)>)', '<tag> word')
t(r'(?P<x><)?\w+(?(x)>)', 'word>')
t(r'(a)?(?(1)b)c', 'c')
t(r'^(\()?\d+(?(1)\))$', '(12)')
t(r'^(\()?\d+(?(1)\))$', '(12')
t(r'(?:(x)|y)+(?(1)!|\?)', 'yx!')
t(r'(a)(?(1)|b)', 'a')
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world'))
print(re.findall(r'(\w)\1', 'aabbcdd'))
for p in [r'(a)\2', r'\1(a)', r'(a\1)', r'(?P=n)', r'(?P<n>a)(?P=m)',
          r'(?(2)a|b)', r'(?(x)a)', r'(?(1a)a)', r'(?(0)a)', r'(a)(?(1)a|b|c)']:
    try:
        re.compile(p)
        print(repr(p), 'ok')
    except re.error as e:
        print(repr(p), 'error:', e)
