# Dict and set workloads: counting, lookups, updates, deletion.
def run():
    counts = {}
    for i in range(5000000):
        k = (i * 2654435761) % 5003
        counts[k] = counts.get(k, 0) + 1
    names = {"k%d" % i: i for i in range(200000)}
    total = 0
    for i in range(0, 400000, 3):
        total += names.get("k%d" % i, -1)
    for i in range(0, 200000, 2):
        del names["k%d" % i]
    seen = set()
    for i in range(1000000):
        seen.add(i % 7919)
    total += len(names) + len(seen) + sum(counts.values()) + max(counts.values())
    inverted = {v: k for k, v in names.items()}
    return total + len(inverted)


print("dicts checksum:", run())
