import itertools as it
from itertools import *
print(list(islice(count(5), 4)), list(islice(count(1, 0.5), 3)), repr(count(3)), repr(count(1, 2)))
print(list(islice(cycle('ab'), 5)), list(cycle([])))
print(list(repeat(7, 3)), repr(repeat('x', 2)), list(islice(repeat(1), 3)), list(repeat(1, -1)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], lambda a, b: a * b)), list(accumulate([], initial=5)), list(accumulate([1, 2], initial=10)))
print(list(chain('ab', [1, 2])), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a'])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')], [(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5], key=lambda x: x // 2)])
gs = list(groupby('aabb'))
print([list(g) for k, g in gs])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
i = iter(range(10)); print(list(islice(i, 3, 5)), next(i))
for bad in [(-1,), (1, 2, 0), ('a',)]:
    try:
        islice([], *bad)
    except ValueError as e:
        print('ValueError', e)
print(list(pairwise('ABCDE')), list(pairwise('A')))
print(list(starmap(pow, [(2, 5), (3, 2)])))
a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a), len(tee('ab', 3)), tee('x', 0))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()), list(zip_longest('a', 'bc')))
print(list(product('ab', range(2))), list(product([0, 1], repeat=2)), list(product()), list(product('ab', [])))
print(list(permutations('ABC', 2)), len(list(permutations(range(4)))), list(permutations('AB', 3)))
print(list(permutations(range(3))))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('A', 2)), list(combinations('AB', 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 0)), list(combinations_with_replacement('', 1)))
try:
    permutations('ab', -1)
except ValueError as e:
    print('ValueError', e)
try:
    product('ab', repeat=-1)
except ValueError as e:
    print('ValueError', e)
print(sum(1 for _ in combinations(range(10), 4)), sum(1 for _ in permutations(range(5), 3)))
