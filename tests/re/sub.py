# requires: module:re
# sub/subn: templates, callables, count, empty matches.
import re

print(re.sub(r'\d', '#', 'a1b22c333'))
print(re.sub(r'\d', '#', 'a1b22c333', 2))
print(re.sub(r'\d', '#', 'a1b22c333', count=1))
print(re.subn(r'\d', '#', 'a1b22c333'))
print(re.subn(r'x', '#', 'abc'))
print(re.sub(r'(\w+)=(\w+)', r'\2=\1', 'a=1, b=2'))
print(re.sub(r'(?P<k>\w+)=(?P<v>\w+)', r'\g<v>:\g<k>', 'a=1, b=2'))
print(re.sub(r'(\w+)', r'<\g<0>>', 'hi there'))
print(re.sub(r'(\w)', r'\g<1>\g<1>', 'abc'))
print(re.sub(r'a', r'\n\t\\', 'xax') == 'x\n\t\\x')
print(re.sub(r'a', r'\.\-', 'xax'))
print(re.sub(r'a', r'\101\0\08', 'a') == 'A\x00\x008')
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(r'x*', '-', 'abxd'))
print(re.sub(r'x*', '-', ''))
print(re.sub(r'', '-', 'abc'))
print(re.sub(r'\b', '|', 'ab cd'))
print(re.sub(r'(?=b)', '^', 'abab'))
print(re.sub(r'a|', '-', 'baac'))
print(re.sub(r'\w+', lambda m: m.group().upper(), 'hello big world'))
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'a1 b20 c300'))
print(re.sub(r'(\w)(\d)?', lambda m: repr(m.group(2)), 'a1b'))
print(re.sub('a', lambda m: None, 'banana') if False else re.sub('a', lambda m: '', 'banana'))
print(re.subn(r'o', lambda m: '0', 'foo boo', 3))
print(re.sub('a', 'b', 'aaa', 0), re.sub('a', 'b', 'aaa', -1))
p = re.compile(r'(\s+)')
print(p.sub(' ', 'a   b \t c'), p.subn('', ' x '))
print(re.sub('é', 'e', 'café é'))
print(re.sub(r'(?P<w>\w+)', r'\g<w>!', 'hé ça'))
for repl in [r'\2', r'\g<2>', r'\g<x>', r'\g<', r'\g<1', r'\g<>', r'\g<-1>', r'\q', r'\g<a b>', 'x\\']:
    try:
        print(repr(re.sub(r'(a)', repl, 'a')))
    except (re.error, IndexError) as e:
        print(repr(repl), type(e).__name__, e)
for repl in [1, None]:
    try:
        re.sub('a', repl, 'a')
    except TypeError as e:
        print('TypeError', e)
try:
    re.sub('a', lambda m: 1, 'xa')
except TypeError as e:
    print('TypeError', e)
m = re.match(r'(?P<a>\w)(\w)?', 'x')
print(repr(m.expand(r'[\1|\g<a>|\2|\g<0>]')))
