# requires: module:re
# Case-insensitive matching and Unicode classes.
import re

pairs = [('a', 'A'), ('é', 'É'), ('ÿ', 'Ÿ'), ('σ', 'Σ'), ('ς', 'Σ'), ('σ', 'ς'),
         ('д', 'Д'), ('ё', 'Ё'), ('k', '\u212a'), ('s', 'ſ'), ('i', 'İ'), ('ı', 'I'),
         ('µ', 'μ'), ('ß', 'ẞ'), ('ǆ', 'ǅ'), ('ω', 'Ω'), ('a', 'b'), ('1', '1')]
for a, b in pairs:
    print(a, b, bool(re.match(a, b, re.I)), bool(re.match(b, a, re.I)),
          bool(re.match('[' + a + ']', b, re.I)))
print(re.findall(r'[а-я]+', 'Привет МИР мир', re.I))
print(re.findall(r'[α-ω]+', 'ΑΒΓ αβγ', re.I))
print(re.findall(r'[à-ÿ]+', 'ÀÉÎ àéî', re.I))
print(re.findall(r'[A-Z]+', 'abc', re.I), re.findall(r'[^A-Z]+', 'abc1', re.I))
print(re.findall(r'é', 'É', re.I | re.A), re.findall(r'e', 'E', re.I | re.A))
print(re.findall(r'(?i)straße', 'STRASSE Straße'))
print(re.findall(r'\w+', 'naïve café Ωμέγα привет 日本語'))
print(re.findall(r'\d+', '12 ٣٤ ５６'))
print(re.findall(r'\s+', 'a\u00a0b\u2028c'))
print(re.findall(r'\W+', 'a—b«c»'))
print(re.match(r'(\w+) \1', 'ÄBC äbc', re.I))
print(re.sub(r'(?i)ä', 'ae', 'Äpfel und äpfel'))
print(re.search(r'\bé', 'a é').span(), re.search(r'é\b', 'éa é').span())
print(re.findall(r'.', '😀a'), re.match(r'😀+', '😀😀x').span())
print(re.findall(r'[😀-😂]', '😁x😂'))
print(re.search(r'(?<=é)x', 'éx').span(), re.search(r'(?<=😀)x', '😀x').span())
print(re.split(r'é', 'aébéc'), re.sub('ü', 'u', 'über über'))
print(re.escape('ü.é'), re.escape('a-b c'))
