# chr() and ord().
print(ord("a"), ord("A"), ord("0"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("😀"))
print(chr(97), chr(65), chr(48), repr(chr(10)), chr(233), chr(8364), chr(128512), repr(chr(0)))
print("".join(chr(ord(c) + 1) for c in "HAL"), [ord(c) for c in "héllo"])
print(ord(b"a"), ord(bytearray(b"z")), chr(0x10FFFF) == "\U0010ffff", len(chr(0x10FFFF)))
for f in (lambda: ord(""), lambda: ord("ab"), lambda: ord(5), lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"), lambda: chr(1.5)):
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
alphabet = "".join(chr(c) for c in range(ord("a"), ord("z") + 1))
print(alphabet, alphabet.upper())


def rot13(s):
    out = []
    for ch in s:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + 13) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + 13) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)


print(rot13("Hello, World!"), rot13(rot13("Round trip")))
print(sorted("Zebra apple", key=ord), max("hello", key=ord))
