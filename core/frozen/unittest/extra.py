"""The less common parts of unittest.TestCase (imported on first use by
``TestCase.__getattr__``) and FunctionTestCase."""

from unittest import safe_repr, strclass
from unittest.case import TestCase, _search

__unittest = True


def _shorten(s, prefixlen, suffixlen):
    skip = len(s) - prefixlen - suffixlen
    if skip > 12:
        s = '%s[%d chars]%s' % (s[:prefixlen], skip, s[len(s) - suffixlen:])
    return s


def _common_shorten_repr(*args):
    args = tuple(map(safe_repr, args))
    maxlen = max(map(len, args))
    if maxlen <= 80:
        return args
    prefix = args[0]
    for a in args[1:]:
        i = 0
        while i < len(prefix) and i < len(a) and prefix[i] == a[i]:
            i += 1
        prefix = prefix[:i]
    prefixlen = len(prefix)
    common_len = 80 - (maxlen - prefixlen + 5 + 12)
    if common_len > 5:
        prefix = _shorten(prefix, 5, common_len)
        return tuple(prefix + s[prefixlen:] for s in args)
    prefix = _shorten(prefix, 5, 5)
    return tuple(prefix + _shorten(s[prefixlen:], 53, 5) for s in args)


def _typed_diff(self, t, first, second):
    std = '%s != %s' % _common_shorten_repr(first, second)
    try:
        import difflib
    except ImportError:
        difflib = None
    if t is str:
        if '\n' in first or '\n' in second or difflib is not None:
            a = first.splitlines(True)
            b = second.splitlines(True)
            if first and second and (first[-1] != '\n' or second[-1] != '\n'):
                a = (first + '\n').splitlines(True)
                b = (second + '\n').splitlines(True)
            if difflib is not None:
                diff = ''.join(difflib.ndiff(a, b))
            else:
                diff = ''.join(['- ' + x for x in a] + ['+ ' + x for x in b])
            return self._truncateMessage(std, '\n' + diff)
        return std
    if t in (set, frozenset):
        lines = []
        for title, d in (('first set but not the second', first - second),
                         ('second set but not the first', second - first)):
            if d:
                lines.append('Items in the %s:' % title)
                lines.extend(repr(x) for x in d)
        return '\n'.join(lines)
    if t is dict:
        return std
    name = t.__name__.capitalize()
    std = '%ss differ: %s != %s' % (name, *_common_shorten_repr(first, second))
    for i in range(min(len(first), len(second))):
        if first[i] != second[i]:
            return std + '\n\nFirst differing element %d:\n%s\n%s\n' % (
                i, safe_repr(first[i]), safe_repr(second[i]))
    if len(first) > len(second):
        return std + '\n\nFirst %s contains %d additional elements.\n' \
            'First extra element %d:\n%s\n' % (name, len(first) - len(second),
                                               len(second), safe_repr(first[len(second)]))
    return std + '\n\nSecond %s contains %d additional elements.\n' \
        'First extra element %d:\n%s\n' % (name, len(second) - len(first),
                                           len(first), safe_repr(second[len(first)]))


def _typed(self, first, second, msg, t):
    for x, n in ((first, 'First'), (second, 'Second')):
        if not isinstance(x, t):
            if t in (list, tuple):
                m = '%s sequence is not a %s: %s' % (n, t.__name__, safe_repr(x))
            elif t is dict:
                m = '%s argument is not a dictionary' % n
            elif t is str:
                m = '%s argument is not a string' % n
            else:
                m = '%s argument does not support set difference: %s' % (
                    n.lower(), safe_repr(x))
            self.fail(self._formatMessage(msg, m))
    self.assertEqual(first, second, msg)


def assertListEqual(self, first, second, msg=None):
    self._typed(first, second, msg, list)


def assertTupleEqual(self, first, second, msg=None):
    self._typed(first, second, msg, tuple)


def assertDictEqual(self, d1, d2, msg=None):
    self._typed(d1, d2, msg, dict)


def assertSetEqual(self, set1, set2, msg=None):
    self._typed(set1, set2, msg, (set, frozenset))


def assertMultiLineEqual(self, first, second, msg=None):
    self._typed(first, second, msg, str)


def assertSequenceEqual(self, seq1, seq2, msg=None, seq_type=None):
    if seq_type is not None and not (isinstance(seq1, seq_type) and
                                     isinstance(seq2, seq_type)):
        self.fail(self._formatMessage(msg, 'not a %s' % seq_type.__name__))
    if list(seq1) != list(seq2):
        self.fail(self._formatMessage(msg, _typed_diff(self, list, list(seq1),
                                                            list(seq2))))


def assertAlmostEqual(self, first, second, places=None, msg=None, delta=None):
    self._almost(first, second, places, msg, delta, True)


def assertNotAlmostEqual(self, first, second, places=None, msg=None, delta=None):
    self._almost(first, second, places, msg, delta, False)


def _almost(self, first, second, places, msg, delta, eq):
    if delta is not None and places is not None:
        raise TypeError('specify delta or places not both')
    if first == second:
        if eq:
            return
        diff = 0
    else:
        diff = abs(first - second)
    if delta is not None:
        if (diff <= delta) == eq and (eq or first != second):
            return
        std = '%s %s %s within %s delta (%s difference)' % (
            safe_repr(first), '!=' if eq else '==', safe_repr(second), safe_repr(delta),
            safe_repr(diff))
    else:
        if places is None:
            places = 7
        if (round(diff, places) == 0) == eq and (eq or first != second):
            return
        std = '%s %s %s within %r places' % (safe_repr(first), '!=' if eq else '==',
                                             safe_repr(second), places)
        if eq:
            std += ' (%s difference)' % safe_repr(diff)
    self.fail(self._formatMessage(msg, std))


def assertCountEqual(self, first, second, msg=None):
    s, t = list(first), list(second)
    diffs = []
    seen = []
    for e in s + t:
        if e in seen:
            continue
        seen.append(e)
        a, b = s.count(e), t.count(e)
        if a != b:
            diffs.append((a, b, e))
    if diffs:
        std = 'Element counts were not equal:\n'
        lines = ['First has %d, Second has %d:  %r' % d for d in diffs]
        self.fail(self._formatMessage(msg, self._truncateMessage(std, '\n'.join(lines))))


def assertWarns(self, expected_warning, *args, **kwargs):
    return _AssertWarnsContext(expected_warning, self).handle(args, kwargs)


def assertRegex(self, text, expected_regex, msg=None):
    if not _search(expected_regex, text):
        self.fail(self._formatMessage(msg, "Regex didn't match: %r not found in %r" % (
            getattr(expected_regex, 'pattern', expected_regex), text)))


def assertNotRegex(self, text, unexpected_regex, msg=None):
    m = _search(unexpected_regex, text)
    if m:
        part = m.group() if hasattr(m, 'group') else unexpected_regex
        self.fail(self._formatMessage(msg, 'Regex matched: %r matches %r in %r' % (
            part, getattr(unexpected_regex, 'pattern', unexpected_regex), text)))


def enterContext(self, cm):
    result = type(cm).__enter__(cm)
    self.addCleanup(type(cm).__exit__, cm, None, None, None)
    return result


def debug(self):
    self.setUp()
    getattr(self, self._testMethodName)()
    self.tearDown()
    while self._cleanups:
        function, args, kwargs = self._cleanups.pop()
        function(*args, **kwargs)


assertAlmostEquals = assertAlmostEqual
assertNotAlmostEquals = assertNotAlmostEqual
assertRegexpMatches = assertRegex


class _AssertWarnsContext:
    def __init__(self, expected, test_case):
        self.expected = expected
        self.test_case = test_case

    def handle(self, args, kwargs):
        self.msg = kwargs.pop('msg', None)
        if not args:
            return self
        f, *args = args
        self.name = getattr(f, '__name__', str(f))
        with self:
            f(*args, **kwargs)

    def __enter__(self):
        import warnings
        self.cm = warnings.catch_warnings(record=True)
        self.warnings = self.cm.__enter__()
        warnings.simplefilter('always')
        return self

    def __exit__(self, et, ev, tb):
        self.cm.__exit__(et, ev, tb)
        if et is not None:
            return False
        for m in self.warnings:
            if isinstance(m.message, self.expected):
                self.warning = m.message
                self.filename = m.filename
                self.lineno = m.lineno
                return
        n = getattr(self.expected, '__name__', str(self.expected))
        if hasattr(self, 'name'):
            n = '{} not triggered by {}'.format(n, self.name)
        else:
            n = '{} not triggered'.format(n)
        raise self.test_case.failureException(self.test_case._formatMessage(self.msg, n))


class FunctionTestCase(TestCase):
    __module__ = 'unittest.case'

    def __init__(self, testFunc, setUp=None, tearDown=None, description=None):
        TestCase.__init__(self)
        self._setUpFunc = setUp
        self._tearDownFunc = tearDown
        self._testFunc = testFunc
        self._description = description

    def setUp(self):
        if self._setUpFunc is not None:
            self._setUpFunc()

    def tearDown(self):
        if self._tearDownFunc is not None:
            self._tearDownFunc()

    def runTest(self):
        self._testFunc()

    def id(self):
        return self._testFunc.__name__

    def __str__(self):
        return '%s (%s)' % (strclass(self.__class__), self._testFunc.__name__)

    def __repr__(self):
        return '<%s tec=%s>' % (strclass(self.__class__), self._testFunc)

    def shortDescription(self):
        if self._description is not None:
            return self._description
        doc = self._testFunc.__doc__
        return doc and doc.split('\n')[0].strip() or None
