import heapq, bisect
h = []
for x in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 8, 2, 2, 6]
heapq.heapify(data); print(data[0], sorted(data) == [heapq.heappop(data) for _ in range(8)])
h = [1, 3, 5]; print(heapq.heapreplace(h, 4), h, heapq.heappushpop(h, 0), heapq.heappushpop(h, 10), h)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]), heapq.nlargest(2, ['a', 'ccc', 'bb'], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge(['c', 'a'], ['b'], reverse=True)), list(heapq.merge([1, 3], [2], key=lambda x: -x)))
try:
    heapq.heappop([])
except IndexError as e:
    print('IndexError', e)
h = [(2, 'b'), (1, 'a'), (3, 'c')]; heapq.heapify(h); print(heapq.heappop(h))
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % 1000
vals = [rnd() for _ in range(200)]
h = []
for v in vals:
    heapq.heappush(h, v)
print([heapq.heappop(h) for _ in range(200)] == sorted(vals))
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect(a, 9))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 3))
bisect.insort(a, 4); bisect.insort_left(a, 2); print(a)
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('d', 4), key=lambda r: r[1]); print(recs)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print('ValueError', e)
