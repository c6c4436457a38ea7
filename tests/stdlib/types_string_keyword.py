# requires: module:string
import types, string, keyword, sys
def f(): pass
def g(): yield
class C:
    def m(self): pass
print(type(f) is types.FunctionType, types.LambdaType is types.FunctionType, isinstance(g(), types.GeneratorType))
print(isinstance(C().m, types.MethodType), isinstance(sys, types.ModuleType), isinstance(len, types.BuiltinFunctionType))
print(types.NoneType, types.EllipsisType is type(...), types.NotImplementedType.__name__)
ns = types.SimpleNamespace(a=1, b=2); ns.c = 3; print(ns, ns.a + ns.c, ns == types.SimpleNamespace(a=1, b=2, c=3))
m = types.ModuleType('mymod'); m.x = 5; print(m.__name__, m.x)
print(types.MethodType(lambda self: self * 2, 21)())
X = types.new_class('X', (C,), exec_body=lambda ns: ns.update(v=7)); print(X.__name__, X.v, issubclass(X, C))
print(type(f.__code__) is types.CodeType)
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords('hello   world  foo'), string.capwords('a-b-c', '-'))
fmt = string.Formatter()
print(fmt.format('{0} + {1} = {2:>4}', 1, 2, 3), fmt.format('{a!r} {b[0]} {c.real}', a='x', b=[9], c=3))
print(fmt.format('{} {}', 'p', 'q'), fmt.format('{{lit}} {0:{1}}', 3.14159, '.2f'))
print(list(fmt.parse('a{0}b{x!r:>3}c')))
t = string.Template('$who likes ${what}, $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='tim'), t.get_identifiers())
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError', e)
try:
    string.Template('bad $ here').substitute()
except ValueError as e:
    print('ValueError', e)
print(keyword.iskeyword('for'), keyword.iskeyword('print'), keyword.issoftkeyword('match'), len(keyword.kwlist), keyword.softkwlist)
