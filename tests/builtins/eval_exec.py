# eval / exec / compile / globals / locals / vars / dir.
x = 10
print(eval('1 + 2'), eval('x * 2'), eval('  x'), eval('\tx + 1'), eval(b'x - 1'))
print(eval('y', {'y': 5}), eval('y + z', {'y': 1}, {'z': 2}), eval('x', {'x': 'g'}, {'x': 'l'}))
g = {}
exec('a = 1\nb = a + 1', g)
print(g['a'], g['b'], '__builtins__' in g)
loc = {}
exec('c = 3', g, loc)
print(loc, 'c' in g)
exec('x = 11')
print(x)
print(exec('1'), repr(exec('pass', {})))
code = compile('3 * 3', 'f', 'eval')
print(type(code).__name__, eval(code), eval(code, {}))
code = compile('q = 7\nprint("in exec", q)', '<s>', 'exec')
ns = {}
exec(code, ns)
print(ns['q'])
print(eval(compile('x = 1', 'f', 'exec'), {}))
exec(compile('print("single", 1 + 1)', 'f', 'single'))
for bad in ("eval(1)", "exec(1)", "eval('1', 1)", "eval('1', {}, 1)", "exec('1', [])", "exec('a=1', {}, 5)",
            "eval('undefined_name')", "eval('1+')", "compile('1', 'f', 'bad')", "compile('1')",
            "compile(1, 'f', 'exec')", "compile('1', 1, 'exec')", "compile('1', 'f', 'exec', 0x1)",
            "eval('1', None, None, 4)", "exec('1', None, None, 4)", "eval(source='1')", "exec()", "eval()",
            "exec('raise ValueError(3)')", "compile('a\\x00', 'f', 'exec')"):
    try:
        print(bad, '->', repr(eval(bad)))
    except Exception as e:
        print(bad, '!!', type(e).__name__, e)
print(eval('1', {}, []))
exec('w = 4', None, None)
print(w)

def f(a, b=2, *args, **kw):
    c = a + b
    def inner():
        return c
    d = locals()
    print(d['a'], d['b'], d['c'], d['args'], d['kw'], 'inner' in d, len(d))
    return inner
f(1)

def g2():
    v = 1
    def h():
        return v
    return h

def outer():
    n = 5
    def inner():
        m = n + 1
        return locals()
    return inner()
print(outer())

def exec_in_func():
    k = 3
    exec('print("sees", k)')
    print(eval('k + 1'))
exec_in_func()

print(globals()['x'], globals() is globals(), locals() is globals(), vars()['x'])

class C:
    attr = 1
    print('class locals', 'attr' in locals(), locals()['attr'])
    def m(self):
        pass
print(vars(C)['attr'], 'm' in vars(C))
class D:
    def __init__(self):
        self.p = 1
        self.q = 2
print(vars(D()))
import sys
print(vars(sys) is sys.__dict__)
print(__import__('sys') is sys, __import__('sys', fromlist=1).__name__)
