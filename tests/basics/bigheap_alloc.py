# requires: bigheap
# Allocations well beyond a 150 KB heap.
big_list = list(range(100000))
print(len(big_list), sum(big_list), big_list[-1])
d = {i: str(i) for i in range(20000)}
print(len(d), d[19999], sum(len(v) for v in d.values()))
s = "x" * 500000
print(len(s), s.count("x"))
words = [str(i) * 5 for i in range(30000)]
print(len(words), words[12345], len("".join(words)))
matrix = [[r * c for c in range(200)] for r in range(200)]
print(sum(map(sum, matrix)))
b = bytearray(300000)
b[-1] = 7
print(len(b), b[-1], sum(b))
del big_list, d, s, words, matrix, b
again = [i * 2 for i in range(100000)]
print(again[99999])
