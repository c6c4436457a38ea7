# String processing: building, splitting, joining, formatting, searching.
def run():
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    lines = []
    for i in range(600000):
        w = words[i % len(words)]
        lines.append("%d:%s:%s" % (i, w.upper(), w[::-1]))
    text = "\n".join(lines)
    total = 0
    for line in text.split("\n"):
        num, up, rev = line.split(":")
        total += int(num) % 7 + len(up) + (1 if rev.startswith("a") else 0)
    total += text.count("ALPHA") + text.find("ZETA") % 1000
    s = ""
    for i in range(200000):
        s += str(i % 10)
    total += len(s.replace("1", "one")) + len(f"{total:,}")
    parts = sorted(set(text.replace("\n", ":").split(":")[:30000]))
    return total + len(parts)


print("strings checksum:", run())
