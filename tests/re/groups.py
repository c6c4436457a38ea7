# requires: module:re
# Capturing, named and non-capturing groups; lastindex.
import re

m = re.match(r'(a)(b)(c)', 'abc')
print(m.groups(), m.group(0), m.group(1, 3), m.lastindex)
m = re.match(r'((a)(b))c', 'abc')
print(m.groups(), m.lastindex, m.span(1), m.span(3))
m = re.match(r'(?:a)(b)', 'ab')
print(m.groups(), m.lastindex)
m = re.match(r'(a)|(b)', 'b')
print(m.groups(), m.groups('-'), m.lastindex, m.start(1), m.span(1))
m = re.match(r'(?P<year>\d{4})-(?P<month>\d\d)(-(?P<day>\d\d))?', '2024-05')
print(m.groupdict(), m.groupdict(0), m.group('year'), m['month'])
print(m.lastgroup, m.lastindex, m.groups())
m = re.match(r'(?P<a>x)(?P<b>y)?', 'x')
print(m.lastgroup, m.lastindex, m.groupdict())
m = re.match(r'(a(b(c(d))))', 'abcd')
print(m.groups(), m.lastindex, m.regs)
m = re.match(r'(a)+', 'aaa')
print(m.group(1), m.span(1))
m = re.match(r'(a|b)*', 'abba')
print(m.group(1), m.span(1))
m = re.match(r'(?:(a)|b)*', 'ab')
print(m.group(1), m.span(1))
m = re.match(r'(a)(?:x(b))?', 'a')
print(m.groups(), m.lastindex)
p = re.compile(r'(?P<n>\w+)\s(\d+)(?:\s(?P<o>\w+))?')
print(p.groups, sorted(p.groupindex.items()))
m = p.match('abc 12')
print(m.groups(), m.group('n', 2, 'o'), m.groupdict('?'))
for k in ['n', 1, 2, 3, 'o']:
    print(k, m.start(k), m.end(k))
for bad in [4, -1, 'zz', 1.5]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
m = re.match(r'()', '')
print(m.groups(), m.span(1), m.lastindex)
m = re.search(r'(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)(\d)', '12345678901')
print(m.group(11), m.lastindex, m.groups()[-2:])
print(re.match(r'(?P<first_name>\w+)', 'Bob').lastgroup)
