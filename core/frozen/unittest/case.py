"""TestCase."""

import sys
from unittest import SkipTest, _ShouldStop, _sentinel, safe_repr, strclass

__unittest = True

class _Part:
    """One part of a test (setUp, the test, tearDown, a subtest): records
    what it raises in the result (CPython's ``testPartExecutor``)."""

    def __init__(self, outcome, test_case, subtest=False):
        self.o = outcome
        self.tc = test_case
        self.sub = subtest

    def __enter__(self):
        self.old = self.o.success
        self.o.success = True

    def __exit__(self, et, ev, tb):
        o = self.o
        try:
            if et is None:
                if self.sub and o.success:
                    o.result.addSubTest(self.tc.test_case, self.tc, None)
                return False
            if issubclass(et, KeyboardInterrupt):
                return False
            if issubclass(et, SkipTest):
                o.success = False
                _addSkip(o.result, self.tc, str(ev))
            elif issubclass(et, _ShouldStop):
                pass
            elif o.expecting_failure:
                o.expectedFailure = (et, ev, tb)
            else:
                o.success = False
                if self.sub:
                    o.result.addSubTest(self.tc.test_case, self.tc, (et, ev, tb))
                else:
                    _addError(o.result, self.tc, (et, ev, tb))
            return True
        finally:
            o.success = o.success and self.old


class _Outcome:
    def __init__(self, result):
        self.expecting_failure = False
        self.result = result
        self.success = True
        self.expectedFailure = None


def _addSkip(result, test_case, reason):
    result.addSkip(test_case, reason)


def _addError(result, test, exc_info):
    if result is not None and exc_info is not None:
        if issubclass(exc_info[0], test.failureException):
            result.addFailure(test, exc_info)
        else:
            result.addError(test, exc_info)


class _AssertRaisesContext:
    def __init__(self, expected, test_case, expected_regex=None):
        self.expected = expected
        self.test_case = test_case
        self.expected_regex = expected_regex
        self.msg = None

    def handle(self, name, args, kwargs):
        if not (isinstance(self.expected, type) and issubclass(self.expected, BaseException)
                or isinstance(self.expected, tuple) and self.expected and all(
                    isinstance(e, type) and issubclass(e, BaseException)
                    for e in self.expected)):
            raise TypeError('%s() arg 1 must be an exception type or tuple of exception '
                            'types' % name)
        if not args:
            self.msg = kwargs.pop('msg', None)
            if kwargs:
                raise TypeError('%r is an invalid keyword argument for this function'
                                % (next(iter(kwargs)),))
            return self
        callable_obj, *args = args
        try:
            self.obj_name = callable_obj.__name__
        except AttributeError:
            self.obj_name = str(callable_obj)
        with self:
            callable_obj(*args, **kwargs)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            try:
                exc_name = self.expected.__name__
            except AttributeError:
                exc_name = str(self.expected)
            if hasattr(self, 'obj_name'):
                self._fail('{} not raised by {}'.format(exc_name, self.obj_name))
            self._fail('{} not raised'.format(exc_name))
        if not issubclass(exc_type, self.expected):
            return False
        self.exception = exc_value.with_traceback(None)
        if self.expected_regex is None:
            return True
        pat = self.expected_regex
        text = str(exc_value)
        if not _search(pat, text):
            self._fail('"{}" does not match "{}"'.format(getattr(pat, 'pattern', pat), text))
        return True

    def _fail(self, standardMsg):
        msg = self.test_case._formatMessage(self.msg, standardMsg)
        raise self.test_case.failureException(msg)


def _search(pat, text):
    if not isinstance(pat, str):
        return pat.search(text)
    try:
        import re
    except ImportError:
        return pat in text
    return re.search(pat, text)


class _SubTestCM:
    def __init__(self, case, msg, params):
        self.case = case
        self.msg = msg
        self.params = params

    def __enter__(self):
        c = self.case
        o = c._outcome
        self.parent = c._subtest
        if o is None:
            self.part = None
            return
        params = dict(self.params)
        if self.parent is not None:
            for k, v in self.parent.params.items():
                params.setdefault(k, v)
        c._subtest = _SubTest(c, self.msg, params)
        self.part = _Part(o, c._subtest, True)
        self.part.__enter__()

    def __exit__(self, et, ev, tb):
        c = self.case
        try:
            if self.part is None:
                return False
            r = self.part.__exit__(et, ev, tb)
            o = c._outcome
            if not o.success:
                if o.result is not None and o.result.failfast:
                    raise _ShouldStop
            elif o.expectedFailure:
                raise _ShouldStop
            return r
        finally:
            c._subtest = self.parent


def _check(op, a, b):
    if op == 0:
        return bool(a)
    if op == 1:
        return not a
    if op == 2:
        return a is b
    if op == 3:
        return a is not b
    if op == 4:
        return a is None
    if op == 5:
        return a is not None
    if op == 6:
        return a in b
    if op == 7:
        return a not in b
    if op == 8:
        return isinstance(a, b)
    if op == 9:
        return not isinstance(a, b)
    if op == 10:
        return a < b
    if op == 11:
        return a <= b
    if op == 12:
        return a > b
    if op == 13:
        return a >= b
    return a != b


def _simple(op, fmt, two):
    if two:
        def method(self, first, second, msg=None):
            if not _check(op, first, second):
                self.fail(self._formatMessage(msg, fmt.format(
                    safe_repr(first), safe_repr(second), repr(second))))
    else:
        def method(self, expr, msg=None):
            if not _check(op, expr, None):
                self.fail(self._formatMessage(msg, fmt.format(safe_repr(expr))))
    return method


_EXTRA = ('assertListEqual', 'assertTupleEqual', 'assertDictEqual', 'assertSetEqual',
          'assertMultiLineEqual', 'assertSequenceEqual', 'assertAlmostEqual',
          'assertNotAlmostEqual', 'assertCountEqual', 'assertWarns', 'assertRegex',
          'assertNotRegex', 'enterContext', 'debug', '_typed', '_almost',
          'assertAlmostEquals', 'assertNotAlmostEquals', 'assertRegexpMatches')


class TestCase:
    failureException = AssertionError
    longMessage = True
    maxDiff = 80 * 8
    _classSetupFailed = False
    _class_cleanups = []

    def __init__(self, methodName='runTest'):
        self._testMethodName = methodName
        self._outcome = None
        self._testMethodDoc = 'No test'
        try:
            m = getattr(self, methodName)
        except AttributeError:
            if methodName != 'runTest':
                raise ValueError('no such test method in %s: %s' % (self.__class__, methodName))
        else:
            self._testMethodDoc = m.__doc__
        self._cleanups = []
        self._subtest = None

    def addCleanup(self, function, /, *args, **kwargs):
        self._cleanups.append((function, args, kwargs))

    @classmethod
    def addClassCleanup(cls, function, /, *args, **kwargs):
        if '_class_cleanups' not in cls.__dict__:
            cls._class_cleanups = []
        cls._class_cleanups.append((function, args, kwargs))

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def countTestCases(self):
        return 1

    def defaultTestResult(self):
        from unittest.result import TestResult
        return TestResult()

    def shortDescription(self):
        doc = self._testMethodDoc
        return doc.strip().split('\n')[0].strip() if doc else None

    def id(self):
        return '%s.%s' % (strclass(self.__class__), self._testMethodName)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return self._testMethodName == other._testMethodName

    def __hash__(self):
        return hash((type(self), self._testMethodName))

    def __str__(self):
        return '%s (%s.%s)' % (self._testMethodName, strclass(self.__class__),
                               self._testMethodName)

    def __repr__(self):
        return '<%s testMethod=%s>' % (strclass(self.__class__), self._testMethodName)

    def subTest(self, msg=_sentinel, **params):
        return _SubTestCM(self, msg, params)

    def run(self, result=None):
        if result is None:
            result = self.defaultTestResult()
            result.startTestRun()
            stop = True
        else:
            stop = False
        result.startTest(self)
        try:
            method = getattr(self, self._testMethodName)
            if (getattr(self.__class__, '__unittest_skip__', False) or
                    getattr(method, '__unittest_skip__', False)):
                why = (getattr(self.__class__, '__unittest_skip_why__', '') or
                       getattr(method, '__unittest_skip_why__', ''))
                _addSkip(result, self, why)
                return result
            expecting_failure = (getattr(self, '__unittest_expecting_failure__', False) or
                                 getattr(method, '__unittest_expecting_failure__', False))
            outcome = _Outcome(result)
            self._outcome = outcome
            try:
                with _Part(outcome, self):
                    self.setUp()
                if outcome.success:
                    outcome.expecting_failure = expecting_failure
                    with _Part(outcome, self):
                        method()
                    outcome.expecting_failure = False
                    with _Part(outcome, self):
                        self.tearDown()
                self.doCleanups()
                if outcome.success:
                    if expecting_failure:
                        if outcome.expectedFailure:
                            result.addExpectedFailure(self, outcome.expectedFailure)
                        else:
                            result.addUnexpectedSuccess(self)
                    else:
                        result.addSuccess(self)
                return result
            finally:
                outcome.expectedFailure = None
                self._outcome = None
        finally:
            result.stopTest(self)
            if stop:
                result.stopTestRun()

    def doCleanups(self):
        outcome = self._outcome or _Outcome(None)
        while self._cleanups:
            function, args, kwargs = self._cleanups.pop()
            with _Part(outcome, self):
                function(*args, **kwargs)
        return outcome.success

    @classmethod
    def doClassCleanups(cls):
        cls.tearDown_exceptions = []
        while cls._class_cleanups:
            function, args, kwargs = cls._class_cleanups.pop()
            try:
                function(*args, **kwargs)
            except Exception:
                cls.tearDown_exceptions.append(sys.exc_info())

    def __call__(self, *args, **kwds):
        return self.run(*args, **kwds)

    def skipTest(self, reason):
        raise SkipTest(reason)

    def fail(self, msg=None):
        raise self.failureException(msg)

    def _formatMessage(self, msg, standardMsg):
        if not self.longMessage:
            return msg or standardMsg
        if msg is None:
            return standardMsg
        try:
            return '%s : %s' % (standardMsg, msg)
        except UnicodeDecodeError:
            return '%s : %s' % (safe_repr(standardMsg), safe_repr(msg))

    def _truncateMessage(self, message, diff):
        max_diff = self.maxDiff
        if max_diff is None or len(diff) <= max_diff:
            return message + diff
        return message + ('\nDiff is %s characters long. Set self.maxDiff to None to see it.'
                          % len(diff))

    assertTrue = _simple(0, '{0} is not true', False)
    assertFalse = _simple(1, '{0} is not false', False)
    assertIs = _simple(2, '{0} is not {1}', True)
    assertIsNot = _simple(3, 'unexpectedly identical: {0}', True)
    assertIsNone = _simple(4, '{0} is not None', False)
    assertIsNotNone = _simple(5, 'unexpectedly None', False)
    assertIn = _simple(6, '{0} not found in {1}', True)
    assertNotIn = _simple(7, '{0} unexpectedly found in {1}', True)
    assertIsInstance = _simple(8, '{0} is not an instance of {2}', True)
    assertNotIsInstance = _simple(9, '{0} is an instance of {2}', True)
    assertLess = _simple(10, '{0} not less than {1}', True)
    assertLessEqual = _simple(11, '{0} not less than or equal to {1}', True)
    assertGreater = _simple(12, '{0} not greater than {1}', True)
    assertGreaterEqual = _simple(13, '{0} not greater than or equal to {1}', True)

    def assertEqual(self, first, second, msg=None):
        if first == second:
            return
        t = type(first)
        from unittest import extra
        if t is type(second) and t in (str, list, tuple, dict, set, frozenset):
            std = extra._typed_diff(self, t, first, second)
        else:
            std = '%s != %s' % extra._common_shorten_repr(first, second)
        self.fail(self._formatMessage(msg, std))

    def assertNotEqual(self, first, second, msg=None):
        if not first != second:
            self.fail(self._formatMessage(msg, '%s == %s' % (safe_repr(first),
                                                             safe_repr(second))))

    def assertRaises(self, expected_exception, *args, **kwargs):
        return _AssertRaisesContext(expected_exception, self).handle(
            'assertRaises', args, kwargs)

    def assertRaisesRegex(self, expected_exception, expected_regex, *args, **kwargs):
        return _AssertRaisesContext(expected_exception, self, expected_regex).handle(
            'assertRaisesRegex', args, kwargs)


    assertEquals = failUnlessEqual = assertEqual
    assertNotEquals = failIfEqual = assertNotEqual
    assert_ = failUnless = assertTrue
    failIf = assertFalse
    failUnlessRaises = assertRaises
    assertRaisesRegexp = assertRaisesRegex

    def __getattr__(self, name):
        # The less common assert methods live in unittest.extra, imported
        # (and installed on TestCase) the first time one is looked up.
        if name in _EXTRA:
            from unittest import extra
            for n in _EXTRA:
                setattr(TestCase, n, getattr(extra, n))
            return getattr(self, name)
        raise AttributeError("'%s' object has no attribute '%s'"
                             % (type(self).__name__, name))


class _SubTest(TestCase):
    def __init__(self, test_case, message, params):
        self._message = message
        self.test_case = test_case
        self.params = params
        self.failureException = test_case.failureException

    def runTest(self):
        raise NotImplementedError('subtests cannot be run directly')

    def _subDescription(self):
        parts = []
        if self._message is not _sentinel:
            parts.append('[{}]'.format(self._message))
        if self.params:
            parts.append('({})'.format(', '.join('{}={!r}'.format(k, v)
                                                 for k, v in self.params.items())))
        return ' '.join(parts) or '(<subtest>)'

    def id(self):
        return '{} {}'.format(self.test_case.id(), self._subDescription())

    def shortDescription(self):
        return self.test_case.shortDescription()

    def __str__(self):
        return '{} {}'.format(self.test_case, self._subDescription())


