# A doctest-compatible runner that works on ferropy (no `re`, `doctest`,
# `traceback` or `inspect` needed) and on CPython.
#
#     doctest_runner.py [-v] MODULE
#
# Imports MODULE, collects the `>>>` examples from the docstrings of the
# module, of its functions and classes (and their methods, static/class
# methods and properties) and of its `__test__` dict, the way
# doctest.DocTestFinder does, runs them and compares the output as
# doctest.OutputChecker does (exceptions by their last line, <BLANKLINE>,
# the ELLIPSIS, NORMALIZE_WHITESPACE, IGNORE_EXCEPTION_DETAIL and SKIP
# directives). Prints each failure, then one line
#     DOCTEST MODULE examples=N passed=P failed=F skipped=S
# Exit status: 0 all passed, 1 some failed, 2 the module did not import.

import sys

ELLIPSIS = 'ELLIPSIS'
NORMALIZE_WHITESPACE = 'NORMALIZE_WHITESPACE'
IGNORE_EXCEPTION_DETAIL = 'IGNORE_EXCEPTION_DETAIL'
SKIP = 'SKIP'
KNOWN_OPTIONS = (ELLIPSIS, NORMALIZE_WHITESPACE, IGNORE_EXCEPTION_DETAIL, SKIP,
                 'DONT_ACCEPT_TRUE_FOR_1', 'DONT_ACCEPT_BLANKLINE',
                 'REPORT_NDIFF', 'REPORT_UDIFF', 'REPORT_CDIFF',
                 'REPORT_ONLY_FIRST_FAILURE', 'FAIL_FAST')


class Example:
    def __init__(self, source, want, exc_msg, lineno, options):
        self.source = source
        self.want = want
        self.exc_msg = exc_msg
        self.lineno = lineno
        self.options = options


def _indent_of(line):
    n = 0
    while n < len(line) and line[n] == ' ':
        n += 1
    return n


def _is_prompt(stripped, prompt):
    # '>>>' or '...' alone, or followed by a space.
    return stripped == prompt or stripped.startswith(prompt + ' ')


def _directives(source):
    # doctest: a comment `# doctest: +OPT, -OPT` ending a source line.
    options = {}
    for line in source.split('\n'):
        i = line.find('#')
        while i >= 0:
            rest = line[i + 1:].lstrip()
            if rest.startswith('doctest:'):
                spec = rest[len('doctest:'):]
                if "'" not in spec and '"' not in spec:
                    for opt in spec.replace(',', ' ').split():
                        if opt[:1] in '+-' and opt[1:] in KNOWN_OPTIONS:
                            options[opt[1:]] = opt[0] == '+'
                break
            i = line.find('#', i + 1)
    return options


def _split_exception(want):
    # doctest's _EXCEPTION_RE: a traceback header, any stack lines, then the
    # message: everything from the first line that starts with a word
    # character.
    lines = want.split('\n')
    head = lines[0].rstrip()
    if head not in ('Traceback (most recent call last):', 'Traceback (innermost last):'):
        return None
    for i in range(1, len(lines)):
        line = lines[i]
        if line and (line[0].isalnum() or line[0] == '_'):
            return '\n'.join(lines[i:])
    return None


def parse_examples(doc):
    doc = doc.expandtabs()
    lines = doc.split('\n')
    examples = []
    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.lstrip(' ')
        if not _is_prompt(stripped, '>>>'):
            i += 1
            continue
        indent = _indent_of(line)
        lineno = i
        source_lines = [stripped[4:]]
        i += 1
        while i < n:
            l = lines[i]
            s = l[indent:] if _indent_of(l) >= indent else None
            if s is not None and _is_prompt(s, '...'):
                source_lines.append(s[4:])
                i += 1
            else:
                break
        want_lines = []
        while i < n:
            l = lines[i]
            if l.strip() == '' or l.lstrip(' ').startswith('>>>'):
                break
            want_lines.append(l[indent:] if _indent_of(l) >= indent else l.lstrip(' '))
            i += 1
        source = '\n'.join(source_lines)
        if source.strip() == '':
            continue
        want = '\n'.join(want_lines)
        if want:
            want += '\n'
        examples.append(Example(source + '\n', want, _split_exception(want), lineno,
                                _directives(source)))
    return examples


def _ellipsis_match(want, got):
    if '...' not in want:
        return want == got
    ws = want.split('...')
    startpos, endpos = 0, len(got)
    w = ws[0]
    if w:
        if not got.startswith(w):
            return False
        startpos = len(w)
        del ws[0]
    w = ws[-1]
    if w:
        if not got.endswith(w):
            return False
        endpos -= len(w)
        del ws[-1]
    if startpos > endpos:
        return False
    for w in ws:
        startpos = got.find(w, startpos, endpos)
        if startpos < 0:
            return False
        startpos += len(w)
    return True


def _blankline_want(want):
    out = []
    for line in want.split('\n'):
        if line.rstrip() == '<BLANKLINE>':
            line = ''
        out.append(line)
    return '\n'.join(out)


def _blankline_got(got):
    out = []
    for line in got.split('\n'):
        if line.strip() == '':
            line = ''
        out.append(line)
    return '\n'.join(out)


def _to_ascii(s):
    # doctest folds both texts to ASCII with backslash escapes, so that a
    # want of '\\xf8' matches a got of 'ø'
    # (str(s.encode('ASCII', 'backslashreplace'), 'ASCII')).
    if s.isascii():
        return s
    out = []
    for ch in s:
        c = ord(ch)
        if c < 0x80:
            out.append(ch)
        elif c < 0x100:
            out.append('\\x%02x' % c)
        elif c < 0x10000:
            out.append('\\u%04x' % c)
        else:
            out.append('\\U%08x' % c)
    return ''.join(out)


def check_output(want, got, options):
    got = _to_ascii(got)
    want = _to_ascii(want)
    if got == want:
        return True
    if not options.get('DONT_ACCEPT_TRUE_FOR_1'):
        if (got, want) in (('True\n', '1\n'), ('False\n', '0\n')):
            return True
    if not options.get('DONT_ACCEPT_BLANKLINE'):
        want = _blankline_want(want)
        got = _blankline_got(got)
        if got == want:
            return True
    if options.get(NORMALIZE_WHITESPACE):
        got = ' '.join(got.split())
        want = ' '.join(want.split())
        if got == want:
            return True
    if options.get(ELLIPSIS):
        if _ellipsis_match(want, got):
            return True
    return False


def _strip_exception_detail(msg):
    # The exception's name without module and without the message.
    msg = msg.strip()
    i = msg.find(':')
    if i >= 0:
        msg = msg[:i]
    j = msg.rfind('.')
    if j >= 0:
        msg = msg[j + 1:]
    return msg


def exception_line(exc):
    # The last line of traceback.format_exception_only(type(exc), exc).
    t = type(exc)
    name = getattr(t, '__qualname__', t.__name__)
    mod = getattr(t, '__module__', None)
    if mod not in (None, '__main__', 'builtins'):
        name = mod + '.' + name
    if isinstance(exc, SyntaxError) and getattr(exc, 'msg', None) is not None:
        text = str(exc.msg)
    else:
        try:
            text = str(exc)
        except BaseException:
            text = '<exception str() failed>'
    if text:
        return name + ': ' + text + '\n'
    return name + '\n'


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def writelines(self, lines):
        for s in lines:
            self.write(s)

    def flush(self):
        pass

    def isatty(self):
        return False

    def getvalue(self):
        return ''.join(self.parts)

    def truncate(self, size=None):
        self.parts = []


# --- finding docstrings (doctest.DocTestFinder) ---

def _is_class(obj):
    return isinstance(obj, type)


def _is_routine(obj):
    t = type(obj)
    if t.__name__ in ('function', 'builtin_function_or_method', 'method',
                      'cython_function_or_method', 'fused_cython_function',
                      'method_descriptor', 'classmethod_descriptor',
                      'wrapper_descriptor', 'method-wrapper'):
        return True
    if _is_class(obj):
        return False
    # inspect.ismethoddescriptor
    return hasattr(t, '__get__') and not hasattr(t, '__set__')


def _from_module(module, obj):
    if isinstance(obj, property):
        return True
    if type(obj).__name__ == 'function' and hasattr(obj, '__globals__'):
        return module.__dict__ is obj.__globals__
    try:
        objclass = getattr(obj, '__objclass__', None)
        if objclass is not None:
            return getattr(objclass, '__module__', None) == module.__name__
        mod = getattr(obj, '__module__', None)
    except BaseException:
        return True
    if mod is None:
        return True
    return mod == module.__name__


def find_docstrings(module):
    found = []   # (name, docstring)
    seen = set()

    def add(obj, name):
        if id(obj) in seen:
            return
        seen.add(id(obj))
        if isinstance(obj, str):
            doc = obj
        else:
            try:
                doc = obj.__doc__
            except BaseException:
                doc = None
            if not isinstance(doc, str):
                doc = ''
        if doc:
            found.append((name, doc))
        if obj is module:
            for valname, val in list(obj.__dict__.items()):
                if (_is_routine(val) or _is_class(val)) and _from_module(module, val):
                    add(val, name + '.' + valname)
            test = obj.__dict__.get('__test__', None)
            if isinstance(test, dict):
                for valname, val in list(test.items()):
                    if not isinstance(valname, str):
                        continue
                    if isinstance(val, str) or _is_routine(val) or _is_class(val):
                        add(val, name + '.__test__.' + valname)
        elif _is_class(obj):
            for valname, val in list(obj.__dict__.items()):
                if isinstance(val, (staticmethod, classmethod)):
                    val = val.__func__
                if ((_is_routine(val) or _is_class(val) or isinstance(val, property))
                        and _from_module(module, val)):
                    add(val, name + '.' + valname)

    add(module, module.__name__)
    found.sort(key=lambda t: t[0])
    return found


# --- running ---

class Result:
    def __init__(self):
        self.examples = 0
        self.passed = 0
        self.failed = 0
        self.skipped = 0


def report_failure(name, ex, kind, got):
    print('*' * 60)
    print('Failed example %s (docstring line %d):' % (name, ex.lineno + 1))
    for line in ex.source.rstrip('\n').split('\n'):
        print('    ' + line)
    print('Expected:')
    if ex.want:
        for line in ex.want.rstrip('\n').split('\n'):
            print('    ' + line)
    else:
        print('    nothing')
    print(kind)
    for line in got.rstrip('\n').split('\n'):
        print('    ' + line)


def run_docstring(module, name, doc, result, verbose):
    examples = parse_examples(doc)
    if not examples:
        return
    globs = dict(module.__dict__)
    real_stdout = sys.stdout
    for index, ex in enumerate(examples):
        result.examples += 1
        options = ex.options
        if options.get(SKIP):
            result.skipped += 1
            continue
        cap = Capture()
        exc = None
        sys.stdout = cap
        try:
            code = compile(ex.source, '<doctest %s[%d]>' % (name, index), 'single')
            exec(code, globs)
        except KeyboardInterrupt:
            sys.stdout = real_stdout
            raise
        except BaseException as e:
            exc = e
        finally:
            sys.stdout = real_stdout
        got = cap.getvalue()
        if exc is None:
            ok = check_output(ex.want, got, options)
            kind = 'Got:'
        else:
            line = exception_line(exc)
            got = 'Traceback (most recent call last):\n  ...\n' + line
            kind = 'Got an exception:'
            if ex.exc_msg is None:
                ok = False
            else:
                ok = check_output(ex.exc_msg, line, options)
                if not ok and options.get(IGNORE_EXCEPTION_DETAIL):
                    ok = (_strip_exception_detail(ex.exc_msg)
                          == _strip_exception_detail(line))
        if ok:
            result.passed += 1
            if verbose:
                print('ok   %s[%d]' % (name, index))
        else:
            result.failed += 1
            report_failure(name, ex, kind, got)
    globs.clear()


def main(argv):
    verbose = False
    args = []
    for a in argv[1:]:
        if a == '-v':
            verbose = True
        else:
            args.append(a)
    if len(args) != 1:
        print('usage: doctest_runner.py [-v] MODULE')
        return 2
    modname = args[0]
    # The module is looked up in the working directory first.
    sys.path.insert(0, '')
    try:
        module = __import__(modname)
    except BaseException as e:
        print('IMPORT-ERROR %s: %s' % (modname, exception_line(e).rstrip('\n')))
        print('DOCTEST %s examples=0 passed=0 failed=0 skipped=0 import=failed' % modname)
        return 2
    result = Result()
    for name, doc in find_docstrings(module):
        run_docstring(module, name, doc, result, verbose)
    print('DOCTEST %s examples=%d passed=%d failed=%d skipped=%d' % (
        modname, result.examples, result.passed, result.failed, result.skipped))
    return 1 if result.failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
