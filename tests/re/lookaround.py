# requires: module:re
# Lookahead, lookbehind and their negations.
import re

def t(p, s):
    m = re.search(p, s)
    print(repr(p), repr(s), (m.group(), m.span(), m.groups()) if m else None)

t(r'foo(?=bar)', 'foobaz foobar')
t(r'foo(?!bar)', 'foobar foobaz')
t(r'(?<=\$)\d+', 'cost: $42')
t(r'(?<!\$)\b\d+', '$42 17')
t(r'(?<=ab|cd)x', 'abx')
t(r'(?<=ab|cd)x', 'cdx')
t(r'(?<=a.c)x', 'a-cx')
t(r'(?<=^)a', 'a')
t(r'(?<!^)a', 'aa')
t(r'(?=(\w+))\w', 'hello')
t(r'(?!(\d))(\w)', '1a')
t(r'(?=a)(?=ab)abc', 'xabc')
t(r'(?=a(?=b))\w+', 'cab')
t(r'\w+(?<=d)', 'abcd efg')
t(r'(?<=(a))b', 'ab')
t(r'(?<![a-z])\d', 'a1 2')
t(r'^(?=.*\d)(?=.*[a-z]).{6,}$', 'abc123')
t(r'^(?=.*\d)(?=.*[a-z]).{6,}$', 'abcdef')
t(r'(?<=\b)x', 'a x')
t(r'x(?=)', 'x')
t(r'(?!)|b', 'ab')
t(r'(?<=a{2})b', 'aab')
t(r'(?<=(?:ab){2})c', 'ababc')
t(r'(?<=\d{3})-', '123-')
print(re.findall(r'(?<=-)\w+', 'a-b-cd-e'))
print(re.sub(r'(?<=\d)(?=(\d{3})+$)', ',', '1234567'))
print(re.split(r'(?<=[.!?]) ', 'Hi. How are you? Fine!'))
for p in [r'(?<=a*)b', r'(?<=a|bc)d', r'(?<=a+)b', r'(?<!x?)y']:
    try:
        re.compile(p)
    except re.error as e:
        print(repr(p), e, e.pos)
