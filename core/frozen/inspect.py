"""A small inspect: the code flag constants, the type predicates, cleandoc
and getdoc."""

CO_OPTIMIZED = 0x0001
CO_NEWLOCALS = 0x0002
CO_VARARGS = 0x0004
CO_VARKEYWORDS = 0x0008
CO_NESTED = 0x0010
CO_GENERATOR = 0x0020
CO_NOFREE = 0x0040
CO_COROUTINE = 0x0080
CO_ITERABLE_COROUTINE = 0x0100
CO_ASYNC_GENERATOR = 0x0200


def isclass(obj):
    return isinstance(obj, type)


def ismodule(obj):
    return type(obj).__name__ == "module"


def isfunction(obj):
    return type(obj).__name__ == "function"


def cleandoc(doc):
    """Tabs expanded, the first line stripped, the common indentation of
    the other lines removed, blank lines at both ends dropped."""
    lines = doc.expandtabs().split('\n')
    indents = [len(l) - len(l.lstrip()) for l in lines[1:] if l.lstrip()]
    margin = min(indents) if indents else 0
    lines = [lines[0].lstrip()] + [l[margin:] for l in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def getdoc(obj):
    """The object's docstring, cleaned up (None when it has none)."""
    doc = getattr(obj, '__doc__', None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)
