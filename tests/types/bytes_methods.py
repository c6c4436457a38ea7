# bytes methods.
b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" H"), b.upper(), b.lower(), b.swapcase(), b.title())
print(b"a,b,,c".split(b","), b"a b  c".split(), b"a,b,c".split(b",", 1), b"a,b,c".rsplit(b",", 1))
print(b"-".join([b"a", b"b", b"c"]), b"".join([]), b",".join((bytearray(b"x"), b"y")))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".find(108), b"hello".index(b"lo"), b"hello".count(b"l"))
print(b"hello".startswith(b"he"), b"hello".endswith((b"x", b"lo")), b"hello".replace(b"l", b"L"), b"aaa".replace(b"a", b"b", 1))
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"l1\nl2\r\n".splitlines(), b"l1\nl2\n".splitlines(True))
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"AB".isupper(), b"ab".islower(), b"".isalpha())
print(b"abc".center(7, b"*"), b"abc".ljust(5, b"."), b"abc".rjust(5), b"42".zfill(5), b"ab\tc".expandtabs(4))
print(b"hello world".capitalize(), b"prefix-x".removeprefix(b"prefix-"), b"x.txt".removesuffix(b".txt"))
print(bytes.maketrans(b"ab", b"xy") == bytes.maketrans(b"ab", b"xy"), b"abc".translate(bytes.maketrans(b"ab", b"xy")), b"abc".translate(None, b"b"))
for t in (lambda: b"a".split(b""), lambda: b"abc".index(b"z"), lambda: b"x".join(["s"]), lambda: b"a".find("a")):
    try:
        t()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(b"%s" % b"abc".hex().encode(), bytes.fromhex(b"0a0b".decode()), b"abc" * 0, b"\x00".isalnum())
