# requires: bigheap module:traceback
# traceback formats exception groups (nested, chained, truncated, notes)
# with CPython 3.11's boxes and margins.
import traceback


def show(e, **kw):
    for chunk in traceback.format_exception(e, **kw):
        for line in chunk.splitlines():
            # file names differ (relative vs absolute): keep the base name
            if 'File "' in line:
                a = line.index('File "') + 6
                b = line.index('"', a)
                line = line[:a] + line[a:b].rsplit("/", 1)[-1] + line[b:]
            print(line)
    print("=" * 20)


def boom():
    raise ExceptionGroup("eg", [ValueError(1), TypeError("t")])


try:
    boom()
except Exception as e:
    show(e)

try:
    try:
        raise KeyError("k")
    except KeyError as e:
        raise ExceptionGroup("outer", [e, ExceptionGroup("inner", [OSError(2, "x")])])
except Exception as e:
    show(e)

# never raised: no traceback lines
show(ExceptionGroup("plain", [ValueError("a"), ExceptionGroup("sub", [KeyError(1)])]))

# more than max_group_width members
show(ExceptionGroup("many", [ValueError(i) for i in range(5)]), limit=None)
te = traceback.TracebackException.from_exception(
    ExceptionGroup("wide", [ValueError(i) for i in range(5)]), max_group_width=2
)
print("".join(te.format()))
te = traceback.TracebackException.from_exception(
    ExceptionGroup("a", [ExceptionGroup("b", [ExceptionGroup("c", [ValueError()])])]),
    max_group_depth=1,
)
print("".join(te.format()))

# chained group and notes inside a group
inner = ValueError("noted")
inner.add_note("first note")
inner.add_note("second\nnote")
try:
    try:
        raise RuntimeError("cause")
    except RuntimeError as c:
        raise ExceptionGroup("with cause", [inner]) from c
except Exception as e:
    show(e)

# a group inside a chain of plain exceptions
try:
    try:
        raise ExceptionGroup("first", [ZeroDivisionError("z")])
    except ExceptionGroup:
        raise ValueError("then this")
except Exception as e:
    show(e)
show(ValueError("x"), chain=False)
print(traceback.format_exception_only(ExceptionGroup("only", [ValueError(1)])))
