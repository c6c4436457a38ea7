# Context cycles are cut where re-raising closes them; a cause class that
# fails to construct raises that failure; bad causes raise TypeError.
try:
    try:
        xyzzy
    except NameError as a:
        try:
            1/0
        except ZeroDivisionError:
            raise a
except NameError as e:
    print(type(e.__context__).__name__, e.__context__.__context__)
class ME(Exception):
    def __init__(self):
        raise RuntimeError('in init')
try:
    raise IndexError from ME
except RuntimeError as e:
    print('RuntimeError', e)
try:
    raise IndexError from KeyError
except IndexError as e:
    print(repr(e.__cause__), e.__suppress_context__)
try:
    raise IndexError from 1
except TypeError as e:
    print('TypeError', e)
