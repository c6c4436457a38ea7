# iter / next / callable_iterator / any / all / len.
it = iter([1, 2])
print(next(it), next(it), next(it, 'end'), next(it, None))
try:
    next(it)
except StopIteration as e:
    print('StopIteration', e.args)

def gen():
    yield 1
    return 42
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('gen return', e.value)
print(next(g, 'dflt'))

n = [0]
def counter():
    n[0] += 1
    return n[0]
ci = iter(counter, 4)
print(type(ci).__name__, iter(ci) is ci)
for v in ci:
    print('ci', v)
print(next(ci, 'done'))

def stopper():
    raise StopIteration
print(next(iter(stopper, 1), 'stopped'))

def boom():
    raise ValueError('boom')
try:
    next(iter(boom, 1))
except ValueError as e:
    print('ValueError', e)

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
for v in iter(Seq()):
    print('seq', v)

class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 2:
            raise StopIteration
        return self.i
print(next(It()), all(It()), any(It()))
print(all([]), any([]), all([1, 0]), any([0, 0, 3]), all((1, 2)), any(''), all('ab'))
print(len([1, 2, 3]), len('héllo'), len({1: 2}), len(()), len(b'ab'), len(range(10)))
class L:
    def __len__(self):
        return 7
print(len(L()))
