# str case conversion and character classification (ASCII; see str_unicode.py).
s = "hello World 123 mIxEd-case_words"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print("they're bill's".title(), "ABC def".capitalize(), "".upper(), "a1b2".title(), "3rd place".title())
for t in ("abc", "ABC", "Abc", "123", "12.5", "abc123", "   ", "", "\t\n", "Ab Cd", "ab cd", "a_b", "_x", "9lives", "A1", "\x07"):
    print(repr(t), t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.isupper(), t.islower(),
          t.istitle(), t.isdecimal(), t.isnumeric(), t.isidentifier(), t.isascii(), t.isprintable())
print("abc".upper().lower() == "abc", "MiXeD".swapcase().swapcase())
print(sorted(["b", "B", "a", "A"]), sorted(["b", "B", "a", "A"], key=str.lower), sorted(["b", "B", "a", "A"], key=str.casefold))
print("hello world".title().swapcase(), "123abc".capitalize(), "HELLO".capitalize(), "hELLO wORLD".title())
words = "The Quick brown FOX".split()
print([w.lower() for w in words], [w[0].upper() + w[1:].lower() for w in words], [w.isupper() for w in words])
print("snake_case_name".replace("_", " ").title().replace(" ", ""), "CamelCase".lower())
