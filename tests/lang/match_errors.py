# SyntaxErrors and run-time errors of pattern matching, as CPython 3.11.

srcs = [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case {'k': a, **a}:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case [a] | (b):\n        pass\n",
    "match x:\n    case a | 1:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case {1: 1, 1.0: 2}:\n        pass\n",
    "match x:\n    case Point(x=1, x=2):\n        pass\n",
    "match x:\n    case Point(x=1, 2):\n        pass\n",
    "match x:\n    case f'{x}':\n        pass\n",
    "match x:\n    case 1 + 2:\n        pass\n",
    "match x:\n    case 1j + 2j:\n        pass\n",
    "match x:\n    case 1 as _:\n        pass\n",
    "match x:\n    case 1 as 2:\n        pass\n",
    "match x:\n    case 1\n        pass\n",
    "match x:\ncase 1:\n    pass\n",
    "match x:\n    case 1:\n    pass\n",
    "match x:\n    case __debug__:\n        pass\n",
    "match x:\n    case (a as b) | (b as a):\n        pass\n",
    "match x:\n    case [a, (a as b)]:\n        pass\n",
    "match x:\n    case y if y:\n        pass\n    case z:\n        pass\n",
]
for s in srcs:
    try:
        compile(s, "<test>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)

# Valid ones.
for s in [
    "match x:\n    case (a as b) | (b as a):\n        pass\n",
    "match x:\n    case {**rest}:\n        pass\n",
    "match x:\n    case [*_]:\n        pass\n",
    "match x:\n    case a.b.c:\n        pass\n",
    "match (x):\n    case 1:\n        pass\n",
    "match -x:\n    case 1:\n        pass\n",
    "match *x, y:\n    case 1:\n        pass\n",
    "match = 1\n",
    "match.x = 1\n",
    "match(1)\n",
    "match[1:2]\n",
    "print(match, case)\n",
]:
    try:
        compile(s, "<test>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)

# Run-time errors.
class NoArgs:
    pass

class BadArgs:
    __match_args__ = ["a"]

class NotStr:
    __match_args__ = (1,)

class Twice:
    __match_args__ = ("a", "a")
    a = 1

def run(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

def t1():
    match NoArgs():
        case NoArgs(1):
            return "matched"
def t2():
    match BadArgs():
        case BadArgs(1):
            return "matched"
def t3():
    match NotStr():
        case NotStr(1):
            return "matched"
def t4():
    match Twice():
        case Twice(a, b):
            return "matched"
def t5():
    match 1:
        case len():
            return "matched"
def t6():
    k = 1
    class K:
        x = 1
    match {1: 2}:
        case {1: a, K.x: b}:
            return "matched"
def t7():
    match 5:
        case int(1, 2):
            return "matched"
def t8():
    match NoArgs():
        case NoArgs(a=1):
            return "matched"
    return "no attr, no match"
def t9():
    match 5:
        case NoArgs():
            return "matched"
    return "not instance"
def t10():
    match {"a": 1}:
        case {"a": 1, **rest}:
            return rest
for f in [t1, t2, t3, t4, t5, t6, t7, t8, t9, t10]:
    run(f)
