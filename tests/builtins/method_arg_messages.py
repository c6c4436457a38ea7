# Argument-count and keyword errors of builtin methods and constructors,
# with CPython 3.11's exact messages.
cases = [
    '"".replace()', '"".replace("a")', '"".split(1, 2, 3)', '"".strip(1, 2)', '"".ljust()',
    '"".zfill()', '"".format_map()', '"".translate()', 'str.maketrans()', 'str.maketrans(1, 2, 3, 4)',
    '"".partition()', '"".removeprefix()', '"".upper(1)', '"".center(1, 2, 3)', '"".count()',
    '"".find()', '"".index()', '"".startswith()', '"".startswith(1, 2, 3, 4)', '"".endswith()',
    '"".rfind(1, 2, 3, 4)', '"".expandtabs(1, 2)', '"".isdigit(1)',
    'b"".replace()', 'b"".count()', 'b"".upper(1)', 'bytes.fromhex()', 'b"".center()',
    'bytearray().append()', 'bytearray().extend()', 'bytearray().upper(1)', 'bytearray().find()',
    '(1).bit_length(1)', '(1.0).is_integer(1)', '(1.0).hex(1)', '(1).__format__()',
    '(1).__round__(1, 2)', '(1.5).__round__(1, 2)', '(1).__add__()', '(1).__neg__(2)',
    '(1).as_integer_ratio(2)', '(1.5).as_integer_ratio(1)', '(1).conjugate(1)',
    'slice()', 'slice(1, 2, 3, 4)', 'slice(1).indices()', 'slice(1).indices(1, 2)',
    'staticmethod()', 'classmethod()', 'staticmethod(1, 2)',
    '"".split(x=1)', '"".splitlines(x=1)', '"".encode(x=1)', '[].sort(x=1)', 'sorted([], x=1)',
    'int(x=1)', 'float(x=1)', 'str(x=1)', 'bytes(x=1)', 'enumerate([], x=1)',
    '(1).to_bytes(x=1)', 'int.from_bytes(b"", x=1)', 'round(1, x=1)', 'pow(1, 2, x=3)',
    'sum([], x=1)', 'complex(x=1)', 'bytearray(x=1)', 'property(x=1)', 'open("f", x=1)',
    '"".replace("a", "b", x=1)', '"".center(1, x=1)', '"".startswith("a", x=1)',
    '"".count("a", x=1)', '"".upper(x=1)',
    'type("X", 1, {})', 'type(1, (), {})', 'type("X", (), 1)',
]
for c in cases:
    try:
        eval(c)
        print(c, "-> ok")
    except Exception as e:
        print(c, "->", type(e).__name__, e)
