# Argument count/type errors of builtin functions: exact CPython messages.
cases = (
    "abs()", "abs('a')", "abs(1, 2)", "abs(x=1)", "abs(None)",
    "all(1)", "any()", "all()",
    "bin('a')", "bin(1.5)", "bin()", "oct('x')", "hex(1.0)",
    "callable()", "callable(1, 2)",
    "chr(-1)", "chr('a')", "chr(0x110000)", "chr(2**100)", "chr(2**31)", "chr(-2**31)", "chr(-2**31-1)",
    "ord('abc')", "ord(1)", "ord(b'ab')", "ord('')", "ord()",
    "divmod(1)", "divmod(1, 2, 3)", "divmod('a', 1)", "divmod(1, 'a')", "divmod(1, 0)", "divmod(1.0, 0)", "divmod(5, 0.0)", "divmod(1j, 1)",
    "getattr(1)", "getattr(1, 2)", "getattr(1, 'x')", "getattr(1, 'x', 2, 3)",
    "hasattr(1)", "hasattr(1, 2)", "setattr(1, 'x', 2)", "setattr(1, 2)", "setattr(1, 2, 3)", "delattr(1, 'x')", "delattr(1)",
    "hash([])", "hash(1, 2)", "hash({})",
    "isinstance(1, 2)", "isinstance(1)", "issubclass(1, int)", "issubclass(int, 1)",
    "iter(1)", "iter(1, 2)", "iter()", "iter(1, 2, 3)",
    "len(1)", "len()", "len(1, 2)",
    "max()", "max([])", "max(1)", "min([], key=None)", "max(1, 2, default=3)", "max([], x=1)", "min(key=len)", "min(1, 2, key=3)",
    "next(1)", "next()", "next(iter([]))",
    "pow()", "pow(2, 3, 0)", "pow(2.0, 3, 5)", "pow(2, -1, 4)", "pow(0, -1)", "pow(2, 3, 5.0)", "pow('a', 1, 2)", "pow(1, 'a', 2)", "pow(1, 2, 'a')",
    "round('a')", "round()", "round(1, 2, 3)",
    "sorted()", "sorted(1)", "sorted([1], 1)", "sorted(key=len)",
    "sum()", "sum(1)", "sum(['a'], '')", "sum([1], 'a')", "sum([b'a'], b'')", "sum([], 1, 2)", "sum([1.5, 'a'])", "sum(iterable=[1])",
    "vars(1)", "vars(1, 2)", "vars(object=1)", "dir(1, 2)", "dir(x=1)",
    "format(1, 2)", "format(1, 'x', 3)", "format(1, format_spec='')", "format()",
    "repr()", "ascii()", "id()", "id(x=1)",
    "globals(1)", "locals(1)", "globals(x=1)",
    "input(1, 2)", "input(prompt=1)",
    "__import__()", "__import__(1)", "__import__('no_such_module_xyz')",
)
for c in cases:
    try:
        r = eval(c)
        print(c, '->', repr(r))
    except Exception as e:
        print(c, '!!', type(e).__name__, e)
