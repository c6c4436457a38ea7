# requires: module:re
# Deep backtracking must not overflow the native stack.
import re

s = 'ab' * 300
print(len(re.match(r'(?:ab)*', s).group()))
print(len(re.match(r'(ab|cd)*', s).group()))
print(re.match(r'(?:a|b)*c', s))
print(len(re.match(r'(?:(a)|b)*', s).group()), re.match(r'(?:(a)|b)*', s).span(1))
print(len(re.match(r'.*', 'x' * 10000).group()))
print(re.match(r'.*x', 'y' * 5000))
print(re.match(r'(?:.)*?z', 'y' * 1000 + 'z').end())
print(re.fullmatch(r'(?:a+)+', 'a' * 2000) is not None)
print(re.search(r'(\w+)\s+\1', 'x ' * 200 + 'yy yy').group())
print(re.match(r'(' * 12 + 'a' + ')' * 12, 'a').lastindex)
print(len(re.findall(r'\w+', 'word ' * 500)))
print(len(re.sub(r'a', 'bb', 'a' * 2000)))
print(re.match(r'(?:(?:a*)*)*b', 'a' * 5))
try:
    re.compile('(' * 5000 + ')' * 5000)
    print('compiled')
except (RecursionError, re.error, MemoryError) as e:
    print('deep nesting rejected')
