# Non-ASCII strings: code points, UTF-8 encode/decode, case mapping of Latin letters.
s = "héllo wörld ☃ 😀"
print(len(s), s[1], s[-1], s[12], s.upper(), s.title(), s.find("ö"), s.index("☃"), "ö" in s)
b = s.encode("utf-8")
print(len(b), b[:3], b.decode("utf-8") == s, b.decode() == s, list("é".encode()))
print([len(c.encode()) for c in "aé€😀"], [hex(ord(c)) for c in "aé€😀"])
print("ÀÉÎÕÜ".lower(), "àéîõü".upper(), "straße".upper(), "ÉCOLE".casefold(), "Ærø".swapcase())
print(sorted(["é", "e", "z", "a", "É"]), "é" > "z", max("aé€"), min("aé€"))
print(repr("é"), repr("\u00e9"), "\u00e9" == "é", "\N{SNOWMAN}", "\U0001F600" == "😀", ascii("é☃"))
print("é".isalpha(), "☃".isalpha(), "é".isupper(), "É".isupper(), "😀".isprintable(), "\u200b".isprintable())
print("a☃b☃c".split("☃"), "☃".join("abc"), "xéx".strip("x"), "€100".replace("€", "EUR "), "ü" * 3)
print(s[::-1], s[2:9], list(s[-3:]), "😀😀".count("😀"), "aéb".center(7, "·"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e.reason)
try:
    b"\xe9".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.reason)
print(b"caf\xc3\xa9".decode(), str(b"\xe2\x82\xac", "utf-8"), bytearray("ñ", "utf-8"))
print(f"{'é':^5}|{'😀':>3}|", "%-4s|" % "é", "{:<3}|".format("€"))
print(ord(max("😀a")), chr(0x1F600) == "😀", "\x00\x7f\x80\xff".encode("utf-8"))
