import contextlib, sys
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack, redirect_stdout
@contextmanager
def tag(name):
    print('<%s>' % name)
    try:
        yield name.upper()
    finally:
        print('</%s>' % name)
with tag('h1') as t:
    print('inside', t)
try:
    with tag('x'):
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
@contextmanager
def swallow():
    try:
        yield
    except KeyError:
        print('swallowed')
with swallow():
    raise KeyError(1)
print('after swallow')
@tag('deco')
def decorated():
    print('in decorated')
decorated()
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print('suppressed')
class Thing:
    def close(self): print('closed')
with closing(Thing()) as th:
    print(type(th).__name__)
with nullcontext(5) as v:
    print('null', v)
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'callback', i)
    stack.enter_context(tag('es'))
    print('body')
with ExitStack() as stack:
    stack.push(lambda *exc: print('push exit', exc[0].__name__) or True)
    raise IndexError
print('stack suppressed')
with ExitStack() as outer:
    outer.callback(print, 'not yet')
    moved = outer.pop_all()
print('moved'); moved.close()
class Buf:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
    def flush(self): pass
    def getvalue(self): return ''.join(self.parts)
buf = Buf()
with redirect_stdout(buf):
    print('hidden')
print('captured', repr(buf.getvalue()))
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print('RuntimeError', e)
