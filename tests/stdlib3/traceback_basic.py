# requires: bigheap module:traceback module:os
# traceback: extract_tb, format_exception(_only), format_exc, chained
# exceptions, print_exc to a file, extract_stack and TracebackException.
import io
import os
import traceback


def norm(text):
    out = []
    for line in text.splitlines():
        if line.startswith('  File "'):
            path = line.split('"')[1]
            line = line.replace(path, os.path.basename(path))
        out.append(line)
    return '\n'.join(out)


def inner():
    raise ValueError('bad value')


def outer():
    inner()


try:
    outer()
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print([(os.path.basename(f.filename), f.lineno, f.name, f.line) for f in tb])
    print(len(tb), tb[-1].name, tb[-1][2], repr(tb[0]).split(',')[1])
    print(traceback.format_exception_only(e))
    print(norm(''.join(traceback.format_exception(e))))
    print(norm(traceback.format_exc()))
    s = io.StringIO()
    traceback.print_exc(file=s)
    print(s.getvalue() == traceback.format_exc())

try:
    try:
        raise KeyError('k')
    except KeyError as e:
        raise RuntimeError('wrapped') from e
except RuntimeError as e:
    print(norm(''.join(traceback.format_exception(e))))
    te = traceback.TracebackException.from_exception(e)
    print(type(te.__cause__).__name__, te.exc_type.__name__, str(te))
    print(list(te.format_exception_only()))


class MyErr(Exception):
    pass


print(traceback.format_exception_only(MyErr('m')), traceback.format_exception_only(MyErr()))
print(traceback.format_exception_only(ValueError, ValueError('v')))
e = SyntaxError('invalid syntax', ('f.py', 3, 5, 'x = = 1\n'))
print(''.join(traceback.format_exception_only(e)), end='')


def here():
    return traceback.extract_stack()


st = here()
print([f.name for f in st][-2:], os.path.basename(st[-1].filename))
print(traceback.format_list([('a.py', 1, 'f', 'x = 1')]))
print(norm(''.join(traceback.format_stack(limit=1))))
