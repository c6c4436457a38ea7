# Attribute assignment on builtin objects: writable getsets work, the rest is
# read-only or missing, with CPython's messages.
p = property(lambda s: 1, doc='first')
print(p.__doc__)
p.__doc__ = 'second'
print(p.__doc__)


class K:
    @property
    def x(self):
        "x doc"
        return 1


K.__dict__['x'].__doc__ = 'changed'
print(K.x.__doc__, K().x)
for o, name in [(1, 'x'), (1, 'real'), (1, 'bit_length'), ('s', 'upper'), ([], 'foo'),
                (None, 'x'), (len, '__name__')]:
    try:
        setattr(o, name, 5)
    except AttributeError as e:
        print('AttributeError', e)
for o, name in [(1, 'real'), ([], 'append'), (p, 'zz')]:
    try:
        delattr(o, name)
    except AttributeError as e:
        print('AttributeError', e)
