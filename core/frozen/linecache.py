"""Source lines of files, cached (ferropy's own small ``linecache``)."""

cache = {}


def clearcache():
    cache.clear()


def getlines(filename, module_globals=None):
    if filename in cache:
        return cache[filename]
    return updatecache(filename, module_globals)


def getline(filename, lineno, module_globals=None):
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''


def checkcache(filename=None):
    pass


def updatecache(filename, module_globals=None):
    cache.pop(filename, None)
    if not filename or filename.startswith('<') and filename.endswith('>'):
        return []
    try:
        with open(filename, encoding='utf-8') as f:
            lines = f.readlines()
    except (OSError, UnicodeDecodeError, MemoryError):
        return []
    if lines and not lines[-1].endswith('\n'):
        lines[-1] += '\n'
    cache[filename] = lines
    return lines


def lazycache(filename, module_globals):
    return False
