# repr() of strings: quote choice and escapes.
samples = [
    "plain", "it's", 'say "hi"', "both ' and \"", "", "tab\there", "new\nline", "cr\rx",
    "back\\slash", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xff", "é€", "\u200b\u2028", "\U0001F600",
    "\a\b\f\v", "bell\x07",
]
for s in samples:
    print(repr(s), len(repr(s)))
print(repr(b"bytes'\"\x00\xff\n"), repr(b""), repr(bytearray(b"a'b")), repr(b'"'), repr(b"'"))
print(str(["a'", 'b"']), repr(("x",)), repr({"k": "v\n"}))
print(eval(repr("round\ttrip'\"\\")) == "round\ttrip'\"\\")
print(repr(repr("x")), str(repr("é")), ascii("é\n"), ascii("plain"), ascii(["ü"]))
print("%r" % "q'", f"{'é'!a}", "{!r}".format("tab\t"))
