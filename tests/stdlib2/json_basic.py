# requires: module:json
import json
data = {"b": [1, 2.5, None, True, False], "a": {"x": "y\n\t\"q\\", "u": "é€😀\x01\x7f"}, "n": -0.0, "big": 2**80, "f": 1e22, "g": 0.1, "t": (1, 2), "e": [], "d": {}}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent='\t', separators=(',', '='), ensure_ascii=False))
print(json.dumps([1, {"a": [2, {}]}], separators=(',', ':')))
print(json.dumps({1: 2, 2.5: 3, True: 4, None: 5, "s": 6}))
print(json.dumps({(1,): 2, "a": 1}, skipkeys=True))
print(json.dumps([float('nan'), float('inf'), -float('inf')]))
print(json.dumps(set([1]), default=sorted), json.dumps("x"), json.dumps(5), json.dumps(None))
class C: pass
print(json.dumps({"c": C()}, default=lambda o: "C!"))
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: json.dumps(float('nan'), allow_nan=False)); t(lambda: json.dumps({(1,): 2})); t(lambda: json.dumps(object()))
a = []; a.append(a); t(lambda: json.dumps(a))
t(lambda: json.dumps({3: 1, "a": 2}, sort_keys=True))
s = json.dumps(data)
print(json.loads(s))
print(json.loads(' [1, -2, 3.5e3, 1E-2, -0, 12345678901234567890123, "a\\u00e9\\ud83d\\ude00\\n\\/", true, false, null, NaN, -Infinity, {}] '))
print(json.loads('{"a": 1, "a": 2}'), json.loads(b'{"k": [1]}'), json.loads(bytearray(b'3')))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda p: p))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10), json.loads('[NaN]', parse_constant=lambda c: c))
for s in ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '"a\x01"', '"\\x"', '"\\u12"', '"\\u12zz"', '{1:2}', '01', '-', '1.', '1e', 'nul', '[', '{', '{"a"', '{"a":', '\ufeff1', 'tru', '1 2', '\n\n  x', '"\\', '[1,2', '[1 ,', '"\\u"', '["é", x]']:
    try: json.loads(s)
    except json.JSONDecodeError as e: print(repr(s), e, '|', e.msg, e.pos, e.lineno, e.colno, repr(e.doc) == repr(s))
t(lambda: json.loads(5))
print(issubclass(json.JSONDecodeError, ValueError))
try: json.loads('[')
except ValueError as e: print('VE', e)
import io
f = io.StringIO(); json.dump({"z": [1, 2]}, f, indent=1); print(repr(f.getvalue()))
f.seek(0); print(json.load(f))
e = json.JSONDecodeError('m', 'ab\ncd', 4); print(e.args, e.lineno, e.colno)
